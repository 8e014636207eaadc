/*
 * Where the other CPUs start.  A STARTUP IPI wakes a CPU in 16-bit real
 * mode at a page-aligned address below 1 MiB, so smp.c copies this code to
 * TRAMPOLINE_PHYS and fills in the four words at its end: the page tables
 * (the kernel's, which still map the low 4 GiB one-to-one during bring-up),
 * the stack (the top of the CPU's idle task's stack), the per-CPU area and
 * the C entry point.  The code steps through protected mode into long mode,
 * as boot.S did for the first CPU, and calls ap_main(cpu).
 */
#define TRAMPOLINE_PHYS 0x8000
#define ABS(x) (TRAMPOLINE_PHYS + (x) - trampoline_start)

	.section .rodata
	.code16
	.globl trampoline_start
trampoline_start:
	cli
	cld
	xor %ax, %ax
	mov %ax, %ds
	lgdtl ABS(tr_gdt_ptr)
	mov %cr0, %eax
	or $1, %eax			/* PE */
	mov %eax, %cr0
	ljmpl $0x08, $ABS(tr_protected)

	.code32
tr_protected:
	mov $0x10, %ax
	mov %ax, %ds
	mov %ax, %es
	mov %ax, %ss
	mov %cr4, %eax
	or $0x20, %eax			/* PAE */
	mov %eax, %cr4
	mov ABS(tr_cr3), %eax
	mov %eax, %cr3
	mov $0xC0000080, %ecx		/* EFER: SCE | LME | NXE */
	rdmsr
	or $0x901, %eax
	wrmsr
	mov %cr0, %eax
	or $0x80010001, %eax		/* PG | WP | PE */
	mov %eax, %cr0
	ljmp $0x18, $ABS(tr_long)

	.code64
tr_long:
	mov $0x10, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	mov ABS(tr_stack), %rsp
	mov ABS(tr_cpu), %rdi
	mov ABS(tr_entry), %rax
	xor %ebp, %ebp
	call *%rax
1:	hlt
	jmp 1b

	.align 8
tr_gdt:
	.quad 0
	.quad 0x00cf9a000000ffff	/* 0x08: 32-bit code */
	.quad 0x00cf92000000ffff	/* 0x10: data */
	.quad 0x00af9a000000ffff	/* 0x18: 64-bit code */
tr_gdt_end:
tr_gdt_ptr:
	.word tr_gdt_end - tr_gdt - 1
	.long ABS(tr_gdt)
	.align 8
	.globl trampoline_args
trampoline_args:
tr_cr3:	.quad 0
tr_stack: .quad 0
tr_cpu:	.quad 0
tr_entry: .quad 0
	.globl trampoline_end
trampoline_end:
	.section .note.GNU-stack, "", @progbits
