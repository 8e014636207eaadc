/*
 * Kernel stacks.  A normal build takes each task's KSTACK_SIZE stack from
 * the page allocator, in the direct map; nothing lies between one stack and
 * the memory below it, so an overflow corrupts a neighbour silently.
 *
 * A debug build (TINE_DEBUG) maps every stack instead into its own slot of
 * the kernel-stack area, a range of the kernel half set aside for them (one
 * PML4 entry, like Linux's vmalloc area): each slot is a KSTACK_SIZE hole
 * that is never mapped (the guard) followed by the stack's four pages.  A
 * push into the guard faults; the CPU cannot push the page-fault frame on
 * the same stack, so it raises a double fault, which runs on its own IST
 * stack (cpu.c) and reaches kernel_fault(), which asks kstack_guard_hit()
 * and panics with "kernel stack overflow" and the task's name.
 *
 * The area's PML4 entry and its page directories are made by the first
 * allocation, during boot, before any address space copies the kernel half
 * (pgd_alloc), so every address space sees the same stacks.  A page table
 * is freed when its last stack goes, so the pages in use return exactly to
 * what they were (the test runner's leak check counts them).
 *
 * Locking: the big kernel lock guards the slot map and the area's tables.
 * Freeing a stack first makes every other CPU flush its TLB, so that none
 * can reach the old pages through a stale entry once they are reused.
 */
#include <tine/kstack.h>
#include <tine/task.h>
#include <tine/page.h>
#include <tine/paging.h>
#include <tine/string.h>
#include <tine/printk.h>
#include <tine/cpu.h>
#include <tine/tlb.h>
#include <tine/panic.h>

#define KSTACK_ORDER	2		/* 4 pages = KSTACK_SIZE */

#ifndef TINE_DEBUG
void *kstack_alloc(void)
{
	struct page *p = alloc_pages(KSTACK_ORDER);

	return p ? page_address(p) : NULL;
}

void kstack_free(void *stack)
{
	free_pages(virt_to_page(stack), KSTACK_ORDER);
}

bool kstack_guard_hit(u64 addr)
{
	(void)addr;
	return false;
}
#else

#define KSTACK_AREA	0xffffc90000000000ULL	/* PML4 slot 402 */
#define KSTACK_SLOT	(2 * KSTACK_SIZE)	/* guard, then stack */
#define KSTACK_SLOTS	65536ULL		/* 2 GiB: two page directories */
#define KSTACK_PAGES	((int)(KSTACK_SIZE / PAGE_SIZE))

static u64 slot_map[KSTACK_SLOTS / 64];	/* bit set: slot in use */
static pte_t *area_pd[KSTACK_SLOTS * KSTACK_SLOT >> 30];

static pte_t *zeroed_table(void)
{
	struct page *p = alloc_page();

	if (!p)
		return NULL;
	memset(page_address(p), 0, PAGE_SIZE);
	return page_address(p);
}

/* First use: the area's PML4 entry, its PDPT and page directories. */
static void area_init(void)
{
	pte_t *pdpt = zeroed_table();

	/* Later address spaces copy this entry; earlier ones would miss it. */
	BUG_ON(read_cr3() != virt_to_phys(kernel_pgd));
	if (!pdpt)
		panic("kstack: no memory for the kernel-stack area");
	for (u64 i = 0; i < ARRAY_SIZE(area_pd); i++) {
		area_pd[i] = zeroed_table();
		if (!area_pd[i])
			panic("kstack: no memory for the kernel-stack area");
		pdpt[i] = virt_to_phys(area_pd[i]) | PTE_P | PTE_W;
	}
	kernel_pgd[(KSTACK_AREA >> 39) & 511] = virt_to_phys(pdpt) | PTE_P | PTE_W;
}

static int slot_get(void)
{
	for (int w = 0; w < (int)(KSTACK_SLOTS / 64); w++) {
		if (slot_map[w] == ~0ULL)
			continue;
		int b = __builtin_ctzll(~slot_map[w]);
		slot_map[w] |= 1ULL << b;
		return w * 64 + b;
	}
	return -1;
}

static void slot_put(int slot)
{
	slot_map[slot / 64] &= ~(1ULL << (slot % 64));
}

/* The page-directory entry that covers va. */
static pte_t *area_pde(u64 va)
{
	u64 off = va - KSTACK_AREA;

	return &area_pd[off >> 30][(off >> 21) & 511];
}

