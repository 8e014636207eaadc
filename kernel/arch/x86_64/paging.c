/*
 * Page-table pages: allocation of a PML4, walking to a level-1 entry, walking
 * a range while skipping empty tables (so that fork and exit cost grows with
 * what a process touched, not with the size of its mappings), and freeing.
 */
#include <tine/paging.h>
#include <tine/page.h>
#include <tine/string.h>
#include <tine/cpu.h>
#include <tine/panic.h>

pte_t *kernel_pgd;
extern pte_t boot_pml4[];

static pte_t *table_alloc(void)
{
	struct page *p = alloc_page();
	if (!p)
		return NULL;
	pte_t *t = page_address(p);
	memset(t, 0, PAGE_SIZE);
	return t;
}

static pte_t *entry_table(pte_t e)
{
	return phys_to_virt(e & PTE_ADDR);
}

/* Drop the boot identity map: from now on low addresses belong to users. */
void paging_init(void)
{
	kernel_pgd = phys_to_virt((u64)boot_pml4);
	kernel_pgd[0] = 0;
	flush_tlb_all();
}

pte_t *pgd_alloc(void)
{
	pte_t *pgd = table_alloc();
	if (pgd)
		memcpy(pgd + 256, kernel_pgd + 256, 256 * sizeof(pte_t));
	return pgd;
}

static int index_at(u64 va, int level)
{
	return (va >> (12 + 9 * level)) & 511;
}

pte_t *pte_lookup(pte_t *pgd, u64 va, bool create)
{
	pte_t *t = pgd;

	for (int level = 3; level > 0; level--) {
		pte_t *e = &t[index_at(va, level)];
		if (!(*e & PTE_P)) {
			if (!create)
				return NULL;
			pte_t *n = table_alloc();
			if (!n)
				return NULL;
			/* Permissions are decided at the last level. */
			*e = virt_to_phys(n) | PTE_P | PTE_W | PTE_U;
		}
		t = entry_table(*e);
	}
	return &t[index_at(va, 0)];
}

static void walk_level(pte_t *t, int level, u64 base, u64 start, u64 end,
		       pte_fn fn, void *arg)
{
	u64 span = 1ULL << (12 + 9 * level);

	for (int i = index_at(start, level); i < 512; i++) {
		u64 va = base + (u64)i * span;
		if (va >= end)
			break;
		if (!(t[i] & PTE_P))
			continue;
		if (level == 0) {
			fn(&t[i], va, arg);
			continue;
		}
		u64 s = va > start ? va : start;
		walk_level(entry_table(t[i]), level - 1, va, s, end, fn, arg);
	}
}

void pte_range_walk(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg)
{
	if (start < end)
		walk_level(pgd, 3, 0, start, end, fn, arg);
}

static void free_level(pte_t *t, int level)
{
	for (int i = 0; i < 512; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (level > 1)
			free_level(entry_table(t[i]), level - 1);
		else
			free_page(virt_to_page(entry_table(t[i])));
	}
	free_page(virt_to_page(t));
}

/* The caller has already dropped the pages mapped by level-1 entries. */
void pgd_free(pte_t *pgd)
{
	for (int i = 0; i < 256; i++) {
		if (pgd[i] & PTE_P)
			free_level(entry_table(pgd[i]), 2);
	}
	free_page(virt_to_page(pgd));
}

void switch_pgd(pte_t *pgd)
{
	u64 pa = virt_to_phys(pgd);
	if (read_cr3() != pa)
		write_cr3(pa);
}

void flush_tlb_all(void)
{
	write_cr3(read_cr3());
}
