/*
 * TLB shootdown (include/tine/tlb.h).  Each CPU records in its per-CPU area
 * which page tables its CR3 holds (loaded_pgd, written before CR3 so that a
 * flusher that does not see it yet knows the CPU will walk the new tables).
 * The flusher, which holds the big kernel lock (so there is one flusher at
 * a time), marks the target CPUs in flush_pending, sends each a
 * TLB_FLUSH_VECTOR IPI and waits for the marks to clear.
 *
 * A target flushes everything (a CR3 reload) rather than the one range:
 * the IPI itself costs far more than refilling the TLB, and the handler
 * needs no description of what changed.  A CPU that kept an address space
 * loaded only lazily (its idle task runs on whatever CR3 it found) switches
 * to the kernel's tables instead, so an address space being destroyed is
 * left by every CPU before its tables are freed.
 */
#include <tine/tlb.h>
#include <tine/cpu.h>
#include <tine/apic.h>
#include <tine/task.h>
#include <tine/mm.h>
#include <tine/kernel_lock.h>
#include <tine/panic.h>

static volatile u64 flush_pending;	/* CPUs that have yet to flush */

static void flush_local(void)
{
	write_cr3(read_cr3());
}

void flush_tlb_others_pgd(pte_t *pgd)
{
	struct cpu *me = this_cpu();
	u64 mask = 0;

	if (nr_cpus < 2)
		return;
	/* Our page-table writes must be visible before we read where the
	 * other CPUs are. */
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	for (int i = 0; i < nr_cpus; i++)
		if (cpus[i] != me && cpus[i]->loaded_pgd == pgd)
			mask |= 1ULL << i;
	if (!mask)
		return;
	BUG_ON(!kernel_locked());
	__atomic_or_fetch(&flush_pending, mask, __ATOMIC_SEQ_CST);
	for (int i = 0; i < nr_cpus; i++)
		if (mask & (1ULL << i))
			lapic_send_ipi(cpus[i]->apic_id, TLB_FLUSH_VECTOR);
	while (flush_pending & mask)
		cpu_relax();
}

void flush_tlb_others(struct mm_struct *mm)
{
	flush_tlb_others_pgd(mm->pgd);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	if (this_cpu()->loaded_pgd == mm->pgd)
		flush_local();
	flush_tlb_others(mm);
}

void flush_tlb_page(struct mm_struct *mm, u64 va)
{
	invlpg(va);
	flush_tlb_others(mm);
}

void tlb_flush_ipi(void)
{
	struct cpu *c = this_cpu();
	struct mm_struct *mm = current->mm;

	if (c->loaded_pgd != kernel_pgd && (!mm || mm->pgd != c->loaded_pgd))
		switch_pgd(kernel_pgd);		/* lazy: let it go */
	else
		flush_local();
	__atomic_and_fetch(&flush_pending, ~(1ULL << c->id), __ATOMIC_SEQ_CST);
}
