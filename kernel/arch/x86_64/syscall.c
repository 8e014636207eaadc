/*
 * System call dispatch and the return-to-user work loop.  do_syscall() looks
 * the number up in syscall_table (Linux x86-64 numbering); an empty slot is
 * -ENOSYS, logged once by name, under the big kernel lock.
 * exit_to_user_mode() runs with interrupts off before every return to user
 * space: it reschedules if the time slice ran out, delivers signals, and
 * lets the kernel lock go.
 */
#include <tine/syscall_table.h>
#include <tine/syscalls.h>
#include <tine/ptrace.h>
#include <tine/task.h>
#include <tine/errno.h>
#include <tine/printk.h>
#include <tine/cpu.h>
#include <tine/kernel_lock.h>

static u64 enosys_logged[NR_SYSCALLS / 64];

static long sys_ni(u64 nr)
{
	if (nr < NR_SYSCALLS && !(enosys_logged[nr / 64] & (1ULL << (nr % 64)))) {
		enosys_logged[nr / 64] |= 1ULL << (nr % 64);
		const char *name = syscall_names[nr] ? syscall_names[nr] : "?";
		pr_warn("tine: syscall %s (%llu) not implemented, returning ENOSYS\n",
			name, (unsigned long long)nr);
	}
	return -ENOSYS;
}

/* trace=syscall on the command line: log every call, strace-style. */
bool syscall_trace;

static void trace_syscall(const struct pt_regs *regs, u64 nr)
{
	const char *name = nr < NR_SYSCALLS && syscall_names[nr] ? syscall_names[nr] : "?";
	printk(KERN_NOTICE "[%d] %s(%llx, %llx, %llx, %llx) = %lld\n", current->pid, name,
	       (unsigned long long)regs->rdi, (unsigned long long)regs->rsi,
	       (unsigned long long)regs->rdx, (unsigned long long)regs->r10,
	       (long long)regs->rax);
}

void do_syscall(struct pt_regs *regs)
{
	u64 nr = regs->orig_rax;

	if (smp_kernel_lock())
		lock_kernel();
	current->regs = regs;
	if (nr < NR_SYSCALLS && syscall_table[nr])
		regs->rax = syscall_table[nr](regs->rdi, regs->rsi, regs->rdx,
					      regs->r10, regs->r8, regs->r9);
	else
		regs->rax = sys_ni(nr);
	if (unlikely(syscall_trace))
		trace_syscall(regs, nr);
}

void do_signal(struct pt_regs *regs);

/*
 * Called with interrupts off just before every return to user mode; the
 * big kernel lock is held after a system call or fault, not after an
 * interrupt, and is taken only if there is work.  It is released here, so
 * user code never runs holding it.
 */
void exit_to_user_mode(struct pt_regs *regs)
{
	struct task_struct *t = current;

	for (;;) {
		bool work = t->need_resched || signal_pending_current();
		if (!work)
			break;
		if (smp_kernel_lock() && !kernel_locked())
			lock_kernel();
		__asm__ volatile("sti");
		if (t->need_resched)
			schedule();
		if (signal_pending_current())
			do_signal(regs);
		__asm__ volatile("cli");
	}
	/* A restartable call that no signal handler interrupted: restart it. */
	if (regs->orig_rax != (u64)-1 && (s64)regs->rax == -ERESTARTSYS) {
		regs->rax = regs->orig_rax;
		regs->rip -= 2;		/* back over the 2-byte syscall instruction */
	}
	if (smp_kernel_lock() && kernel_locked())
		release_kernel_lock();
}
