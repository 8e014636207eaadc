/*
 * x86-64 four-level page tables.  A page-table page holds 512 entries; the
 * user half of an address space is PML4 slots 0..255 and belongs to its
 * mm_struct, the kernel half (256..511) is shared by every address space
 * because each new PML4 copies it from the kernel's own.
 */
#ifndef TINE_PAGING_H
#define TINE_PAGING_H

#include <tine/types.h>

typedef u64 pte_t;

#define PTE_P		0x001ULL	/* present */
#define PTE_W		0x002ULL	/* writable */
#define PTE_U		0x004ULL	/* user accessible */
#define PTE_A		0x020ULL	/* accessed */
#define PTE_D		0x040ULL	/* dirty */
#define PTE_PS		0x080ULL	/* 2 MiB page (in a PD entry) */
#define PTE_ANON	0x200ULL	/* software bit: private anonymous page */
#define PTE_NX		(1ULL << 63)	/* no execute */
#define PTE_ADDR	0x000ffffffffff000ULL

#define DIRECT_MAP_BASE 0xffff800000000000ULL
#define KERNEL_VMA 0xffffffff80000000ULL

/* A fresh PML4 with the kernel half filled in; NULL when out of memory. */
pte_t *pgd_alloc(void);
/* Free every user page-table page below pgd, then pgd itself; the caller
 * has dropped the pages of the tables it did not share. */
void pgd_free(pte_t *pgd);
/* fork, one VMA's range: share src's tables (or copy the PTEs) into dst. */
int pgd_share_range(pte_t *dst, pte_t *src, u64 start, u64 end, bool share);

/*
 * The level-1 entry for va, or NULL.  With create, missing page-table pages
 * are allocated (NULL then means out of memory).
 */
pte_t *pte_lookup(pte_t *pgd, u64 va, bool create);

/* Visit every present level-1 entry in [start, end), skipping empty tables;
 * pte_range_walk only reads, pte_range_modify may change the entries (it
 * unshares tables first: 0 or -ENOMEM). */
typedef void (*pte_fn)(pte_t *pte, u64 va, void *arg);
void pte_range_walk(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg);
int pte_range_modify(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg);
/* Visit only entries in tables no other address space shares (teardown). */
void pte_range_walk_exclusive(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg);

void switch_pgd(pte_t *pgd);
void flush_tlb_all(void);
void paging_init(void);
void paging_drop_identity(void);
extern pte_t *kernel_pgd;

#endif
