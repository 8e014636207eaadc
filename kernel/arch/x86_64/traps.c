/*
 * Exceptions and interrupts after the entry stubs: trap_dispatch() routes a
 * vector to the IRQ code, the page-fault handler, or the fault-to-signal
 * path.  A fault in user mode becomes a signal for the task (SIGSEGV,
 * SIGFPE, ...); a fault in kernel mode is a bug in Tine, except inside the
 * user-copy routines, whose faults are fixed up into -EFAULT.
 */
#include <tine/ptrace.h>
#include <tine/cpu.h>
#include <tine/irq.h>
#include <tine/printk.h>
#include <tine/panic.h>
#include <tine/ksyms.h>
#include <tine/task.h>
#include <tine/traps.h>
#include <tine/signal.h>
#include <tine/kstack.h>
#include <tine/apic.h>
#include <tine/kernel_lock.h>
#include <tine/sched.h>
#include <tine/tlb.h>

static const char *const exception_names[32] = {
	"divide error", "debug", "NMI", "breakpoint", "overflow",
	"bound range", "invalid opcode", "device not available",
	"double fault", "coprocessor overrun", "invalid TSS",
	"segment not present", "stack fault", "general protection",
	"page fault", "reserved", "x87 FPU error", "alignment check",
	"machine check", "SIMD error", "virtualization", "control protection",
};

struct exception_table_entry {
	u64 insn, fixup;
};
extern const struct exception_table_entry __ex_table_start[], __ex_table_end[];

/* If rip is a user-access instruction, move it to its fixup; true if so. */
bool fixup_exception(struct pt_regs *regs)
{
	for (const struct exception_table_entry *e = __ex_table_start;
	     e < __ex_table_end; e++) {
		if (e->insn == regs->rip) {
			regs->rip = e->fixup;
			return true;
		}
	}
	return false;
}

const char *ksym_lookup(u64 addr, u64 *offset)
{
	const struct ksym *best = NULL;

	for (const struct ksym *k = ksyms; k->addr != ~0ULL; k++) {
		if (k->addr > addr)
			break;
		best = k;
	}
	if (!best)
		return "?";
	*offset = addr - best->addr;
	return best->name;
}

static void print_symbol(const char *prefix, u64 addr)
{
	u64 off = 0;
	const char *name = ksym_lookup(addr, &off);
	printk(KERN_EMERG "%s%016llx %s+0x%llx\n", prefix,
	       (unsigned long long)addr, name, (unsigned long long)off);
}

/* Walk the frame-pointer chain (the kernel is built with frame pointers). */
void show_backtrace(u64 rbp)
{
	printk(KERN_EMERG "Call trace:\n");
	for (int depth = 0; depth < 16; depth++) {
		if (rbp < 0xffff800000000000ULL || (rbp & 7))
			break;
		u64 *frame = (u64 *)rbp;
		if (frame[1] < 0xffffffff80000000ULL)
			break;
		print_symbol("  ", frame[1]);
		rbp = frame[0];
	}
}

void show_regs(const struct pt_regs *r)
{
	printk(KERN_EMERG "RIP: %04llx:%016llx RFLAGS: %08llx\n",
	       (unsigned long long)r->cs, (unsigned long long)r->rip,
	       (unsigned long long)r->rflags);
	printk(KERN_EMERG "RSP: %016llx RAX: %016llx RBX: %016llx\n",
	       (unsigned long long)r->rsp, (unsigned long long)r->rax,
	       (unsigned long long)r->rbx);
	printk(KERN_EMERG "RCX: %016llx RDX: %016llx RSI: %016llx\n",
	       (unsigned long long)r->rcx, (unsigned long long)r->rdx,
	       (unsigned long long)r->rsi);
	printk(KERN_EMERG "RDI: %016llx RBP: %016llx R8:  %016llx\n",
	       (unsigned long long)r->rdi, (unsigned long long)r->rbp,
	       (unsigned long long)r->r8);
	printk(KERN_EMERG "R9:  %016llx R10: %016llx R11: %016llx\n",
	       (unsigned long long)r->r9, (unsigned long long)r->r10,
	       (unsigned long long)r->r11);
	printk(KERN_EMERG "R12: %016llx R13: %016llx R14: %016llx\n",
	       (unsigned long long)r->r12, (unsigned long long)r->r13,
	       (unsigned long long)r->r14);
	printk(KERN_EMERG "R15: %016llx CR2: %016llx CR3: %016llx\n",
	       (unsigned long long)r->r15, (unsigned long long)read_cr2(),
	       (unsigned long long)read_cr3());
}

