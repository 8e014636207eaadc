/*
 * mm_struct and its VMAs: creating an address space, copying one for fork
 * (copy-on-write: the last-level page tables are shared and write-
 * protected, nothing is copied here), unmapping ranges with VMA splitting, and
 * tearing an address space down so that every page reference is dropped.
 */
#include <tine/mm.h>
#include <tine/mman.h>
#include <tine/page.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/panic.h>
#include <tine/fs.h>
#include <tine/cpu.h>
#include <tine/tlb.h>

static struct kmem_cache *mm_cache, *vma_cache;

#define SHARE_TABLES_MIN (2ULL << 20)	/* one last-level table's span */

void mm_caches_init(void)
{
	mm_cache = kmem_cache_create("mm_struct", sizeof(struct mm_struct));
	vma_cache = kmem_cache_create("vm_area_struct", sizeof(struct vm_area_struct));
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kmem_cache_alloc(mm_cache);
	if (!mm)
		return NULL;
	memset(mm, 0, sizeof(*mm));
	mm->pgd = pgd_alloc();
	if (!mm->pgd) {
		kmem_cache_free(mm_cache, mm);
		return NULL;
	}
	mm->mm_users = 1;
	spin_lock_init(&mm->page_table_lock, "page_table_lock");
	vma_tree_init(&mm->mmap);
	mm->mmap_base = STACK_TOP - MMAP_GAP;
	return mm;
}

struct vm_area_struct *vma_alloc(struct mm_struct *mm, u64 start, u64 end,
				 u64 flags)
{
	struct vm_area_struct *v = kmem_cache_alloc(vma_cache);
	if (!v)
		return NULL;
	memset(v, 0, sizeof(*v));
	v->vm_start = start;
	v->vm_end = end;
	v->vm_flags = flags;
	v->vm_mm = mm;
	return v;
}

void vma_free(struct vm_area_struct *vma)
{
	if (vma->vm_file)
		fput(vma->vm_file);
	kmem_cache_free(vma_cache, vma);
}

static struct vm_area_struct *vma_copy(struct vm_area_struct *v,
				       struct mm_struct *mm)
{
	struct vm_area_struct *n = kmem_cache_alloc(vma_cache);
	if (!n)
		return NULL;
	*n = *v;
	n->vm_mm = mm;
	if (n->vm_file)
		get_file(n->vm_file);
	return n;
}

int mm_insert_vma(struct mm_struct *mm, struct vm_area_struct *vma)
{
	int err = vma_tree_insert(&mm->mmap, vma);
	if (err)
		return err;
	mm->total_vm += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	if (mm->total_vm > mm->hiwater_vm)
		mm->hiwater_vm = mm->total_vm;
	return 0;
}

/*
 * Unmapping gathers the pages it unmaps and drops them in batches, after
 * the other CPUs running this address space have flushed their TLBs: until
 * then one of them could still write to a page through a stale entry, and
 * the page must not be handed to anyone else before that (Linux's
 * mmu_gather).  On one CPU the flush is free and only the batching remains.
 */
#define ZAP_BATCH 32

struct zap_batch {
	struct mm_struct *mm;
	int n;
	struct page *pages[ZAP_BATCH];
};

static void zap_flush(struct zap_batch *z)
{
	flush_tlb_others(z->mm);
	for (int i = 0; i < z->n; i++)
		put_page(z->pages[i]);
	z->n = 0;
}

/* Clear one present PTE; its page goes into the batch. */
static void zap_pte(pte_t *pte, u64 va, void *arg)
{
	struct zap_batch *z = arg;
	struct page *p = pfn_to_page((*pte & PTE_ADDR) >> PAGE_SHIFT);

	if (*pte & PTE_ANON)
		z->mm->rss_anon--;
	else
		z->mm->rss_file--;
	z->pages[z->n++] = p;
	*pte = 0;
	page_remove_mapping(p);
	invlpg(va);
	if (z->n == ZAP_BATCH)
		zap_flush(z);
}

int zap_range(struct mm_struct *mm, u64 start, u64 end)
{
	struct zap_batch z = { .mm = mm };
	int err = pte_range_modify(mm->pgd, start, end, zap_pte, &z);
	zap_flush(&z);
	return err;
}

/* Split vma at addr: vma keeps [start, addr), the new one gets [addr, end). */
static int vma_split(struct mm_struct *mm, struct vm_area_struct *vma, u64 addr)
{
	struct vm_area_struct *tail = vma_copy(vma, mm);
	if (!tail)
		return -ENOMEM;
	tail->vm_start = addr;
	if (tail->vm_file)
		tail->vm_pgoff += (addr - vma->vm_start) >> PAGE_SHIFT;
	vma->vm_end = addr;
	int err = vma_tree_insert(&mm->mmap, tail);
	if (err) {
		vma->vm_end = tail->vm_end;
		vma_free(tail);
	}
	return err;
}

