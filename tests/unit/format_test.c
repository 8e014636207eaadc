/*
 * Host test of kernel/lib/format.c: a big table of formats, each printed by
 * our vsnprintf (renamed tine_snprintf, see libc_rename.h) and by the C
 * library's, at full size and at every truncated buffer size.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <limits.h>
#include <sys/types.h>
#include <cmocka.h>

/* Flag combinations C defines but GCC warns about are tested on purpose. */
#pragma GCC diagnostic ignored "-Wformat"
#pragma GCC diagnostic ignored "-Wformat-overflow"

int tine_snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Compare both at full size, then at every size up to the full length. */
#define CHECK(...)							\
	do {								\
		char want[256], got[256];				\
		int wn = snprintf(want, sizeof(want), __VA_ARGS__);	\
		int gn = tine_snprintf(got, sizeof(got), __VA_ARGS__);	\
		assert_string_equal(got, want);				\
		assert_int_equal(gn, wn);				\
		for (size_t sz = 0; sz <= (size_t)wn + 1; sz++) {	\
			memset(got, 'Z', sizeof(got));			\
			snprintf(want, sz ? sz : 1, __VA_ARGS__);	\
			gn = tine_snprintf(got, sz, __VA_ARGS__);	\
			assert_int_equal(gn, wn);			\
			if (sz)						\
				assert_string_equal(got, want);		\
			assert_int_equal(got[sz], 'Z');			\
		}							\
	} while (0)

static void test_integers(void **state)
{
	(void)state;
	CHECK("%d", 0);
	CHECK("%d", 42);
	CHECK("%d", -42);
	CHECK("%i", INT_MAX);
	CHECK("%i", INT_MIN);
	CHECK("%u", 0u);
	CHECK("%u", UINT_MAX);
	CHECK("%ld", LONG_MIN);
	CHECK("%ld", LONG_MAX);
	CHECK("%lu", ULONG_MAX);
	CHECK("%lld", LLONG_MIN);
	CHECK("%llu", ULLONG_MAX);
	CHECK("%llx", 0xdeadbeefcafebabeULL);
	/* An int argument cut down to char or short, as C specifies. */
	/* cppcheck-suppress invalidPrintfArgType_sint */
	CHECK("%hhd", 200);
	/* cppcheck-suppress invalidPrintfArgType_uint */
	CHECK("%hhu", 511);
	/* cppcheck-suppress invalidPrintfArgType_sint */
	CHECK("%hd", 70000);
	/* cppcheck-suppress invalidPrintfArgType_uint */
	CHECK("%hu", 70000);
	/* cppcheck-suppress invalidPrintfArgType_uint */
	CHECK("%hx", 0x12345);
	CHECK("%zu", (size_t)123456789);
	CHECK("%zd", (ssize_t)-5);
	CHECK("%zx", (size_t)-1);
	CHECK("%td", (ptrdiff_t)-77);
	CHECK("%tx", (ptrdiff_t)0x77);
	CHECK("%jd", (intmax_t)-9);
	CHECK("%x %X", 0xabcdefu, 0xabcdefu);
	CHECK("%o", 8u);
	CHECK("%o", 0u);
}

