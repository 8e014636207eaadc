/*
 * Host test of kernel/mm/vma_tree.c with thousands of VMAs, checked against
 * a plain reference (a linear scan of a slot map).  krealloc and kfree are
 * the C library's here, so ASan watches the array itself; a switch makes
 * krealloc fail to test -ENOMEM.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include "test_panic.h"
#include <tine/errno.h>
#include <tine/mm.h>
#include <tine/slab.h>

static bool krealloc_fails;

void *krealloc(void *p, size_t size)
{
	return krealloc_fails ? NULL : realloc(p, size);
}

void kfree(const void *p)
{
	free((void *)p);
}

#define PG	4096ULL
#define BASE	0x10000ULL
#define NSLOTS	8000		/* address space of NSLOTS pages from BASE */

static struct vm_area_struct *slot[NSLOTS];	/* reference: owner of each page */

static struct vm_area_struct *new_vma(u64 start, u64 end)
{
	struct vm_area_struct *v = calloc(1, sizeof(*v));

	v->vm_start = start;
	v->vm_end = end;
	return v;
}

static void ref_set(struct vm_area_struct *v, struct vm_area_struct *owner)
{
	for (u64 a = v->vm_start; a < v->vm_end; a += PG)
		slot[(a - BASE) / PG] = owner;
}

/* Reference find_vma: first VMA with vm_end > addr. */
static struct vm_area_struct *ref_find(u64 addr)
{
	u64 s = addr < BASE ? 0 : (addr - BASE) / PG;

	for (; s < NSLOTS; s++)
		if (slot[s])
			return slot[s];
	return NULL;
}

/* Reference gap: highest page-aligned a in [low, high) with len free. */
static u64 ref_gap(u64 len, u64 low, u64 high)
{
	for (u64 a = high - len; a >= low && a + len <= high; a -= PG) {
		bool free_run = true;

		for (u64 p = a; p < a + len; p += PG)
			if (slot[(p - BASE) / PG])
				free_run = false;
		if (free_run)
			return a;
		if (a < PG)
			break;
	}
	return 0;
}

static void check_sorted(struct vma_tree *t)
{
	for (int i = 1; i < vma_count(t); i++)
		assert_true(vma_at(t, i - 1)->vm_end <= vma_at(t, i)->vm_start);
}

/* Fill the space with random-sized VMAs inserted in random order. */
static int populate(struct vma_tree *t, struct vm_area_struct **all)
{
	int n = 0;

	memset(slot, 0, sizeof(slot));
	for (u64 s = 0; s < NSLOTS; ) {
		u64 len = 1 + rand() % 4, hole = rand() % 3;

		if (s + len > NSLOTS)
			break;
		all[n++] = new_vma(BASE + s * PG, BASE + (s + len) * PG);
		s += len + hole;
	}
	for (int i = n - 1; i > 0; i--) {
		int j = rand() % (i + 1);
		struct vm_area_struct *x = all[i];

		all[i] = all[j];
		all[j] = x;
	}
	for (int i = 0; i < n; i++) {
		assert_int_equal(vma_tree_insert(t, all[i]), 0);
		ref_set(all[i], all[i]);
	}
	return n;
}

static struct vm_area_struct *all[NSLOTS];

static void test_insert_lookup(void **state)
{
	struct vma_tree t;
	int n;

	(void)state;
	vma_tree_init(&t);
	assert_null(vma_find(&t, 0x1000));
	assert_int_equal(vma_find_index(&t, 0x1000), 0);
	n = populate(&t, all);
	assert_true(n > 2000);
	assert_int_equal(vma_count(&t), n);
	check_sorted(&t);
	for (int k = 0; k < 50000; k++) {
		u64 addr = BASE - 3 * PG + (u64)rand() % ((NSLOTS + 6) * PG);

		assert_ptr_equal(vma_find(&t, addr), ref_find(addr));
	}
	/* Index form: one past the last VMA when nothing is above. */
	assert_int_equal(vma_find_index(&t, BASE + NSLOTS * PG), n);
	assert_ptr_equal(vma_find(&t, 0), vma_at(&t, 0));
	for (int i = 0; i < n; i++)
		free(all[i]);
	vma_tree_destroy(&t);
	assert_int_equal(vma_count(&t), 0);
}

