/*
 * The physical page allocator: a binary buddy system over the mem_map
 * array.  Free memory is kept as blocks of 2^order pages, each aligned to
 * its own size in page-frame numbers, on one free list per order.
 * Allocation takes the smallest block that fits and splits it, returning
 * the unused halves to the lower lists; freeing merges a block with its
 * "buddy" (the other half of the next bigger block, pfn ^ 2^order) for as
 * long as the buddy is free too.  Both are O(MAX_ORDER).
 *
 * All pages start reserved; the boot code hands usable RAM over with
 * page_alloc_free_range().  Reserved pages keep a reference count of 1 so
 * that get_page/put_page pairs on them (a kernel page mapped into user
 * space) never free them.
 *
 * Locking: callers are serialised as all kernel code is, by the big kernel
 * lock (docs/locking.md); no interrupt handler allocates.  free_area and
 * the counters would get a zone lock of their own if the big lock were split.
 *
 * Debug checks (TINE_DEBUG): see page.h.  The poison is written when a
 * block's last reference goes and checked, page by page, when a block is
 * handed out; the cost is one pass over the memory at each.
 */
#include <tine/page.h>

struct free_area {
	struct list_head free_list;
	u64 nr_free;		/* blocks on free_list */
};

/* lock: zone_lock (to come) guards everything below. */
static struct free_area free_area[MAX_ORDER];
static u64 nr_free;		/* free pages */
static u64 nr_managed;		/* pages ever given to the allocator */

u64 direct_map_offset;
struct page *mem_map;
u64 mem_map_base_pfn;
u64 mem_map_nr_pages;

void page_alloc_init(struct page *map, u64 first_pfn, u64 npages)
{
	u64 i;

	mem_map = map;
	mem_map_base_pfn = first_pfn;
	mem_map_nr_pages = npages;
	for (i = 0; i < npages; i++) {
		map[i] = (struct page){ .refcount = 1, .flags = PG_reserved };
		list_init(&map[i].list);
	}
	for (i = 0; i < MAX_ORDER; i++) {
		list_init(&free_area[i].free_list);
		free_area[i].nr_free = 0;
	}
	nr_free = 0;
	nr_managed = 0;
}

#ifdef TINE_DEBUG
static void poison_pages(struct page *p, u64 npages)
{
	u64 *w = page_address(p);
	u64 pattern = 0x0101010101010101ULL * PAGE_POISON;

	for (u64 i = 0; i < npages * PAGE_SIZE / 8; i++)
		w[i] = pattern;
}

/* A free block must still be all poison: else someone wrote after free. */
static void check_poison(struct page *p, unsigned order)
{
	const u64 *w = page_address(p);
	u64 pattern = 0x0101010101010101ULL * PAGE_POISON;

	for (u64 i = 0; i < (PAGE_SIZE << order) / 8; i++)
		if (w[i] != pattern)
			panic("page pfn %#llx written after free: offset %#llx holds %#llx",
			      (unsigned long long)(page_to_pfn(p) + i * 8 / PAGE_SIZE),
			      (unsigned long long)(i * 8 % PAGE_SIZE),
			      (unsigned long long)w[i]);
}

static void check_unmapped(struct page *p)
{
	if (p->mapcount)
		panic("page pfn %#llx freed while %u page-table entries still map it",
		      (unsigned long long)page_to_pfn(p), p->mapcount);
}
#else
static void poison_pages(struct page *p, u64 npages) { (void)p; (void)npages; }
static void check_poison(struct page *p, unsigned order) { (void)p; (void)order; }
static void check_unmapped(struct page *p) { (void)p; }
#endif

/* Is the whole aligned block of 2^order pages at pfn inside mem_map? */
static bool block_in_map(u64 pfn, unsigned order)
{
	return pfn >= mem_map_base_pfn &&
	       pfn + (1UL << order) <= mem_map_base_pfn + mem_map_nr_pages;
}

static void add_free_block(struct page *p, unsigned order)
{
	p->flags |= PG_buddy;
	p->order = order;
	list_add(&p->list, &free_area[order].free_list);
	free_area[order].nr_free++;
}

static void del_free_block(struct page *p, unsigned order)
{
	list_del(&p->list);
	p->flags &= ~PG_buddy;
	free_area[order].nr_free--;
}

