/*
 * Every way into and out of the kernel: the exception and interrupt stubs,
 * the SYSCALL entry, the return to user mode (SYSRET when the registers allow
 * it, IRETQ otherwise), the context switch, and the first return of a new
 * task.  All entries from user mode save a struct pt_regs (ptrace.h) at the
 * top of the task's kernel stack and swap GS to the per-CPU area.
 */
#define USER_DS 0x2b
#define USER_CS 0x33
#define TRAP_SYSCALL 256

/* pt_regs offsets: keep in step with include/tine/ptrace.h */
#define R11 48
#define RCX 88
#define RIP 144
#define CS 152
#define RFLAGS 160
#define RSP 168
#define SS 176

.macro SAVE_GPRS
	push %rdi
	push %rsi
	push %rdx
	push %rcx
	push %rax
	push %r8
	push %r9
	push %r10
	push %r11
	push %rbx
	push %rbp
	push %r12
	push %r13
	push %r14
	push %r15
.endm

.macro RESTORE_GPRS
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbp
	pop %rbx
	pop %r11
	pop %r10
	pop %r9
	pop %r8
	pop %rax
	pop %rcx
	pop %rdx
	pop %rsi
	pop %rdi
.endm

	.text
/* Exception and IRQ stubs: push a zero error code where the CPU does not. */
.macro STUB_NOERR n
	.align 16
stub_\n:
	push $0
	push $\n
	jmp trap_common
.endm
.macro STUB_ERR n
	.align 16
stub_\n:
	push $\n
	jmp trap_common
.endm

.irp n, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,22,23,24,25,26,27,28,31
	STUB_NOERR \n
.endr
.irp n, 8,10,11,12,13,14,17,21,29,30
	STUB_ERR \n
.endr
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,236,251,253,254,255
	STUB_NOERR \n
.endr

	.section .rodata
	.align 8
	.globl trap_stubs
trap_stubs:		/* vectors 0..47, then the APIC's: 236, 251, 253, 254, 255 */
.irp n, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	.quad stub_\n
.endr
.irp n, 32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,236,251,253,254,255
	.quad stub_\n
.endr
	.text

trap_common:
	push $-1			/* orig_rax: not a system call */
	SAVE_GPRS
	testb $3, CS(%rsp)
	jz 1f
	swapgs
1:	cld
	mov %rsp, %rdi
	sub $8, %rsp			/* 23 words pushed: realign to 16 */
	call trap_dispatch
	add $8, %rsp
	testb $3, CS(%rsp)
	jnz return_to_user
	RESTORE_GPRS
	add $24, %rsp			/* orig_rax, trapno, err */
	iretq

/*
 * SYSCALL: the CPU left the user rip in %rcx and rflags in %r11 and did not
 * switch stacks; interrupts are off (FMASK clears IF) until we are on the
 * kernel stack.
 */
	.globl syscall_entry
syscall_entry:
	swapgs
	mov %rsp, %gs:24
	mov %gs:16, %rsp
	push $USER_DS
	push %gs:24
	push %r11
	push $USER_CS
	push %rcx
	push $0
	push $TRAP_SYSCALL
	push %rax			/* orig_rax */
	SAVE_GPRS
	sti
	mov %rsp, %rdi
	sub $8, %rsp
	call do_syscall
	add $8, %rsp

/* Return to user mode with the pt_regs at %rsp: signals, rescheduling. */
	.globl return_to_user
return_to_user:
	cli
	mov %rsp, %rdi
	sub $8, %rsp
	call exit_to_user_mode
	add $8, %rsp
	/* SYSRET restores rip from rcx and rflags from r11: usable only if
	   those still match, and rip is canonical (SYSRET to a non-canonical
	   address faults in kernel mode on Intel). */
	mov RCX(%rsp), %rcx
	cmp RIP(%rsp), %rcx
	jne iret_to_user
	mov R11(%rsp), %r11
	cmp RFLAGS(%rsp), %r11
	jne iret_to_user
	cmpq $USER_CS, CS(%rsp)
	jne iret_to_user
	cmpq $USER_DS, SS(%rsp)
	jne iret_to_user
	movabs $0x00007ffffffff000, %rax
	cmp %rax, %rcx
	jae iret_to_user
	RESTORE_GPRS
	mov RSP-120(%rsp), %rsp		/* 120 = the fifteen registers popped */
	swapgs
	sysretq

iret_to_user:
	RESTORE_GPRS
	add $24, %rsp
	swapgs
	iretq

/* ret_to_user(regs): leave a kernel-made context (first exec of init). */
	.globl ret_to_user
ret_to_user:
	mov %rdi, %rsp
	jmp return_to_user

/*
 * switch_to_asm(&prev->thread.rsp, next->thread.rsp): save the callee-saved
 * registers on prev's kernel stack, switch stacks, restore next's.  Every
 * other register is dead across the call by the C calling convention.
 */
	.globl switch_to_asm
switch_to_asm:
	push %rbp
	push %rbx
	push %r12
	push %r13
	push %r14
	push %r15
	mov %rsp, (%rdi)
	mov %rsi, %rsp
	pop %r15
	pop %r14
	pop %r13
	pop %r12
	pop %rbx
	pop %rbp
	ret

/* A forked task's first instructions: %rsp is its copy of the pt_regs. */
	.globl ret_from_fork
ret_from_fork:
	sub $8, %rsp
	call schedule_tail
	add $8, %rsp
	jmp return_to_user

/* A kernel thread's first instructions: fn in %r12, its argument in %r13. */
	.globl kthread_start
kthread_start:
	sub $8, %rsp
	call schedule_tail
	mov %r13, %rdi
	call *%r12
	ud2

/*
 * long __copy_user(void *dst, const void *src, size_t n): 0, or non-zero if
 * an access faulted.  rep movsq moves eight bytes per step (QEMU costs
 * rep movsb per byte, rep movsq per word), rep movsb the last 0-7.  Each
 * instruction that may fault has an __ex_table entry sending the
 * page-fault handler to the fault label.
 */
	.globl __copy_user
__copy_user:
	mov %rdx, %rcx
	shr $3, %rcx
10:	rep movsq
	mov %edx, %ecx
	and $7, %ecx
11:	rep movsb
	xor %eax, %eax
	ret
copy_fault:
	mov $1, %eax
	ret

/* long __clear_user(void *dst, size_t n): the same for zeroing. */
	.globl __clear_user
__clear_user:
	mov %rsi, %rdx
	mov %rsi, %rcx
	shr $3, %rcx
	xor %eax, %eax
14:	rep stosq
	mov %edx, %ecx
	and $7, %ecx
15:	rep stosb
	ret
clear_fault:
	mov $1, %eax
	ret

/* long __get_user_byte(const char *src): the byte, or -1 on a fault. */
	.globl __get_user_byte
__get_user_byte:
16:	movzbl (%rdi), %eax
	ret
getb_fault:
	mov $-1, %rax
	ret

	.section __ex_table, "a"
	.align 8
	.quad 10b, copy_fault
	.quad 11b, copy_fault
	.quad 14b, clear_fault
	.quad 15b, clear_fault
	.quad 16b, getb_fault
	.text
	.section .note.GNU-stack, "", @progbits
