/*
 * Host test of kernel/lib/string.c: every routine is compared with the C
 * library's on many sizes, alignments and overlaps.  Ours are renamed
 * tine_* at build time (libc_rename.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

void *tine_memcpy(void *dst, const void *src, size_t n);
void *tine_memmove(void *dst, const void *src, size_t n);
void *tine_memset(void *s, int c, size_t n);
int tine_memcmp(const void *a, const void *b, size_t n);
size_t tine_strlen(const char *s);
size_t tine_strnlen(const char *s, size_t max);
int tine_strcmp(const char *a, const char *b);
int tine_strncmp(const char *a, const char *b, size_t n);
char *tine_strchr(const char *s, int c);
char *tine_strrchr(const char *s, int c);
size_t tine_strlcpy(char *dst, const char *src, size_t size);

#define BUF 512
#define MAXN 200

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

static void fill_random(unsigned char *p, size_t n)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)rand();
}

static void test_memcpy(void **state)
{
	unsigned char src[BUF], a[BUF], b[BUF];

	(void)state;
	fill_random(src, BUF);
	for (size_t n = 0; n < MAXN; n++)
		for (size_t so = 0; so < 9; so++)
			for (size_t d = 0; d < 9; d++) {
				memset(a, 0xAA, BUF);
				memset(b, 0xAA, BUF);
				memcpy(a + d, src + so, n);
				assert_ptr_equal(tine_memcpy(b + d, src + so, n), b + d);
				assert_memory_equal(a, b, BUF);
			}
}

static void test_memmove_overlap(void **state)
{
	unsigned char a[BUF], b[BUF];

	(void)state;
	for (size_t n = 0; n < MAXN; n++)
		for (size_t so = 0; so < 40; so++)
			for (size_t d = 0; d < 40; d++) {
				fill_random(a, BUF);
				memcpy(b, a, BUF);
				memmove(a + d, a + so, n);
				assert_ptr_equal(tine_memmove(b + d, b + so, n), b + d);
				assert_memory_equal(a, b, BUF);
			}
}

static void test_memset(void **state)
{
	unsigned char a[BUF], b[BUF];

	(void)state;
	for (size_t n = 0; n < MAXN; n++)
		for (size_t d = 0; d < 9; d++) {
			int c = (int)(n * 7 + d) - 300;	/* only the low byte counts */

			memset(a, 0x11, BUF);
			memset(b, 0x11, BUF);
			memset(a + d, c, n);
			assert_ptr_equal(tine_memset(b + d, c, n), b + d);
			assert_memory_equal(a, b, BUF);
		}
}

static void test_memcmp(void **state)
{
	unsigned char a[64], b[64];

	(void)state;
	for (int iter = 0; iter < 2000; iter++) {
		size_t n = rand() % 64;

		fill_random(a, sizeof(a));
		memcpy(b, a, sizeof(b));
		if (n && rand() % 2)
			b[rand() % n] = (unsigned char)rand();	/* high bytes test unsignedness */
		assert_int_equal(sign(tine_memcmp(a, b, n)), sign(memcmp(a, b, n)));
	}
}

static const char *const words[] = {
	"", "a", "b", "ab", "abc", "abd", "abcdefghijklmnop", "\xff", "\x01",
	"hello world", "hello", "hello\xe9", "zz",
};

static void test_strcmp_family(void **state)
{
	(void)state;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		const char *x = words[i];

		assert_int_equal(tine_strlen(x), strlen(x));
		for (size_t m = 0; m < 20; m++)
			assert_int_equal(tine_strnlen(x, m), strnlen(x, m));
		for (size_t j = 0; j < sizeof(words) / sizeof(words[0]); j++) {
			const char *y = words[j];

			assert_int_equal(sign(tine_strcmp(x, y)), sign(strcmp(x, y)));
			for (size_t n = 0; n < 20; n++)
				assert_int_equal(sign(tine_strncmp(x, y, n)),
						 sign(strncmp(x, y, n)));
		}
	}
}

static void test_strchr(void **state)
{
	const char *s = "abcabc/def/g";

	(void)state;
	for (int c = 0; c < 256; c++) {
		assert_ptr_equal(tine_strchr(s, c), strchr(s, c));
		assert_ptr_equal(tine_strrchr(s, c), strrchr(s, c));
	}
	assert_ptr_equal(tine_strchr(s, 0), s + strlen(s));
	assert_ptr_equal(tine_strrchr("", 'a'), NULL);
}

static void test_strlcpy(void **state)
{
	char buf[16];

	(void)state;
	memset(buf, 'x', sizeof(buf));
	assert_int_equal(tine_strlcpy(buf, "hello", sizeof(buf)), 5);
	assert_string_equal(buf, "hello");
	assert_int_equal(tine_strlcpy(buf, "a very long string", 8), 18);
	assert_string_equal(buf, "a very ");
	buf[0] = 'q';
	assert_int_equal(tine_strlcpy(buf, "abc", 0), 3);
	assert_int_equal(buf[0], 'q');
	assert_int_equal(tine_strlcpy(buf, "abc", 1), 3);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_memcpy),
		cmocka_unit_test(test_memmove_overlap),
		cmocka_unit_test(test_memset),
		cmocka_unit_test(test_memcmp),
		cmocka_unit_test(test_strcmp_family),
		cmocka_unit_test(test_strchr),
		cmocka_unit_test(test_strlcpy),
	};

	srand(1);
	return cmocka_run_group_tests(tests, NULL, NULL);
}
