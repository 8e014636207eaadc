/*
 * struct pt_regs: the user registers saved on the kernel stack at every entry
 * from user mode (system call, interrupt, exception).  The first fifteen are
 * pushed by our entry code in Linux's order; then orig_rax (the system call
 * number, or -1), the trap number and error code, then the frame the CPU
 * pushes itself.  kernel/arch/x86_64/entry.S must agree with this layout.
 */
#ifndef TINE_PTRACE_H
#define TINE_PTRACE_H

#include <tine/types.h>

struct pt_regs {
	u64 r15, r14, r13, r12, rbp, rbx, r11, r10, r9, r8;
	u64 rax, rcx, rdx, rsi, rdi;
	u64 orig_rax;			/* syscall number; -1 outside syscalls */
	u64 trapno;			/* exception/IRQ vector, TRAP_SYSCALL */
	u64 err;			/* CPU error code, or 0 */
	u64 rip, cs, rflags, rsp, ss;	/* pushed by the CPU (or by us, SYSCALL) */
};

#define TRAP_SYSCALL 256

#define KERNEL_CS 0x10
#define KERNEL_DS 0x18
#define USER32_CS 0x23
#define USER_DS 0x2b
#define USER_CS 0x33
#define TSS_SEL 0x40

static inline bool user_mode(const struct pt_regs *r)
{
	return (r->cs & 3) == 3;
}

#endif
