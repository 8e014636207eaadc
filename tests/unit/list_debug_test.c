/*
 * Host test of include/tine/list.h built with TINE_DEBUG: ordinary use
 * passes the neighbour checks, and each kind of corruption panics.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>
#include "test_panic.h"
#include <tine/list.h>

static void test_normal_use_passes(void **state)
{
	LIST_HEAD(head);
	struct list_head a, b, c;

	(void)state;
	list_add(&a, &head);
	list_add_tail(&b, &head);
	list_add(&c, &head);
	list_del(&a);
	assert_true(list_empty(&a));	/* deleted entries are self-linked */
	list_del(&a);			/* so deleting again is harmless */
	list_del(&c);
	list_del(&b);
	assert_true(list_empty(&head));
}

static void test_add_with_broken_neighbours(void **state)
{
	LIST_HEAD(head);
	struct list_head a, b, stray;

	(void)state;
	list_add(&a, &head);
	a.prev = &stray;
	EXPECT_PANIC(list_add(&b, &head));
	assert_non_null(strstr(panic_msg, "list_add corruption"));
	EXPECT_PANIC(list_add_tail(&b, &a));
}

static void test_del_with_broken_neighbours(void **state)
{
	LIST_HEAD(head);
	struct list_head a, b, stray;

	(void)state;
	list_add(&a, &head);
	list_add(&b, &head);
	head.prev = &stray;		/* a's next (head) no longer points back */
	EXPECT_PANIC(list_del(&a));
	assert_non_null(strstr(panic_msg, "list_del corruption"));
	b.next = &stray;
	EXPECT_PANIC(list_del(&b));
}

static void test_add_twice(void **state)
{
	LIST_HEAD(head);
	struct list_head a;

	(void)state;
	list_add(&a, &head);
	EXPECT_PANIC(list_add(&a, &head));
	assert_non_null(strstr(panic_msg, "added twice"));
	EXPECT_PANIC(list_add_tail(&a, &head));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normal_use_passes),
		cmocka_unit_test(test_add_with_broken_neighbours),
		cmocka_unit_test(test_del_with_broken_neighbours),
		cmocka_unit_test(test_add_twice),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
