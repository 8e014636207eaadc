/*
 * Page-table pages: allocation of a PML4, walking to a level-1 entry, walking
 * a range while skipping empty tables, and freeing.
 *
 * fork shares page tables instead of copying them (pgd_share): the parent
 * and the child point their page-directory entries at the same last-level
 * tables, write-protected at that level, and the table page's reference
 * count says how many address spaces use it.  The first change to a shared
 * table through one of them (a write fault, munmap, mprotect, a new page)
 * gives that address space its own copy (unshare_table), which is when the
 * PTEs are copied and each page gains a reference.  So fork costs one step
 * per 2 MiB a process has touched, and a child that execs or exits at once
 * never copies a PTE.
 */
#include <tine/paging.h>
#include <tine/page.h>
#include <tine/string.h>
#include <tine/cpu.h>
#include <tine/panic.h>
#include <tine/errno.h>
#include <tine/tlb.h>

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

static int index_at(u64 va, int level)
{
	return (va >> (12 + 9 * level)) & 511;
}

/* A second PTE now maps the page behind pte: one more reference, mapping. */
static void map_copied_pte(pte_t pte)
{
	struct page *p = pfn_to_page((pte & PTE_ADDR) >> PAGE_SHIFT);

	get_page(p);
	page_add_mapping(p);
}

/*
 * Make the last-level table behind page-directory entry *pde private to
 * this address space.  If others still use it, copy it: every mapped page
 * gains a reference, and private anonymous pages lose their write bit in
 * both copies, exactly as a PTE-copying fork would have left them.  When
 * we are the last user, only the write bit comes back.  NULL: no memory.
 */
static pte_t *unshare_table(pte_t *pgd, pte_t *pde)
{
	pte_t *old = entry_table(*pde);
	struct page *tp = virt_to_page(old);

	if (!(*pde & PTE_W)) {
		if (tp->refcount > 1) {
			pte_t *n = table_alloc();
			if (!n)
				return NULL;
			for (int i = 0; i < 512; i++) {
				if (!(old[i] & PTE_P))
					continue;
				if (old[i] & PTE_ANON)
					old[i] &= ~PTE_W;
				n[i] = old[i];
				map_copied_pte(old[i]);
			}
			*pde = virt_to_phys(n) | PTE_P | PTE_W | PTE_U;
			/* Another CPU on these tables may still walk the
			 * old one, which its other user may change once it
			 * is theirs alone: make every CPU forget it first. */
			flush_tlb_others_pgd(pgd);
			put_page(tp);
			old = n;
		} else {
			*pde |= PTE_W;
		}
		/*
		 * No TLB flush: entries cached while the table was shared are
		 * read-only translations to the same pages, still right; a
		 * write through one faults, and the fault drops it.
		 */
	}
	return old;
}

/*
 * The PTE-copying half of fork, for the part [lo, hi) of one table: each
 * page gains a reference, private anonymous pages lose their write bit in
 * both.  Used for small mappings, where sharing the table would only make
 * the parent fault on it again at its next write.
 */
static void copy_ptes(pte_t *dt, pte_t *st, u64 lo, u64 hi)
{
	for (int i = index_at(lo, 0); i <= index_at(hi - 1, 0); i++) {
		if (!(st[i] & PTE_P))
			continue;
		if (st[i] & PTE_ANON)
			st[i] &= ~PTE_W;
		dt[i] = st[i];
		map_copied_pte(st[i]);
	}
}

/* The boot page tables become the kernel's; the other CPUs still need
 * their identity map of low memory to start (trampoline.S). */
void paging_init(void)
{
	kernel_pgd = phys_to_virt((u64)boot_pml4);
	this_cpu()->loaded_pgd = kernel_pgd;
}

/* Once every CPU is up, drop the identity map: low addresses belong to
 * users from now on. */
void paging_drop_identity(void)
{
	kernel_pgd[0] = 0;
	flush_tlb_all();
	flush_tlb_others_pgd(kernel_pgd);
}

pte_t *pgd_alloc(void)
{
	pte_t *pgd = table_alloc();
	if (pgd)
		memcpy(pgd + 256, kernel_pgd + 256, 256 * sizeof(pte_t));
	return pgd;
}

/* The page-directory entry for va, creating the upper levels if needed. */
static pte_t *pte_lookup_pd(pte_t *pgd, u64 va)
{
	pte_t *t = pgd;

	for (int level = 3; level > 1; level--) {
		pte_t *e = &t[index_at(va, level)];
		if (!(*e & PTE_P)) {
			pte_t *n = table_alloc();
			if (!n)
				return NULL;
			*e = virt_to_phys(n) | PTE_P | PTE_W | PTE_U;
		}
		t = entry_table(*e);
	}
	return &t[index_at(va, 1)];
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
		/* Whoever may change the entry needs its own table. */
		if (level == 1 && create) {
			t = unshare_table(pgd, e);
			if (!t)
				return NULL;
			break;
		}
		t = entry_table(*e);
	}
	return &t[index_at(va, 0)];
}

