/*
 * Host test of kernel/mm/page_alloc.c over a malloc'd arena that plays the
 * part of RAM (direct_map_offset points the "direct map" at it).  The arena
 * starts at an unaligned page frame number, so the coalescing and the
 * alignment of blocks are tested off the easy path.  Built twice by
 * mk/unit.mk: plain, and with TINE_DEBUG for the poison and mapcount checks.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "test_panic.h"
#include <tine/page.h>

#define FIRST_PFN	0x103	/* deliberately not aligned */
#define NPAGES		5000

static struct page map[NPAGES];
static unsigned char *arena;
static u64 initial_blocks[MAX_ORDER];

static int setup(void **state)
{
	(void)state;
	arena = aligned_alloc(PAGE_SIZE, (size_t)NPAGES * PAGE_SIZE);
	direct_map_offset = (u64)arena - FIRST_PFN * PAGE_SIZE;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(arena);
	return 0;
}

/* Fresh allocator with all of the arena given to it. */
static void reset_all_free(void)
{
	page_alloc_init(map, FIRST_PFN, NPAGES);
	page_alloc_free_range(FIRST_PFN, FIRST_PFN + NPAGES);
	for (unsigned o = 0; o < MAX_ORDER; o++)
		initial_blocks[o] = nr_free_blocks(o);
}

static void assert_back_to_initial(void)
{
	assert_int_equal(nr_free_pages(), nr_total_pages());
	for (unsigned o = 0; o < MAX_ORDER; o++)
		assert_int_equal(nr_free_blocks(o), initial_blocks[o]);
}

static void test_init_and_free_range(void **state)
{
	u64 pages = 0;

	(void)state;
	page_alloc_init(map, FIRST_PFN, NPAGES);
	assert_int_equal(nr_free_pages(), 0);
	assert_null(alloc_page());
	assert_true(map[0].flags & PG_reserved);
	reset_all_free();
	assert_int_equal(nr_total_pages(), NPAGES);
	assert_int_equal(nr_free_pages(), NPAGES);
	for (unsigned o = 0; o < MAX_ORDER; o++)
		pages += nr_free_blocks(o) << o;
	assert_int_equal(pages, NPAGES);
	/* 0x103 is odd: a 1-page block, then 0x104 starts a 4-page one. */
	assert_true((map[0].flags & PG_buddy) && map[0].order == 0);
	assert_true((map[1].flags & PG_buddy) && map[1].order == 2);
	assert_true(nr_free_blocks(MAX_ORDER - 1) >= 3);
}

static void test_alloc_all_then_free_coalesces(void **state)
{
	static struct page *pages[NPAGES + 1];
	u64 n = 0;

	(void)state;
	reset_all_free();
	while ((pages[n] = alloc_page()) != NULL) {
		assert_int_equal(page_count(pages[n]), 1);
		n++;
	}
	assert_int_equal(n, NPAGES);
	assert_int_equal(nr_free_pages(), 0);
	/* Free in a scrambled order so merges happen in every direction. */
	for (u64 i = 0; i < n; i++) {
		u64 j = i + rand() % (n - i);
		struct page *t = pages[i];

		pages[i] = pages[j];
		pages[j] = t;
	}
	for (u64 i = 0; i < n; i++)
		free_page(pages[i]);
	assert_back_to_initial();
}

struct block {
	struct page *p;
	unsigned order;
	unsigned char tag;
};

/* Random orders, checked for alignment and for overlap via memory tags. */
static void test_random_orders(void **state)
{
	static struct block live[4000];
	int nlive = 0;

	(void)state;
	reset_all_free();
	for (int iter = 0; iter < 40000; iter++) {
		if (nlive < 4000 && (rand() % 3 || nlive == 0)) {
			unsigned order = rand() % 100 < 90 ? rand() % 3 : rand() % MAX_ORDER;
			struct page *p = alloc_pages(order);
			unsigned char *mem;

			if (!p)
				continue;
			assert_int_equal(page_to_pfn(p) & ((1UL << order) - 1), 0);
			mem = page_address(p);
			assert_true(mem >= arena && mem + (PAGE_SIZE << order) <= arena + (size_t)NPAGES * PAGE_SIZE);
			live[nlive] = (struct block){ p, order, (unsigned char)iter };
			memset(mem, live[nlive].tag, PAGE_SIZE << order);
			nlive++;
		} else {
			int k = rand() % nlive;
			unsigned char *mem = page_address(live[k].p);
			size_t len = PAGE_SIZE << live[k].order;

			for (size_t b = 0; b < len; b += 512)
				assert_int_equal(mem[b], live[k].tag);
			free_pages(live[k].p, live[k].order);
			live[k] = live[--nlive];
		}
	}
	while (nlive) {
		nlive--;
		free_pages(live[nlive].p, live[nlive].order);
	}
	assert_back_to_initial();
}

