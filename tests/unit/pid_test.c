/*
 * Host test of kernel/proc/pid.c.  The allocator's state is global, so the
 * tests run in order and each frees what it took.
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
#include <tine/pid.h>

static void test_first_pids(void **state)
{
	(void)state;
	assert_int_equal(pid_max_get(), PID_MAX_DEFAULT);
	assert_int_equal(pid_alloc(), 1);	/* init */
	assert_int_equal(pid_alloc(), 2);
	assert_int_equal(pid_alloc(), 3);
	assert_int_equal(pid_nr_in_use(), 3);
	pid_free(2);
	/* Freed PIDs are not reused right away: the cursor moves on. */
	assert_int_equal(pid_alloc(), 4);
	pid_free(3);
	pid_free(4);
	assert_int_equal(pid_nr_in_use(), 1);	/* init stays */
}

static void test_pid_max_bounds(void **state)
{
	(void)state;
	assert_int_equal(pid_max_set(300), -EINVAL);
	assert_int_equal(pid_max_set(PID_MAX_LIMIT + 1), -EINVAL);
	assert_int_equal(pid_max_set(-5), -EINVAL);
	assert_int_equal(pid_max_set(PID_MAX_MIN), 0);
	assert_int_equal(pid_max_get(), PID_MAX_MIN);
	assert_int_equal(pid_max_set(PID_MAX_LIMIT), 0);
	assert_int_equal(pid_max_get(), PID_MAX_LIMIT);
}

/* Fill everything, hit EAGAIN, then wrap around to 300 skipping live PIDs. */
static void test_exhaustion_and_wrap(void **state)
{
	static int got[PID_MAX_LIMIT];
	int n = 0, pid, prev = 4;

	(void)state;
	assert_int_equal(pid_max_set(1000), 0);
	while ((pid = pid_alloc()) > 0) {
		assert_true(pid > prev);	/* increasing until the wrap */
		assert_true(pid < 1000);
		prev = pid;
		got[n++] = pid;
	}
	assert_int_equal(pid, -EAGAIN);
	assert_int_equal(n, 999 - 4);		/* 5..999; 1 is init */
	/* 2..4 were freed, but after the wrap the search starts at 300. */
	assert_int_equal(pid_nr_in_use(), 1 + n);
	assert_int_equal(pid_alloc(), -EAGAIN);

	/* Free a few low and high ones: wrap-around starts at RESERVED_PIDS. */
	pid_free(10);		/* below 300: not used again after a wrap */
	pid_free(350);
	pid_free(351);
	pid_free(700);
	assert_int_equal(pid_alloc(), 350);
	assert_int_equal(pid_alloc(), 351);
	assert_int_equal(pid_alloc(), 700);
	assert_int_equal(pid_alloc(), -EAGAIN);
	pid_free(999);
	assert_int_equal(pid_alloc(), 999);	/* above the cursor comes first */
	pid_free(300);
	pid_free(500);
	assert_int_equal(pid_alloc(), 300);	/* 300 itself is allowed */
	assert_int_equal(pid_alloc(), 500);

	for (int i = 0; i < n; i++)
		if (got[i] != 10)
			pid_free(got[i]);
	assert_int_equal(pid_nr_in_use(), 1);
}

static void test_lowered_pid_max(void **state)
{
	int a, b;

	(void)state;
	assert_int_equal(pid_max_set(5000), 0);
	a = pid_alloc();
	assert_true(a >= 300 && a < 5000);
	pid_free(a);
	while ((b = pid_alloc()) < 4000)
		pid_free(b);
	/* Lower pid_max below the cursor: next PIDs wrap to 300. */
	assert_int_equal(pid_max_set(1000), 0);
	a = pid_alloc();
	assert_true(a >= 300 && a < 1000);
	pid_free(b);		/* a PID above the new max is still freeable */
	pid_free(a);
	assert_int_equal(pid_nr_in_use(), 1);
	assert_int_equal(pid_max_set(PID_MAX_DEFAULT), 0);
}

static void test_full_range_and_double_free(void **state)
{
	int n = 0, pid;

	(void)state;
	while ((pid = pid_alloc()) > 0) {
		assert_true(pid >= RESERVED_PIDS && pid < PID_MAX_DEFAULT);
		n++;
	}
	/* Past the first wrap, 2..299 are never handed out again. */
	assert_int_equal(n, PID_MAX_DEFAULT - RESERVED_PIDS);
	pid_free(12345);
	EXPECT_PANIC(pid_free(12345));		/* double free */
	EXPECT_PANIC(pid_free(0));
	EXPECT_PANIC(pid_free(PID_MAX_LIMIT));
	assert_int_equal(pid_alloc(), 12345);
	for (pid = RESERVED_PIDS; pid < PID_MAX_DEFAULT; pid++)
		pid_free(pid);
	assert_int_equal(pid_nr_in_use(), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_first_pids),
		cmocka_unit_test(test_pid_max_bounds),
		cmocka_unit_test(test_exhaustion_and_wrap),
		cmocka_unit_test(test_lowered_pid_max),
		cmocka_unit_test(test_full_range_and_double_free),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
