/*
 * Host test of kernel/mm/slab.c on top of the real page allocator, over a
 * malloc'd arena.  Built twice by mk/unit.mk: plain, and with TINE_DEBUG
 * for the poisoning checks.
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
#include <tine/slab.h>

#define FIRST_PFN	0x400
#define NPAGES		8192	/* 32 MiB */

static struct page map[NPAGES];
static unsigned char *arena;

static int setup(void **state)
{
	(void)state;
	arena = aligned_alloc(PAGE_SIZE, (size_t)NPAGES * PAGE_SIZE);
	direct_map_offset = (u64)arena - FIRST_PFN * PAGE_SIZE;
	page_alloc_init(map, FIRST_PFN, NPAGES);
	page_alloc_free_range(FIRST_PFN, FIRST_PFN + NPAGES);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	free(arena);
	return 0;
}

static void shuffle(void **v, size_t n)
{
	for (size_t i = 0; i + 1 < n; i++) {
		size_t j = i + rand() % (n - i);
		void *t = v[i];

		v[i] = v[j];
		v[j] = t;
	}
}

static int cmp_ptr(const void *a, const void *b)
{
	uintptr_t x = *(uintptr_t *)a, y = *(uintptr_t *)b;

	return (x > y) - (x < y);
}

#define NOBJ 20000

static void test_cache_many_objects(void **state)
{
	static void *objs[NOBJ], *sorted[NOBJ];
	struct kmem_cache *c;
	u64 free_before;

	(void)state;
	c = kmem_cache_create("test_obj", 40);
	assert_non_null(c);
	assert_string_equal(c->name, "test_obj");
	assert_int_equal(c->object_size, 40);
	free_before = nr_free_pages();
	for (int i = 0; i < NOBJ; i++) {
		objs[i] = kmem_cache_alloc(c);
		assert_non_null(objs[i]);
		assert_int_equal((uintptr_t)objs[i] % 8, 0);
		memset(objs[i], i & 0xff, 40);
	}
	assert_int_equal(c->active_objs, NOBJ);
	assert_int_equal(c->num_pages, free_before - nr_free_pages());
	/* No two objects overlap. */
	memcpy(sorted, objs, sizeof(objs));
	qsort(sorted, NOBJ, sizeof(void *), cmp_ptr);
	for (int i = 1; i < NOBJ; i++)
		assert_true((char *)sorted[i] >= (char *)sorted[i - 1] + 40);
	for (int i = 0; i < NOBJ; i++)
		assert_int_equal(((unsigned char *)objs[i])[39], i & 0xff);
	shuffle(objs, NOBJ);
	for (int i = 0; i < NOBJ; i++)
		kmem_cache_free(c, objs[i]);
	assert_int_equal(c->active_objs, 0);
	/* All slabs but one kept partial slab went back. */
	assert_true(c->num_pages <= 1);
	assert_int_equal(nr_free_pages() + c->num_pages, free_before);
}

static void test_alloc_free_churn(void **state)
{
	static void *live[3000];
	struct kmem_cache *c = kmem_cache_create("churn", 200);
	int n = 0;

	(void)state;
	for (int iter = 0; iter < 50000; iter++) {
		if (n < 3000 && (rand() % 2 || n == 0)) {
			live[n] = kmem_cache_alloc(c);
			*(int *)live[n] = iter;
			n++;
		} else {
			int k = rand() % n;

			kmem_cache_free(c, live[k]);
			live[k] = live[--n];
		}
		assert_int_equal(c->active_objs, n);
	}
	while (n)
		kmem_cache_free(c, live[--n]);
	assert_int_equal(c->active_objs, 0);
}

static void test_kmalloc_sizes(void **state)
{
	static void *p[6000];
	u64 free_before;

	(void)state;
	kfree(kmalloc(1));	/* warm up the built-in caches */
	for (size_t size = 0; size < 6000; size++) {
		size_t align = 16;

		p[size] = kmalloc(size);
		assert_non_null(p[size]);
		assert_true(ksize(p[size]) >= size);
		while (align < size && align < PAGE_SIZE)
			align *= 2;
		assert_int_equal((uintptr_t)p[size] % align, 0);
		memset(p[size], 0xcc, size);
	}
	shuffle(p, 6000);
	for (size_t i = 0; i < 6000; i++)
		kfree(p[i]);
	kfree(NULL);
	/* Big allocations come straight from the page allocator. */
	free_before = nr_free_pages();
	p[0] = kmalloc(5 * PAGE_SIZE);
	assert_int_equal(ksize(p[0]), 8 * PAGE_SIZE);
	assert_int_equal(nr_free_pages(), free_before - 8);
	kfree(p[0]);
	assert_int_equal(nr_free_pages(), free_before);
	assert_null(kmalloc(PAGE_SIZE << MAX_ORDER));
}

