/*
 * The kernel's memory and string routines.  Bulk copies and fills move eight
 * bytes at a time with `rep movsq`/`rep stosq`, and bytes only for the
 * unaligned ends.  QEMU's TCG executes a rep-prefixed string instruction one
 * element per step, so `rep movsb` costs per byte, but `rep movsq` costs
 * per eight bytes, one step where a C word loop takes six instructions:
 * measured in docs/performance.md (page zeroing and copying, pipe copies).
 * The destination is aligned first; the source may stay unaligned.
 *
 * GCC recognises copy and fill loops and would turn them back into calls to
 * memcpy/memset, i.e. into infinite recursion here, so this file asks it not
 * to (the optimize pragma below).
 */
#include <tine/string.h>

#pragma GCC optimize("no-tree-loop-distribute-patterns")

/* Word types that may alias anything and, for sources, sit at any address. */
typedef u64 __attribute__((may_alias)) word_t;
typedef u64 __attribute__((may_alias, aligned(1))) uword_t;

#define WORD sizeof(u64)

static size_t bytes_to_align(const void *p)
{
	return (WORD - ((uintptr_t)p & (WORD - 1))) & (WORD - 1);
}

/* Copy upward; safe for overlapping buffers when dst is below src. */
static void copy_forward(u8 *d, const u8 *s, size_t n)
{
	size_t head = MIN(bytes_to_align(d), n);

	n -= head;
	while (head--)
		*d++ = *s++;
	size_t words = n / WORD;
	__asm__ volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
	n &= WORD - 1;
	while (n--)
		*d++ = *s++;
}

/* Copy downward from the ends; safe when dst is above an overlapping src. */
static void copy_backward(u8 *d, const u8 *s, size_t n)
{
	size_t tail = MIN((uintptr_t)(d + n) & (WORD - 1), n);

	d += n;
	s += n;
	n -= tail;
	while (tail--)
		*--d = *--s;
	for (; n >= WORD; n -= WORD) {
		d -= WORD;
		s -= WORD;
		*(word_t *)d = *(const uword_t *)s;
	}
	while (n--)
		*--d = *--s;
}

void *memcpy(void *dst, const void *src, size_t n)
{
	copy_forward(dst, src, n);
	return dst;
}

void *memmove(void *dst, const void *src, size_t n)
{
	const u8 *s = src;
	u8 *d = dst;

	if (d <= s || d >= s + n)
		copy_forward(d, s, n);
	else
		copy_backward(d, s, n);
	return dst;
}

void *memset(void *dst, int c, size_t n)
{
	u8 *d = dst;
	size_t head = MIN(bytes_to_align(d), n);
	u64 pattern = 0x0101010101010101ULL * (u8)c;

	n -= head;
	while (head--)
		*d++ = (u8)c;
	size_t words = n / WORD;
	__asm__ volatile("rep stosq" : "+D"(d), "+c"(words) : "a"(pattern) : "memory");
	n &= WORD - 1;
	while (n--)
		*d++ = (u8)c;
	return dst;
}

int memcmp(const void *a, const void *b, size_t n)
{
	const u8 *x = a, *y = b;

	for (; n; n--, x++, y++)
		if (*x != *y)
			return *x - *y;
	return 0;
}

size_t strlen(const char *s)
{
	const char *p = s;

	while (*p)
		p++;
	return p - s;
}

size_t strnlen(const char *s, size_t max)
{
	size_t n = 0;

	while (n < max && s[n])
		n++;
	return n;
}

/* Comparisons are of unsigned chars, as C requires. */
int strcmp(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return (u8)*a - (u8)*b;
}

int strncmp(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++) {
		if (*a != *b)
			return (u8)*a - (u8)*b;
		if (!*a)
			break;
	}
	return 0;
}

/* strchr(s, 0) finds the terminator, as C requires. */
char *strchr(const char *s, int c)
{
	for (;; s++) {
		if (*s == (char)c)
			return (char *)s;
		if (!*s)
			return NULL;
	}
}

char *strrchr(const char *s, int c)
{
	const char *last = NULL;

	for (;; s++) {
		if (*s == (char)c)
			last = s;
		if (!*s)
			return (char *)last;
	}
}

size_t strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size) {
		size_t n = MIN(len, size - 1);

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