/* The last-level entry for va, making its page table if asked. */
static pte_t *area_pte(u64 va, bool create)
{
	pte_t *pde = area_pde(va);

	if (!(*pde & PTE_P)) {
		pte_t *pt = create ? zeroed_table() : NULL;
		if (!pt)
			return NULL;
		*pde = virt_to_phys(pt) | PTE_P | PTE_W;
	}
	return (pte_t *)phys_to_virt(*pde & PTE_ADDR) + ((va >> 12) & 511);
}

/*
 * Unhook the page table behind va's directory entry if it maps nothing;
 * it is returned to be freed once no CPU can still walk it, else NULL.
 */
static pte_t *unhook_empty_table(u64 va)
{
	pte_t *pde = area_pde(va);
	pte_t *pt = phys_to_virt(*pde & PTE_ADDR);

	if (!(*pde & PTE_P))
		return NULL;
	for (int i = 0; i < 512; i++)
		if (pt[i])
			return NULL;
	*pde = 0;
	invlpg(va);		/* also drops cached directory entries */
	return pt;
}

/*
 * The other CPUs forget the stack area's old translations: each CPU whose
 * page tables are loaded is told to flush, and one that loads CR3 in the
 * meantime flushes by doing so (the entries are not global).  Caller holds
 * the big kernel lock, as flush_tlb_others_pgd() requires.
 */
static void flush_other_cpus(void)
{
	struct cpu *me = this_cpu();

	for (int i = 0; i < nr_cpus; i++)
		if (cpus[i] != me)
			flush_tlb_others_pgd(cpus[i]->loaded_pgd);
}

/* Unmap the stack pages at base (those mapped) and give them back, only
 * once no CPU can reach them through a stale TLB entry. */
static void unmap_stack(u64 base)
{
	struct page *pages[KSTACK_PAGES];
	int n = 0;

	for (int i = 0; i < KSTACK_PAGES; i++) {
		u64 va = base + (u64)i * PAGE_SIZE;
		pte_t *pte = area_pte(va, false);

		if (!pte || !*pte)
			continue;
		pages[n++] = pfn_to_page((*pte & PTE_ADDR) >> PAGE_SHIFT);
		*pte = 0;
		invlpg(va);
	}
	pte_t *pt = unhook_empty_table(base);
	flush_other_cpus();
	while (n)
		free_page(pages[--n]);
	if (pt)
		free_page(virt_to_page(pt));
}

static u64 slot_stack(int slot)
{
	return KSTACK_AREA + (u64)slot * KSTACK_SLOT + KSTACK_SIZE;
}

void *kstack_alloc(void)
{
	static bool ready;

	if (!ready) {
		area_init();
		ready = true;
	}
	int slot = slot_get();
	if (slot < 0)
		return NULL;
	u64 base = slot_stack(slot);
	for (int i = 0; i < KSTACK_PAGES; i++) {
		u64 va = base + (u64)i * PAGE_SIZE;
		struct page *p = alloc_page();
		pte_t *pte = p ? area_pte(va, true) : NULL;

		if (!pte) {
			if (p)
				free_page(p);
			unmap_stack(base);
			slot_put(slot);
			return NULL;
		}
		*pte = (page_to_pfn(p) << PAGE_SHIFT) | PTE_P | PTE_W | PTE_NX;
	}
	return (void *)base;
}

void kstack_free(void *stack)
{
	u64 base = (u64)stack;
	u64 slot = (base - KSTACK_AREA) / KSTACK_SLOT;

	BUG_ON(base < KSTACK_AREA || slot >= KSTACK_SLOTS || base != slot_stack(slot));
	unmap_stack(base);
	slot_put(slot);
}

bool kstack_guard_hit(u64 addr)
{
	u64 off = addr - KSTACK_AREA;

	if (addr < KSTACK_AREA || off >= (u64)KSTACK_SLOTS * KSTACK_SLOT ||
	    off % KSTACK_SLOT >= KSTACK_SIZE)
		return false;
	printk(KERN_EMERG "kernel stack overflow: %s[%d] ran into the guard page at %#llx"
	       " (stack %#llx-%#llx)\n", current->comm, current->pid,
	       (unsigned long long)addr,
	       (unsigned long long)(addr - off % KSTACK_SLOT + KSTACK_SIZE),
	       (unsigned long long)(addr - off % KSTACK_SLOT + KSTACK_SLOT));
	return true;
}
#endif
