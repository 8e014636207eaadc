/*
 * Physical pages (kernel/mm/page_alloc.c): one struct page per page frame
 * of RAM in the mem_map array, the buddy allocator that hands out blocks of
 * 2^order pages, and the conversions between a struct page, its page frame
 * number (pfn), its physical address and its address in the kernel's
 * direct map of all RAM.
 *
 * Reference counts: alloc_pages() returns a block with refcount 1, kept in
 * its first ("head") page; get_page() adds a user (a second mapping after
 * fork, say), and put_page()/free_pages() drop one, freeing the block when
 * the last goes.  Copy-on-write relies on this: a page whose count is 1 can
 * simply be made writable.
 *
 * A user page also counts the page-table entries that map it (mapcount;
 * page_add_mapping/page_remove_mapping at every PTE that is set or
 * cleared).  With TINE_DEBUG the allocator checks these counts: a refcount
 * that would go below zero (a page freed twice), a get_page on a free page,
 * a page freed while a PTE still maps it, or freed with the wrong order,
 * panic with the page's frame number; and every free page is filled with
 * PAGE_POISON and checked when handed out again, so a write through a
 * stale pointer or mapping is caught at the next allocation.
 */
#ifndef TINE_PAGE_H
#define TINE_PAGE_H

#include <tine/types.h>
#include <tine/list.h>
#include <tine/panic.h>

#define PAGE_SHIFT	12
#define PAGE_SIZE	(1UL << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))
#define MAX_ORDER	11	/* blocks of 2^0 .. 2^10 pages (4 KiB .. 4 MiB) */

/* page->flags */
#define PG_reserved	0x0001	/* not given to the allocator: firmware, kernel, holes */
#define PG_buddy	0x0002	/* first page of a free block, on a free list */
#define PG_slab		0x0004	/* owned by a slab cache, see page->slab */

#define PAGE_POISON	0xaa	/* fills free pages under TINE_DEBUG */

struct page {
	u32 refcount;		/* users of the block; 0 when free (head page only) */
	u16 order;		/* block size, of a free block or an allocated one */
	u16 flags;		/* PG_* */
	struct list_head list;	/* free list, or the slab cache's slab list */
	void *slab;		/* owning kmem_cache when PG_slab */
	void *freelist;		/* slab: first free object */
	u32 inuse;		/* slab: objects handed out */
	u32 mapcount;		/* user page: page-table entries mapping it */
};

/* Set by the boot code (0xffff800000000000 on x86-64) before any use. */
extern u64 direct_map_offset;
extern struct page *mem_map;		/* struct page of mem_map_base_pfn */
extern u64 mem_map_base_pfn;
extern u64 mem_map_nr_pages;

static inline void *phys_to_virt(u64 pa)
{
	return (void *)(pa + direct_map_offset);
}

static inline u64 virt_to_phys(const void *v)
{
	return (u64)v - direct_map_offset;
}

static inline bool pfn_valid(u64 pfn)
{
	return pfn - mem_map_base_pfn < mem_map_nr_pages;
}

static inline u64 page_to_pfn(const struct page *p)
{
	return mem_map_base_pfn + (u64)(p - mem_map);
}

static inline struct page *pfn_to_page(u64 pfn)
{
	BUG_ON(!pfn_valid(pfn));
	return mem_map + (pfn - mem_map_base_pfn);
}

static inline void *page_address(const struct page *p)
{
	return phys_to_virt(page_to_pfn(p) << PAGE_SHIFT);
}

static inline struct page *virt_to_page(const void *v)
{
	return pfn_to_page(virt_to_phys(v) >> PAGE_SHIFT);
}

static inline u32 page_count(const struct page *p)
{
	return p->refcount;
}

void page_alloc_init(struct page *map, u64 first_pfn, u64 npages);
void page_alloc_free_range(u64 pfn_start, u64 pfn_end);
struct page *alloc_pages(unsigned order);
void free_pages(struct page *p, unsigned order);
struct page *alloc_page(void);
void free_page(struct page *p);
void get_page(struct page *p);
void put_page(struct page *p);
void page_add_mapping(struct page *p);
void page_remove_mapping(struct page *p);
u64 nr_free_pages(void);
u64 nr_total_pages(void);
u64 nr_free_blocks(unsigned order);

#endif