static void test_refcounts(void **state)
{
	struct page *p, *q;
	u64 before;

	(void)state;
	reset_all_free();
	before = nr_free_pages();
	p = alloc_page();
	assert_int_equal(nr_free_pages(), before - 1);
	get_page(p);
	get_page(p);
	assert_int_equal(page_count(p), 3);
	put_page(p);
	put_page(p);
	assert_int_equal(nr_free_pages(), before - 1);	/* still one user */
	put_page(p);
	assert_int_equal(nr_free_pages(), before);
	EXPECT_PANIC(put_page(p));		/* put on a free page */
	EXPECT_PANIC(get_page(p));		/* get on a free page */
	q = alloc_pages(3);
	EXPECT_PANIC(free_pages(q, 2));		/* wrong order */
	get_page(q);
	free_pages(q, 3);			/* free_pages is a put */
	assert_int_equal(page_count(q), 1);
	put_page(q);				/* put knows the order */
	assert_back_to_initial();
}

static void test_conversions(void **state)
{
	struct page *p;

	(void)state;
	reset_all_free();
	p = alloc_pages(2);
	assert_ptr_equal(virt_to_page(page_address(p)), p);
	assert_ptr_equal(virt_to_page((char *)page_address(p) + 3 * PAGE_SIZE + 17), p + 3);
	assert_ptr_equal(pfn_to_page(page_to_pfn(p)), p);
	assert_int_equal(virt_to_phys(phys_to_virt(0x123000)), 0x123000);
	assert_true(pfn_valid(FIRST_PFN));
	assert_false(pfn_valid(FIRST_PFN - 1));
	assert_false(pfn_valid(FIRST_PFN + NPAGES));
	EXPECT_PANIC(pfn_to_page(FIRST_PFN + NPAGES));
	free_pages(p, 2);
	assert_null(alloc_pages(MAX_ORDER));
	assert_back_to_initial();
}

/* Two RAM ranges with a reserved hole between: blocks never span it. */
static void test_holes_stay_reserved(void **state)
{
	const u64 hole_start = FIRST_PFN + 1000, hole_end = FIRST_PFN + 1100;
	struct page *p;
	volatile u64 n = 0;	/* lives across the setjmp of EXPECT_PANIC */

	(void)state;
	page_alloc_init(map, FIRST_PFN, NPAGES);
	page_alloc_free_range(FIRST_PFN, hole_start);
	page_alloc_free_range(hole_end, FIRST_PFN + NPAGES);
	assert_int_equal(nr_total_pages(), NPAGES - 100);
	EXPECT_PANIC(page_alloc_free_range(FIRST_PFN, FIRST_PFN + 1));	/* twice */
	while ((p = alloc_page()) != NULL) {
		assert_true(page_to_pfn(p) < hole_start || page_to_pfn(p) >= hole_end);
		n++;
	}
	assert_int_equal(n, NPAGES - 100);
	/* A reserved page survives a get/put pair. */
	p = pfn_to_page(hole_start);
	get_page(p);
	put_page(p);
	assert_true(p->flags & PG_reserved);
	assert_int_equal(page_count(p), 1);
}

static void test_largest_blocks(void **state)
{
	struct page *big[16];
	int n = 0;

	(void)state;
	reset_all_free();
	while ((big[n] = alloc_pages(MAX_ORDER - 1)) != NULL)
		n++;
	assert_int_equal(n, initial_blocks[MAX_ORDER - 1]);
	while (n)
		free_pages(big[--n], MAX_ORDER - 1);
	assert_back_to_initial();
}

#ifdef TINE_DEBUG
/* Free pages are poisoned; a write into one is caught when it comes back. */
static void test_poison_catches_write_after_free(void **state)
{
	struct page *p;
	unsigned char *v;

	(void)state;
	reset_all_free();
	p = alloc_page();
	v = page_address(p);
	assert_int_equal(v[0], PAGE_POISON);
	assert_int_equal(v[PAGE_SIZE - 1], PAGE_POISON);
	free_page(p);
	v[123] = 0;				/* a write after free */
	EXPECT_PANIC(while (alloc_page()) ;);
	/* byte 123 is byte 3 of the little-endian word at offset 0x78 */
	assert_non_null(strstr(panic_msg, "offset 0x78 holds 0xaaaaaaaa00aaaaaa"));
}

static void test_free_while_mapped(void **state)
{
	struct page *p;

	(void)state;
	reset_all_free();
	p = alloc_page();
	EXPECT_PANIC(page_remove_mapping(p));	/* mapcount underflow */
	page_add_mapping(p);
	get_page(p);
	put_page(p);				/* still one user: fine */
	EXPECT_PANIC(free_page(p));		/* last reference, still mapped */
	assert_non_null(strstr(panic_msg, "still map it"));
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_init_and_free_range),
		cmocka_unit_test(test_alloc_all_then_free_coalesces),
		cmocka_unit_test(test_random_orders),
		cmocka_unit_test(test_refcounts),
		cmocka_unit_test(test_conversions),
		cmocka_unit_test(test_holes_stay_reserved),
		cmocka_unit_test(test_largest_blocks),
#ifdef TINE_DEBUG
		cmocka_unit_test(test_poison_catches_write_after_free),
		cmocka_unit_test(test_free_while_mapped),
#endif
	};

	srand(7);
	return cmocka_run_group_tests(tests, setup, teardown);
}
