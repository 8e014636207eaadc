/*
 * Fatal-error reporting.  panic() prints its message and stops the machine;
 * the kernel proper defines it (kernel/panic.c), and each host unit test
 * defines its own that fails the test, so pure code can call it freely.
 * BUG_ON() is how invariants are made loud: it names the file, the line and
 * the broken condition.
 */
#ifndef TINE_PANIC_H
#define TINE_PANIC_H

#include <tine/types.h>

void panic(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#define BUG() panic("BUG at %s:%d", __FILE__, __LINE__)

#define BUG_ON(cond)							\
	do {								\
		if (unlikely(cond))					\
			panic("BUG at %s:%d: %s", __FILE__, __LINE__, #cond); \
	} while (0)

#endif