/* Put the block at pfn on the free lists, merging it with free buddies. */
static void free_block(u64 pfn, unsigned order)
{
	nr_free += 1UL << order;
	while (order < MAX_ORDER - 1) {
		u64 buddy_pfn = pfn ^ (1UL << order);
		struct page *buddy;

		if (!block_in_map(buddy_pfn, order))
			break;
		buddy = pfn_to_page(buddy_pfn);
		if (!(buddy->flags & PG_buddy) || buddy->order != order)
			break;
		del_free_block(buddy, order);
		pfn &= ~(1UL << order);
		order++;
	}
	add_free_block(pfn_to_page(pfn), order);
}

/* The biggest order whose aligned block at pfn ends by end. */
static unsigned largest_block(u64 pfn, u64 end)
{
	unsigned order = MAX_ORDER - 1;

	while (order > 0 &&
	       ((pfn & ((1UL << order) - 1)) || pfn + (1UL << order) > end))
		order--;
	return order;
}

/* Hand the reserved pages [pfn_start, pfn_end) over to the allocator. */
void page_alloc_free_range(u64 pfn_start, u64 pfn_end)
{
	u64 pfn;

	BUG_ON(pfn_start > pfn_end);
	for (pfn = pfn_start; pfn < pfn_end; pfn++) {
		struct page *p = pfn_to_page(pfn);

		BUG_ON(!(p->flags & PG_reserved));	/* freed twice */
		p->flags = 0;
		p->refcount = 0;
		poison_pages(p, 1);
	}
	nr_managed += pfn_end - pfn_start;
	for (pfn = pfn_start; pfn < pfn_end; ) {
		unsigned order = largest_block(pfn, pfn_end);

		free_block(pfn, order);
		pfn += 1UL << order;
	}
}

/* A block of 2^order pages with refcount 1, or NULL if none is free. */
struct page *alloc_pages(unsigned order)
{
	unsigned o;
	struct page *p;

	if (order >= MAX_ORDER)
		return NULL;
	for (o = order; o < MAX_ORDER; o++)
		if (!list_empty(&free_area[o].free_list))
			break;
	if (o == MAX_ORDER)
		return NULL;
	p = list_first_entry(&free_area[o].free_list, struct page, list);
	del_free_block(p, o);
	while (o > order) {	/* give back the upper halves */
		o--;
		add_free_block(p + (1UL << o), o);
	}
	BUG_ON(p->refcount != 0 || p->flags != 0);
	check_poison(p, order);
	p->order = order;
	p->refcount = 1;
	p->mapcount = 0;
	nr_free -= 1UL << order;
	return p;
}

/* Drop one reference to the block p of 2^order pages; free it at zero. */
void free_pages(struct page *p, unsigned order)
{
	if (p->refcount == 0)
		panic("page pfn %#llx: refcount underflow (freed twice?)",
		      (unsigned long long)page_to_pfn(p));
	if (p->order != order)
		panic("page pfn %#llx freed as order %u, allocated as order %u",
		      (unsigned long long)page_to_pfn(p), order, p->order);
	if (--p->refcount)
		return;
	BUG_ON(p->flags & (PG_reserved | PG_buddy | PG_slab));
	check_unmapped(p);
	p->slab = NULL;
	p->freelist = NULL;
	p->inuse = 0;
	poison_pages(p, 1UL << order);
	free_block(page_to_pfn(p), order);
}

struct page *alloc_page(void)
{
	return alloc_pages(0);
}

void free_page(struct page *p)
{
	free_pages(p, 0);
}

void get_page(struct page *p)
{
	if (p->refcount == 0)			/* not allocated, or a tail page */
		panic("get_page on free page pfn %#llx",
		      (unsigned long long)page_to_pfn(p));
	p->refcount++;
}

void put_page(struct page *p)
{
	free_pages(p, p->order);
}

/* A page-table entry now maps p. */
void page_add_mapping(struct page *p)
{
	p->mapcount++;
}

/* A page-table entry that mapped p was cleared or pointed elsewhere. */
void page_remove_mapping(struct page *p)
{
#ifdef TINE_DEBUG
	if (p->mapcount == 0)
		panic("page pfn %#llx: mapcount underflow",
		      (unsigned long long)page_to_pfn(p));
#endif
	p->mapcount--;
}

u64 nr_free_pages(void)
{
	return nr_free;
}

u64 nr_total_pages(void)
{
	return nr_managed;
}

u64 nr_free_blocks(unsigned order)
{
	return order < MAX_ORDER ? free_area[order].nr_free : 0;
}
