/*
 * Host test of kernel/fs/cpio.c: archives built here entry by entry (the
 * same bytes GNU cpio -H newc writes), concatenated archives, every kind of
 * malformed header, and a fuzz run of random bytes, truncations and byte
 * flips, each parsed from an exactly-sized heap copy so ASan sees any read
 * past the end.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>
#include <tine/cpio.h>
#include <tine/errno.h>

struct archive {
	unsigned char buf[8192];
	size_t len;
};

static void pad4(struct archive *a)
{
	while (a->len & 3)
		a->buf[a->len++] = 0;
}

static void add_entry_magic(struct archive *a, const char *magic, const char *name,
			    unsigned mode, const void *data, size_t size, unsigned check)
{
	size_t namesize = strlen(name) + 1;

	a->len += sprintf((char *)a->buf + a->len,
			  "%s%08X%08X%08X%08X%08X%08X%08zX%08X%08X%08X%08X%08zX%08X",
			  magic, 7u, mode, 1000u, 100u, 1u, 0x5f000000u, size,
			  8u, 1u, 0u, 0u, namesize, check);
	memcpy(a->buf + a->len, name, namesize);
	a->len += namesize;
	pad4(a);
	memcpy(a->buf + a->len, data, size);
	a->len += size;
	pad4(a);
}

static void add_entry(struct archive *a, const char *name, unsigned mode,
		      const void *data, size_t size)
{
	add_entry_magic(a, "070701", name, mode, data, size, 0);
}

static void add_trailer(struct archive *a)
{
	add_entry(a, "TRAILER!!!", 0, "", 0);
}

/* A small root file system: a directory, a file, a symlink, a device. */
static void build_sample(struct archive *a)
{
	a->len = 0;
	add_entry(a, ".", 040755, "", 0);
	add_entry(a, "init", 0100755, "#!/bin/sh\necho hi\n", 18);
	add_entry(a, "bin/sh", 0120777, "busybox", 7);
	add_entry(a, "dev/console", 020600, "", 0);
	add_trailer(a);
}

struct seen {
	int n;
	char names[16][32];
	size_t sizes[16];
	unsigned modes[16];
	int stop_at;		/* return 99 from the callback at this entry */
};

static int collect(const struct cpio_entry *e, void *arg)
{
	struct seen *s = arg;

	assert_int_equal(strlen(e->name), e->namelen);
	if (s->n < 16) {
		snprintf(s->names[s->n], 32, "%s", e->name);
		s->sizes[s->n] = e->size;
		s->modes[s->n] = e->mode;
	}
	if (++s->n == s->stop_at)
		return 99;
	return 0;
}

/* Parse from an exact-size heap copy, so any overread trips ASan. */
static int parse_copy(const void *buf, size_t len, struct seen *s, const char **msg)
{
	void *copy = malloc(len ? len : 1);
	int ret;

	memcpy(copy, buf, len);
	ret = cpio_parse(copy, len, collect, s, msg);
	free(copy);
	return ret;
}

static void test_valid(void **state)
{
	struct archive a;
	struct seen s = { 0 };

	(void)state;
	build_sample(&a);
	assert_int_equal(parse_copy(a.buf, a.len, &s, NULL), 0);
	assert_int_equal(s.n, 4);
	assert_string_equal(s.names[0], ".");
	assert_string_equal(s.names[1], "init");
	assert_int_equal(s.sizes[1], 18);
	assert_int_equal(s.modes[1], 0100755);
	assert_string_equal(s.names[2], "bin/sh");
	assert_string_equal(s.names[3], "dev/console");
}

static int check_fields(const struct cpio_entry *e, void *arg)
{
	(void)arg;
	assert_int_equal(e->ino, 7);
	assert_int_equal(e->uid, 1000);
	assert_int_equal(e->gid, 100);
	assert_int_equal(e->nlink, 1);
	assert_int_equal(e->mtime, 0x5f000000);
	assert_int_equal(e->devmajor, 8);
	assert_int_equal(e->devminor, 1);
	if (!strcmp(e->name, "init"))
		assert_memory_equal(e->data, "#!/bin/sh\necho hi\n", 18);
	return 0;
}

static void test_fields(void **state)
{
	struct archive a;

	(void)state;
	build_sample(&a);
	assert_int_equal(cpio_parse(a.buf, a.len, check_fields, NULL, NULL), 0);
}

static void test_concatenated_and_padding(void **state)
{
	struct archive a;
	struct seen s = { 0 };

	(void)state;
	build_sample(&a);
	memset(a.buf + a.len, 0, 512);	/* padding as a bootloader might add */
	a.len += 512;
	add_entry(&a, "etc/passwd", 0100644, "root:x:0:0::/:/bin/sh\n", 22);
	add_trailer(&a);
	memset(a.buf + a.len, 0, 3);	/* trailing zeros are fine too */
	a.len += 3;
	assert_int_equal(parse_copy(a.buf, a.len, &s, NULL), 0);
	assert_int_equal(s.n, 5);
	assert_string_equal(s.names[4], "etc/passwd");
}