/* Make VMA boundaries fall exactly at start and end. */
int vma_split_range(struct mm_struct *mm, u64 start, u64 end)
{
	struct vm_area_struct *v = vma_find(&mm->mmap, start);
	if (v && v->vm_start < start) {
		int err = vma_split(mm, v, start);
		if (err)
			return err;
	}
	v = vma_find(&mm->mmap, end);
	if (v && v->vm_start < end)
		return vma_split(mm, v, end);
	return 0;
}

int do_munmap(struct mm_struct *mm, u64 start, u64 len)
{
	u64 end = start + len;
	int err = vma_split_range(mm, start, end);
	if (err)
		return err;
	struct vm_area_struct *v;
	while ((v = vma_find(&mm->mmap, start)) && v->vm_start < end) {
		if (zap_range(mm, v->vm_start, v->vm_end))
			return -ENOMEM;
		vma_tree_remove(&mm->mmap, v);
		mm->total_vm -= (v->vm_end - v->vm_start) >> PAGE_SHIFT;
		vma_free(v);
	}
	return 0;
}

/*
 * fork: copy the VMAs, and share the page tables copy-on-write
 * (pgd_share in arch/x86_64/paging.c).  No PTE and no page is copied
 * here; the child's resident counts are the parent's, since it maps the
 * same pages.
 */
struct mm_struct *dup_mm(struct mm_struct *old)
{
	struct mm_struct *mm = mm_alloc();
	if (!mm)
		return NULL;
	u64 saved_pgd = (u64)mm->pgd;
	struct vma_tree tree = mm->mmap;
	*mm = *old;
	mm->pgd = (pte_t *)saved_pgd;
	mm->mmap = tree;
	mm->mm_users = 1;
	mm->total_vm = 0;
	spin_lock_init(&mm->page_table_lock, "page_table_lock");
	if (mm->exe_file)
		get_file(mm->exe_file);

	int err = 0;
	for (int i = 0; i < vma_count(&old->mmap) && !err; i++) {
		struct vm_area_struct *v = vma_copy(vma_at(&old->mmap, i), mm);
		if (!v || mm_insert_vma(mm, v)) {
			if (v)
				vma_free(v);
			err = -ENOMEM;
			break;
		}
		/* Share the tables of mappings that span a whole table (2 MiB);
		 * copy the few PTEs of smaller ones. */
		bool share = v->vm_end - v->vm_start >= SHARE_TABLES_MIN;
		err = pgd_share_range(mm->pgd, old->pgd, v->vm_start, v->vm_end, share);
	}
	flush_tlb_mm(old);		/* the parent lost write bits */
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

void mmget(struct mm_struct *mm)
{
	mm->mm_users++;
}

/* Tear the address space down when its last user goes. */
void mmput(struct mm_struct *mm)
{
	BUG_ON(mm->mm_users == 0);
	if (--mm->mm_users)
		return;
	/* No task uses it now, but CPUs may still hold it in CR3 (this one,
	 * or idle ones that kept it lazily): make them all let go first. */
	if (this_cpu()->loaded_pgd == mm->pgd)
		switch_pgd(kernel_pgd);
	flush_tlb_others(mm);
	struct zap_batch z = { .mm = mm };
	while (vma_count(&mm->mmap)) {
		struct vm_area_struct *v = vma_at(&mm->mmap, 0);
		/* Tables still shared with another mm keep their pages for it. */
		pte_range_walk_exclusive(mm->pgd, v->vm_start, v->vm_end, zap_pte, &z);
		vma_tree_remove(&mm->mmap, v);
		vma_free(v);
	}
	zap_flush(&z);
	vma_tree_destroy(&mm->mmap);
	pgd_free(mm->pgd);
	if (mm->exe_file)
		fput(mm->exe_file);
	kmem_cache_free(mm_cache, mm);
}

/*
 * The page-table pages that table (at level: 3 the PML4, 2 a PDPT, 1 a
 * page directory) points to, counted down to the last level; a 2 MiB
 * entry in a page directory has no table below it.
 */
static u64 count_tables(const pte_t *table, int level, int nr_entries)
{
	u64 n = 0;

	for (int i = 0; i < nr_entries; i++) {
		pte_t e = table[i];

		if (!(e & PTE_P) || (level == 1 && (e & PTE_PS)))
			continue;
		n++;
		if (level > 1)
			n += count_tables(phys_to_virt(e & PTE_ADDR), level - 1, 512);
	}
	return n;
}

/*
 * Page-table pages mapping mm's user half (PDPTs, page directories and
 * page tables; not the PML4), which is what Linux's pgtables_bytes counts
 * and /proc/PID/status shows as VmPTE.  Counted on demand: only /proc
 * asks.  A table that fork shares between two address spaces counts in
 * both.
 */
u64 mm_pgtable_pages(struct mm_struct *mm)
{
	return mm->pgd ? count_tables(mm->pgd, 3, 256) : 0;
}
