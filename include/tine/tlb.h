/*
 * TLB shootdown.  A CPU caches translations of the address space its CR3
 * holds; when a mapping is weakened (unmapped, write-protected, moved to
 * another page) every other CPU holding that page table must drop what it
 * cached before the change is relied on.  The CPU making the change flushes
 * its own TLB and calls flush_tlb_others(), which interrupts the CPUs whose
 * CR3 holds the same page tables and waits until each has flushed.
 */
#ifndef TINE_TLB_H
#define TINE_TLB_H

#include <tine/paging.h>

struct mm_struct;

void flush_tlb_others_pgd(pte_t *pgd);	/* other CPUs running on pgd */
void flush_tlb_others(struct mm_struct *mm);
void flush_tlb_mm(struct mm_struct *mm);	/* this CPU and the others */
void flush_tlb_page(struct mm_struct *mm, u64 va);
void tlb_flush_ipi(void);		/* the TLB_FLUSH_VECTOR handler */

#endif