/* munmap/mprotect-style: remove a VMA, insert its pieces; remove many. */
static void test_split_and_remove(void **state)
{
	struct vma_tree t;
	int n;

	(void)state;
	vma_tree_init(&t);
	n = populate(&t, all);
	for (int k = 0; k < 3000; k++) {
		int i = rand() % vma_count(&t);
		struct vm_area_struct *v = vma_at(&t, i), *lo, *hi;
		u64 pages = (v->vm_end - v->vm_start) / PG;

		if (pages < 2)
			continue;
		lo = new_vma(v->vm_start, v->vm_start + PG * (1 + rand() % (pages - 1)));
		hi = new_vma(lo->vm_end, v->vm_end);
		vma_tree_remove(&t, v);
		assert_int_equal(vma_tree_insert(&t, lo), 0);
		assert_int_equal(vma_tree_insert(&t, hi), 0);
		ref_set(lo, lo);
		ref_set(hi, hi);
		free(v);
		n++;
	}
	assert_int_equal(vma_count(&t), n);
	check_sorted(&t);
	while (vma_count(&t) > 100) {
		struct vm_area_struct *v = vma_at(&t, rand() % vma_count(&t));

		vma_tree_remove(&t, v);
		ref_set(v, NULL);
		free(v);
	}
	check_sorted(&t);
	for (u64 addr = BASE - PG; addr < BASE + (NSLOTS + 1) * PG; addr += PG / 2)
		assert_ptr_equal(vma_find(&t, addr), ref_find(addr));
	while (vma_count(&t)) {
		struct vm_area_struct *v = vma_at(&t, 0);

		vma_tree_remove(&t, v);
		free(v);
	}
	vma_tree_destroy(&t);
}

static void test_gaps(void **state)
{
	const u64 low = BASE, high = BASE + NSLOTS * PG;
	struct vma_tree t;
	int n;

	(void)state;
	vma_tree_init(&t);
	memset(slot, 0, sizeof(slot));
	/* Empty: the top of the range. */
	assert_int_equal(vma_find_gap(&t, 4 * PG, low, high), high - 4 * PG);
	assert_int_equal(vma_find_gap(&t, high - low, low, high), low);
	assert_int_equal(vma_find_gap(&t, high - low + PG, low, high), 0);
	assert_int_equal(vma_find_gap(&t, 0, low, high), 0);
	n = populate(&t, all);
	for (int k = 0; k < 3000; k++) {
		u64 len = PG * (1 + rand() % 3);
		u64 lo = low + PG * (rand() % NSLOTS);
		u64 hi = lo + PG * (rand() % (NSLOTS + 1 - (lo - low) / PG));

		if (hi < lo + len)
			continue;
		assert_int_equal(vma_find_gap(&t, len, lo, hi), ref_gap(len, lo, hi));
	}
	/* Holes are at most 2 pages: no room for 3. */
	assert_int_equal(vma_find_gap(&t, 3 * PG, low, high - PG * 8), 0);
	for (int i = 0; i < n; i++)
		free(all[i]);
	vma_tree_destroy(&t);
}

static void test_overlap_and_misuse_panic(void **state)
{
	struct vma_tree t;
	struct vm_area_struct *a = new_vma(0x10000, 0x20000);
	struct vm_area_struct *b = new_vma(0x1f000, 0x30000);
	struct vm_area_struct *c = new_vma(0x5000, 0x11000);
	struct vm_area_struct *inside = new_vma(0x12000, 0x13000);
	struct vm_area_struct *empty = new_vma(0x40000, 0x40000);
	struct vm_area_struct *absent = new_vma(0x50000, 0x51000);

	(void)state;
	vma_tree_init(&t);
	assert_int_equal(vma_tree_insert(&t, a), 0);
	EXPECT_PANIC(vma_tree_insert(&t, b));
	EXPECT_PANIC(vma_tree_insert(&t, c));
	EXPECT_PANIC(vma_tree_insert(&t, inside));
	EXPECT_PANIC(vma_tree_insert(&t, empty));
	EXPECT_PANIC(vma_tree_remove(&t, absent));
	EXPECT_PANIC(vma_at(&t, 1));
	assert_int_equal(vma_count(&t), 1);
	vma_tree_remove(&t, a);
	vma_tree_destroy(&t);
	free(a), free(b), free(c), free(inside), free(empty), free(absent);
}

#define VMA_TEST_MAX 40

static void test_enomem(void **state)
{
	static struct vm_area_struct *v[VMA_TEST_MAX];
	struct vma_tree t;
	int i;

	(void)state;
	vma_tree_init(&t);
	for (i = 0; i < VMA_TEST_MAX; i++)
		v[i] = new_vma(0x1000 * (2 * i + 1), 0x1000 * (2 * i + 2));
	krealloc_fails = true;
	assert_int_equal(vma_tree_insert(&t, v[0]), -ENOMEM);
	krealloc_fails = false;
	for (i = 0; i < 16; i++)
		assert_int_equal(vma_tree_insert(&t, v[i]), 0);
	krealloc_fails = true;		/* array full: the 17th needs to grow it */
	assert_int_equal(vma_tree_insert(&t, v[16]), -ENOMEM);
	assert_int_equal(vma_count(&t), 16);
	krealloc_fails = false;
	for (i = 16; i < VMA_TEST_MAX; i++)
		assert_int_equal(vma_tree_insert(&t, v[i]), 0);
	check_sorted(&t);
	vma_tree_destroy(&t);
	for (i = 0; i < VMA_TEST_MAX; i++)
		free(v[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_lookup),
		cmocka_unit_test(test_split_and_remove),
		cmocka_unit_test(test_gaps),
		cmocka_unit_test(test_overlap_and_misuse_panic),
		cmocka_unit_test(test_enomem),
	};

	srand(11);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