static void test_flags_width_precision(void **state)
{
	(void)state;
	CHECK("[%5d]", 42);
	CHECK("[%-5d]", 42);
	CHECK("[%05d]", 42);
	CHECK("[%05d]", -42);
	CHECK("[%-05d]", -42);
	CHECK("[%+d]", 42);
	CHECK("[%+d]", -42);
	CHECK("[%+d]", 0);
	CHECK("[% d]", 42);
	CHECK("[% d]", -42);
	CHECK("[%+ d]", 42);
	CHECK("[% 5d]", 42);
	CHECK("[%+05d]", 42);
	CHECK("[%.3d]", 7);
	CHECK("[%.3d]", -7);
	CHECK("[%8.3d]", -7);
	CHECK("[%-8.3d]", -7);
	CHECK("[%08.3d]", 7);
	CHECK("[%.0d]", 0);
	CHECK("[%5.0d]", 0);
	CHECK("[%.0x]", 0u);
	CHECK("[%#x]", 0u);
	CHECK("[%#x]", 255u);
	CHECK("[%#X]", 255u);
	CHECK("[%#10x]", 255u);
	CHECK("[%#010x]", 255u);
	CHECK("[%-#10x]", 255u);
	CHECK("[%#.5x]", 255u);
	CHECK("[%#o]", 0u);
	CHECK("[%#o]", 8u);
	CHECK("[%#.0o]", 0u);
	CHECK("[%#.3o]", 8u);
	CHECK("[%#5o]", 8u);
	CHECK("[%*d]", 6, 42);
	CHECK("[%*d]", -6, 42);
	CHECK("[%-*d]", 6, 42);
	CHECK("[%.*d]", 4, 42);
	CHECK("[%.*d]", -4, 42);
	CHECK("[%*.*d]", 8, 4, -42);
	CHECK("[%0*d]", 6, -42);
	CHECK("[%020llu]", ULLONG_MAX);
	CHECK("[%-+8ld]", 12345L);
	CHECK("[%016lx]", 0xffffffff81000000UL);
}

static void test_chars_and_strings(void **state)
{
	(void)state;
	CHECK("%c", 'A');
	CHECK("[%5c]", 'x');
	CHECK("[%-5c]", 'x');
	CHECK("%c%c%c", 'a', 'b', 'c');
	CHECK("%s", "");
	CHECK("%s", "hello");
	CHECK("[%10s]", "hello");
	CHECK("[%-10s]", "hello");
	CHECK("[%.3s]", "hello");
	CHECK("[%.0s]", "hello");
	CHECK("[%10.2s]", "hello");
	CHECK("[%-10.2s]", "hello");
	CHECK("[%.*s]", 2, "hello");
	CHECK("[%*s]", -7, "hi");
	CHECK("[%.10s]", "hi");
	CHECK("%s=%s", "TERM", "linux");
	CHECK("100%%");
	CHECK("%%d");
	CHECK("no conversions at all");
	CHECK("%s %d %s %x %c", "mixed", -1, "args", 0x10u, '!');
	CHECK("pid %d exited with status %d (%s)", 1, 256, "init");
}

static void test_pointers(void **state)
{
	char got[64], want[64];
	int x;

	(void)state;
	/* glibc's %p is %#lx for non-NULL, which is what ours prints. */
	CHECK("%p", (void *)&x);
	CHECK("[%20p]", (void *)0xffff800000001000UL);
	CHECK("[%-20p]", (void *)0x1000);
	/* For NULL glibc prints "(nil)"; Tine, like Linux's %px, prints 0x0. */
	assert_int_equal(tine_snprintf(got, sizeof(got), "%p", (void *)0), 3);
	assert_string_equal(got, "0x0");
	snprintf(want, sizeof(want), "%#lx", (unsigned long)&x);
	tine_snprintf(got, sizeof(got), "%p", (void *)&x);
	assert_string_equal(got, want);
}

static void test_edge_cases(void **state)
{
	char buf[16];

	(void)state;
	/* NULL string: "(null)" like glibc and Linux. */
	assert_int_equal(tine_snprintf(buf, sizeof(buf), "%s", (char *)NULL), 6);
	assert_string_equal(buf, "(null)");
	/* size 0 stores nothing and a NULL buffer is fine. */
	assert_int_equal(tine_snprintf(NULL, 0, "%d", 12345), 5);
	/* A trailing lone '%' is printed as is. */
	assert_int_equal(tine_snprintf(buf, sizeof(buf), "50%"), 3);
	assert_string_equal(buf, "50%");
	/* Output longer than the buffer is cut and terminated. */
	assert_int_equal(tine_snprintf(buf, 4, "%s", "abcdef"), 6);
	assert_string_equal(buf, "abc");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_flags_width_precision),
		cmocka_unit_test(test_chars_and_strings),
		cmocka_unit_test(test_pointers),
		cmocka_unit_test(test_edge_cases),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