enum walk_mode { WALK_READ, WALK_MODIFY, WALK_EXCLUSIVE };

struct pt_walk {
	pte_t *pgd;
	pte_fn fn;
	void *arg;
	enum walk_mode mode;
};

static int walk_level(const struct pt_walk *w, pte_t *t, int level, u64 base,
		      u64 start, u64 end)
{
	u64 span = 1ULL << (12 + 9 * level);

	for (int i = index_at(start, level); i < 512; i++) {
		u64 va = base + (u64)i * span;
		if (va >= end)
			break;
		if (!(t[i] & PTE_P))
			continue;
		if (level == 0) {
			w->fn(&t[i], va, w->arg);
			continue;
		}
		pte_t *next = entry_table(t[i]);
		if (level == 1 && w->mode == WALK_MODIFY && !(next = unshare_table(w->pgd, &t[i])))
			return -ENOMEM;
		if (level == 1 && w->mode == WALK_EXCLUSIVE && virt_to_page(next)->refcount > 1)
			continue;	/* another address space still uses it */
		u64 s = va > start ? va : start;
		if (walk_level(w, next, level - 1, va, s, end))
			return -ENOMEM;
	}
	return 0;
}

static int walk(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg,
		enum walk_mode mode)
{
	struct pt_walk w = { pgd, fn, arg, mode };
	return start < end ? walk_level(&w, pgd, 3, 0, start, end) : 0;
}

void pte_range_walk(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg)
{
	walk(pgd, start, end, fn, arg, WALK_READ);
}

int pte_range_modify(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg)
{
	return walk(pgd, start, end, fn, arg, WALK_MODIFY);
}

void pte_range_walk_exclusive(pte_t *pgd, u64 start, u64 end, pte_fn fn, void *arg)
{
	walk(pgd, start, end, fn, arg, WALK_EXCLUSIVE);
}

/*
 * src's page-directory entry for va, or NULL; *next is where the search
 * may resume, skipping whole absent upper-level ranges (so a huge sparse
 * mapping costs no more than a small one).
 */
static pte_t *src_pde(pte_t *src, u64 va, u64 *next)
{
	pte_t *t = src;

	for (int level = 3; level > 1; level--) {
		pte_t e = t[index_at(va, level)];
		u64 span = 1ULL << (12 + 9 * level);
		if (!(e & PTE_P)) {
			*next = ALIGN_DOWN(va, span) + span;
			return NULL;
		}
		t = entry_table(e);
	}
	*next = ALIGN_DOWN(va, 1ULL << 21) + (1ULL << 21);
	return &t[index_at(va, 1)];
}

/*
 * fork, for the range [start, end) of one VMA: with share, dst gets src's
 * last-level tables, write-protected in both at the directory level;
 * otherwise dst gets its own tables with copies of the PTEs.  A table that
 * an earlier VMA already shared is left alone, one it copied is filled in.
 */
int pgd_share_range(pte_t *dst, pte_t *src, u64 start, u64 end, bool share)
{
	u64 next;

	for (u64 va = start; va < end; va = next) {
		pte_t *spde = src_pde(src, va, &next);
		if (!spde || !(*spde & PTE_P))
			continue;
		pte_t *dpde = pte_lookup_pd(dst, va);
		if (!dpde)
			return -ENOMEM;
		pte_t *st = entry_table(*spde);
		u64 hi = MIN(end, next);
		if (*dpde & PTE_P) {
			if (entry_table(*dpde) != st)
				copy_ptes(entry_table(*dpde), st, va, hi);
		} else if (share) {
			*spde &= ~PTE_W;
			*dpde = *spde;
			get_page(virt_to_page(st));
		} else {
			pte_t *n = table_alloc();
			if (!n)
				return -ENOMEM;
			*dpde = virt_to_phys(n) | PTE_P | PTE_W | PTE_U;
			copy_ptes(n, st, va, hi);
		}
	}
	return 0;
}

static void free_level(pte_t *t, int level)
{
	for (int i = 0; i < 512; i++) {
		if (!(t[i] & PTE_P))
			continue;
		if (level > 1)
			free_level(entry_table(t[i]), level - 1);
		else
			put_page(virt_to_page(entry_table(t[i])));	/* shared: a ref */
	}
	free_page(virt_to_page(t));
}

/* Tear down an address space's tables and drop every page they map. */
void pgd_free(pte_t *pgd)
{
	for (int i = 0; i < 256; i++) {
		if (pgd[i] & PTE_P)
			free_level(entry_table(pgd[i]), 2);
	}
	free_page(virt_to_page(pgd));
}

/* Load pgd into CR3, first telling TLB shooters (tlb.c) that we use it. */
void switch_pgd(pte_t *pgd)
{
	struct cpu *c = this_cpu();
	if (c->loaded_pgd == pgd)
		return;
	c->loaded_pgd = pgd;
	__atomic_thread_fence(__ATOMIC_SEQ_CST);
	write_cr3(virt_to_phys(pgd));
}

void flush_tlb_all(void)
{
	write_cr3(read_cr3());
}