static void test_kzalloc_krealloc(void **state)
{
	unsigned char *p, *q;

	(void)state;
	p = kmalloc(100);
	memset(p, 0xff, 100);
	kfree(p);
	p = kzalloc(100);
	for (int i = 0; i < 100; i++)
		assert_int_equal(p[i], 0);
	for (int i = 0; i < 100; i++)
		p[i] = (unsigned char)i;
	q = krealloc(p, 120);		/* fits the 128-byte slot */
	assert_ptr_equal(q, p);
	p = krealloc(q, 3000);		/* moves to a page */
	for (int i = 0; i < 100; i++)
		assert_int_equal(p[i], i);
	q = krealloc(p, 100000);
	for (int i = 0; i < 100; i++)
		assert_int_equal(q[i], i);
	assert_null(krealloc(q, 0));	/* freed */
	p = krealloc(NULL, 10);
	assert_non_null(p);
	kfree(p);
}

struct cache_info {
	int count;
	bool saw_kmalloc_64, saw_custom;
};

static void note_cache(const struct kmem_cache *c, void *arg)
{
	struct cache_info *info = arg;

	info->count++;
	if (!strcmp(c->name, "kmalloc-64"))
		info->saw_kmalloc_64 = c->object_size == 64;
	if (!strcmp(c->name, "listed") && c->active_objs == 1 && c->num_pages == 1)
		info->saw_custom = true;
}

static void test_for_each_cache(void **state)
{
	struct kmem_cache *c = kmem_cache_create("listed", 24);
	struct cache_info info = { 0 };
	void *obj = kmem_cache_alloc(c);

	(void)state;
	kmem_for_each_cache(note_cache, &info);
	assert_true(info.count >= 10);	/* kmem_cache, 8 kmalloc, ours... */
	assert_true(info.saw_kmalloc_64);
	assert_true(info.saw_custom);
	kmem_cache_free(c, obj);
	assert_null(kmem_cache_create("zero", 0));
	assert_null(kmem_cache_create("huge", 1 << 20));
}

static void test_bad_frees_panic(void **state)
{
	struct kmem_cache *a = kmem_cache_create("a", 32), *b = kmem_cache_create("b", 32);
	char *obj = kmem_cache_alloc(a);
	char *big = kmalloc(3 * PAGE_SIZE);

	(void)state;
	EXPECT_PANIC(kmem_cache_free(b, obj));	/* wrong cache */
	EXPECT_PANIC(kmem_cache_free(a, obj + 8));	/* not an object start */
	EXPECT_PANIC(kfree(big + PAGE_SIZE));	/* inside a big block */
	kmem_cache_free(a, obj);
	kfree(big);
}

static void test_out_of_memory(void **state)
{
	static struct page *pages[NPAGES];
	struct kmem_cache *c = kmem_cache_create("oom", 1000);
	void *p;
	int n = 0;

	(void)state;
	while ((pages[n] = alloc_page()) != NULL)
		n++;
	assert_null(kmem_cache_alloc(c));
	assert_null(kmalloc(10000));
	assert_int_equal(c->active_objs, 0);
	while (n)
		free_page(pages[--n]);
	p = kmalloc(10000);		/* memory is back */
	assert_non_null(p);
	kfree(p);
}

#ifdef TINE_DEBUG
static void test_poison(void **state)
{
	struct kmem_cache *c = kmem_cache_create("poisoned", 64);
	unsigned char *obj = kmem_cache_alloc(c), *again;
	void *keep = kmem_cache_alloc(c);	/* keeps the slab alive */

	(void)state;
	memset(obj, 0, 64);
	kmem_cache_free(c, obj);
	for (int i = 8; i < 64; i++)
		assert_int_equal(obj[i], POISON_FREE);
	obj[30] = 1;				/* write after free */
	EXPECT_PANIC(again = kmem_cache_alloc(c));
	(void)again;
	(void)keep;
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cache_many_objects),
		cmocka_unit_test(test_alloc_free_churn),
		cmocka_unit_test(test_kmalloc_sizes),
		cmocka_unit_test(test_kzalloc_krealloc),
		cmocka_unit_test(test_for_each_cache),
		cmocka_unit_test(test_bad_frees_panic),
		cmocka_unit_test(test_out_of_memory),
#ifdef TINE_DEBUG
		cmocka_unit_test(test_poison),
#endif
	};

	srand(3);
	return cmocka_run_group_tests(tests, setup, teardown);
}
