/*
 * The panic() that host unit tests link against.  Normally it fails the
 * running cmocka test; inside EXPECT_PANIC(stmt) it jumps back instead, so a
 * test can check that a broken invariant really is caught.
 */
#ifndef TEST_PANIC_H
#define TEST_PANIC_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <cmocka.h>

static jmp_buf panic_jmp;
static int panic_expected;
static char panic_msg[256];

void panic(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(panic_msg, sizeof(panic_msg), fmt, ap);
	va_end(ap);
	if (panic_expected)
		longjmp(panic_jmp, 1);
	fail_msg("unexpected panic: %s", panic_msg);
	abort();
}

/* Run stmt and fail the test unless it panics. */
#define EXPECT_PANIC(stmt)						\
	do {								\
		panic_expected = 1;					\
		if (setjmp(panic_jmp) == 0) {				\
			stmt;						\
			panic_expected = 0;				\
			fail_msg("expected a panic from: %s", #stmt);	\
		}							\
		panic_expected = 0;					\
	} while (0)

#endif