static void test_empty_and_zeros(void **state)
{
	unsigned char zeros[64] = { 0 };
	struct seen s = { 0 };

	(void)state;
	assert_int_equal(parse_copy(zeros, 0, &s, NULL), 0);
	assert_int_equal(parse_copy(zeros, sizeof(zeros), &s, NULL), 0);
	assert_int_equal(s.n, 0);
}

static void test_callback_stops(void **state)
{
	struct archive a;
	struct seen s = { .stop_at = 2 };

	(void)state;
	build_sample(&a);
	assert_int_equal(parse_copy(a.buf, a.len, &s, NULL), 99);
	assert_int_equal(s.n, 2);
}

static void test_checksum_variant(void **state)
{
	struct archive a = { .len = 0 };
	struct seen s = { 0 };
	const char *msg = NULL;
	unsigned sum = 'a' + 'b' + 'c';

	(void)state;
	add_entry_magic(&a, "070702", "f", 0100644, "abc", 3, sum);
	add_trailer(&a);
	assert_int_equal(parse_copy(a.buf, a.len, &s, &msg), 0);
	assert_int_equal(s.n, 1);
	a.len = 0;
	add_entry_magic(&a, "070702", "f", 0100644, "abc", 3, sum + 1);
	add_trailer(&a);
	assert_int_equal(parse_copy(a.buf, a.len, &s, &msg), -EINVAL);
	assert_non_null(strstr(msg, "checksum"));
}

/* Expect -EINVAL with a message containing what and "offset". */
static void expect_error(const void *buf, size_t len, const char *what)
{
	struct seen s = { 0 };
	const char *msg = NULL;

	assert_int_equal(parse_copy(buf, len, &s, &msg), -EINVAL);
	assert_non_null(msg);
	if (!strstr(msg, what) || !strstr(msg, "offset"))
		fail_msg("message \"%s\" does not say \"%s\"", msg, what);
}

static void test_malformed(void **state)
{
	struct archive a, b;
	size_t second;

	(void)state;
	build_sample(&a);
	second = 112;	/* header + "." + padding: start of "init" */

	b = a;
	memcpy(b.buf, "070707", 6);	/* old portable format */
	expect_error(b.buf, b.len, "bad magic");

	b = a;
	b.buf[second + 6 + 8 * 6 + 3] = 'g';	/* inside filesize of "init" */
	expect_error(b.buf, b.len, "non-hex");
	expect_error(b.buf, b.len, "offset 112");

	b = a;
	memcpy(b.buf + 6 + 8 * 11, "00000000", 8);	/* namesize 0 */
	expect_error(b.buf, b.len, "name size 0");

	b = a;
	memcpy(b.buf + 6 + 8 * 11, "00000001", 8);	/* name "." without its NUL */
	expect_error(b.buf, b.len, "NUL");

	b = a;
	memcpy(b.buf + 6 + 8 * 11, "7FFFFFFF", 8);
	expect_error(b.buf, b.len, "name runs past");

	b = a;
	memcpy(b.buf + second + 6 + 8 * 6, "FFFFFFFF", 8);
	expect_error(b.buf, b.len, "data runs past");

	expect_error(a.buf, a.len - 124, "missing TRAILER");	/* trailer cut off */
	expect_error(a.buf, 50, "truncated header");

	b = a;
	memset(b.buf + b.len, 0, 1);	/* second archive at an odd offset */
	b.len += 1;
	memcpy(b.buf + b.len, a.buf, a.len);
	b.len += a.len;
	expect_error(b.buf, b.len, "aligned");
}

/* Random bytes, every truncation, and byte flips must never crash. */
static void test_fuzz(void **state)
{
	struct archive a, b;
	struct seen s;
	const char *msg;
	int ret;

	(void)state;
	build_sample(&a);
	for (size_t cut = 0; cut < a.len; cut++) {
		memset(&s, 0, sizeof(s));
		ret = parse_copy(a.buf, cut, &s, &msg);
		assert_true(ret == -EINVAL || (ret == 0 && cut == 0));
	}
	srand(42);
	for (int iter = 0; iter < 20000; iter++) {
		size_t len;

		b = a;
		for (int k = rand() % 4 + 1; k > 0; k--) {
			size_t at = rand() % a.len;

			b.buf[at] = rand() % 3 ? (unsigned char)rand() : "0123456789abcdef"[rand() % 16];
		}
		len = rand() % 8 ? a.len : (size_t)rand() % a.len;
		memset(&s, 0, sizeof(s));
		ret = parse_copy(b.buf, len, &s, &msg);
		assert_true(ret == 0 || ret == -EINVAL);
	}
	for (int iter = 0; iter < 2000; iter++) {
		size_t len = rand() % 600;

		for (size_t i = 0; i < len; i++)
			b.buf[i] = (unsigned char)rand();
		if (len >= 6 && rand() % 2)
			memcpy(b.buf, "070701", 6);
		memset(&s, 0, sizeof(s));
		ret = parse_copy(b.buf, len, &s, &msg);
		assert_true(ret == 0 || ret == -EINVAL);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_fields),
		cmocka_unit_test(test_concatenated_and_padding),
		cmocka_unit_test(test_empty_and_zeros),
		cmocka_unit_test(test_callback_stops),
		cmocka_unit_test(test_checksum_variant),
		cmocka_unit_test(test_malformed),
		cmocka_unit_test(test_fuzz),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