/* A CPU exception in kernel mode that nothing can fix: Tine has a bug. */
void kernel_fault(struct pt_regs *regs, const char *what)
{
	/* A push into a stack's guard page double-faults (debug builds). */
	if ((regs->trapno == 8 || regs->trapno == 14) && kstack_guard_hit(read_cr2()))
		what = "kernel stack overflow";
	printk(KERN_EMERG "BUG: %s in kernel mode (error code 0x%llx)\n", what,
	       (unsigned long long)regs->err);
	show_regs(regs);
	print_symbol("at ", regs->rip);
	show_backtrace(regs->rbp);
	panic("fatal exception in kernel mode: %s", what);
}

/* The signal Linux sends for each exception raised by user code. */
static void user_exception(struct pt_regs *regs)
{
	int v = regs->trapno;

	switch (v) {
	case 0:
		force_sig_fault(SIGFPE, FPE_INTDIV, regs->rip);
		break;
	case 3:
		force_sig_fault(SIGTRAP, SI_KERNEL, 0);
		break;
	case 6:
		force_sig_fault(SIGILL, ILL_ILLOPN, regs->rip);
		break;
	case 16:
	case 19:
		force_sig_fault(SIGFPE, 0, regs->rip);
		break;
	case 17:
		force_sig_fault(SIGBUS, 1, 0);
		break;
	default:			/* #GP, #SS, #NP and the rest */
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		break;
	}
}

/* The IPIs: short, and run without the big kernel lock, which the sender
 * may hold while it waits for them (tlb.c). */
static bool ipi_dispatch(int v)
{
	switch (v) {
	case RESCHEDULE_VECTOR:
		current->need_resched = true;	/* the idle loop looks anyway */
		break;
	case TLB_FLUSH_VECTOR:
		tlb_flush_ipi();
		break;
	case STOP_VECTOR:
		for (;;)
			__asm__ volatile("cli; hlt");
	case SPURIOUS_VECTOR:
		return true;			/* no EOI for a spurious one */
	default:
		return false;
	}
	lapic_eoi();
	return true;
}

/* A device or timer interrupt: with the kernel lock, and irq_regs set so
 * that the tick can tell user time from system time. */
static void irq_enter(struct pt_regs *regs)
{
	struct cpu *c = this_cpu();
	struct pt_regs *outer = c->irq_regs;
	int v = regs->trapno;

	c->irq_count++;
	c->irq_regs = regs;
	lock_kernel();
	if (v == TIMER_VECTOR) {
		sched_tick();
		lapic_eoi();
	} else {
		irq_dispatch(v - IRQ_BASE);
	}
	unlock_kernel();
	this_cpu()->irq_regs = outer;
}

void trap_dispatch(struct pt_regs *regs)
{
	int v = regs->trapno;

	if ((v >= IRQ_BASE && v < IRQ_BASE + 16) || v == TIMER_VECTOR) {
		irq_enter(regs);
		return;
	}
	if (v >= 32 && ipi_dispatch(v))
		return;
	if (!user_mode(regs) && v != 14) {
		if (fixup_exception(regs))
			return;
		kernel_fault(regs, v < 32 ? exception_names[v] : "unknown trap");
	}
	lock_kernel();
	if (v == 14)
		do_page_fault(regs, read_cr2());
	else
		user_exception(regs);
	unlock_kernel();
}
