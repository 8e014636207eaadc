/*
 * The big kernel lock (include/tine/kernel_lock.h says when it is held).
 * One word taken with an atomic exchange, the id of the CPU holding it, and
 * how many times that CPU has taken it.
 *
 * A CPU waits for it with interrupts enabled, even when it was called with
 * them off (from an interrupt handler, or on the way back to user mode):
 * the holder may be waiting for this CPU to answer a TLB-flush IPI
 * (tlb.c), and a CPU that never takes interrupts would never answer.  An
 * interrupt that arrives during the wait nests on this stack; the local
 * APIC and the PIC hold back the interrupt being handled and any of lower
 * priority until its EOI, so the nesting is bounded.
 */
#include <tine/kernel_lock.h>
#include <tine/spinlock.h>
#include <tine/cpu.h>
#include <tine/panic.h>

struct kernel_lock kernel_lock = { 0, -1, 0 };

/* Interrupts stay off from the moment the word is ours until the owner is
 * recorded: an interrupt in between would see a held lock that is not this
 * CPU's, and wait for itself. */
static void take(int depth)
{
	u64 flags = local_irq_save();

	while (__atomic_exchange_n(&kernel_lock.locked, 1, __ATOMIC_ACQUIRE)) {
		__asm__ volatile("sti" : : : "memory");
		while (kernel_lock.locked)
			cpu_relax();
		__asm__ volatile("cli" : : : "memory");
	}
	kernel_lock.owner = smp_processor_id();
	kernel_lock.depth = depth;
	local_irq_restore(flags);
}

void lock_kernel(void)
{
	if (kernel_locked())
		kernel_lock.depth++;
	else
		take(1);
}

void unlock_kernel(void)
{
	BUG_ON(!kernel_locked());
	if (--kernel_lock.depth)
		return;
	u64 flags = local_irq_save();
	kernel_lock.owner = -1;
	__atomic_store_n(&kernel_lock.locked, 0, __ATOMIC_RELEASE);
	local_irq_restore(flags);
}

int release_kernel_lock(void)
{
	if (!kernel_locked())
		return 0;
	int depth = kernel_lock.depth;
	kernel_lock.depth = 1;
	unlock_kernel();
	return depth;
}

void reacquire_kernel_lock(int depth)
{
	if (depth)
		take(depth);
}
