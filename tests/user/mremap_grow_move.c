/* mremap_grow_move: growing a mapping that is blocked by its neighbour
 * fails with ENOMEM without MREMAP_MAYMOVE, and with it moves, keeping the
 * contents, zero-filling the new part and unmapping the old range;
 * shrinking keeps the address and unmaps the tail. */
#include "t.h"
#include <stdint.h>
#include <sys/mman.h>

#define PG 4096UL

static int mapped(void *p)
{
	unsigned char v;
	if (mincore(p, PG, &v) == 0)
		return 1;
	CHECK_EQ("mincore errno for unmapped page", ENOMEM, errno);
	return 0;
}

int main(void)
{
	char *m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap 3 pages: expected success, got errno %d", errno);
	for (size_t i = 0; i < 2 * PG; i++)
		m[i] = (char)(i % 251);
	m[2 * PG] = 'Z'; /* the third page blocks in-place growth */

	CHECK_ERR("mremap grow blocked without MAYMOVE",
		  (long)mremap(m, 2 * PG, 8 * PG, 0), ENOMEM);

	char *n = mremap(m, 2 * PG, 8 * PG, MREMAP_MAYMOVE);
	CHECK(n != MAP_FAILED, "mremap MAYMOVE grow: expected success, got errno %d", errno);
	CHECK(n != m, "mremap MAYMOVE grow: expected a new address, got the old one %p", (void *)m);
	for (size_t i = 0; i < 2 * PG; i++)
		if (n[i] != (char)(i % 251))
			FAIL("moved byte %zu: expected %d, got %d", i, (int)(i % 251), n[i]);
	for (size_t i = 2 * PG; i < 8 * PG; i++)
		if (n[i] != 0)
			FAIL("grown byte %zu: expected 0, got %d", i, n[i]);
	n[8 * PG - 1] = 'e';
	CHECK_EQ("old first page unmapped", 0, mapped(m));
	CHECK_EQ("old second page unmapped", 0, mapped(m + PG));
	CHECK_EQ("blocking page still mapped", 1, mapped(m + 2 * PG));
	CHECK_EQ("blocking page intact", 'Z', m[2 * PG]);

	char *s = mremap(n, 8 * PG, PG, 0);
	CHECK(s != MAP_FAILED, "mremap shrink: expected success, got errno %d", errno);
	CHECK_EQ("shrink keeps address", (uintptr_t)n, (uintptr_t)s);
	CHECK_EQ("shrunk contents kept", 100 % 251, s[100]);
	CHECK_EQ("page after shrunk mapping unmapped", 0, mapped(n + PG));
	CHECK_EQ("last page of old size unmapped", 0, mapped(n + 7 * PG));

	/* Growing in place when the space after is free. */
	char *g = mremap(s, PG, 4 * PG, 0);
	if (g == MAP_FAILED) {
		/* Something else was placed right after; that is allowed. */
		CHECK_EQ("mremap in-place grow errno", ENOMEM, errno);
	} else {
		CHECK_EQ("in-place grow keeps address", (uintptr_t)s, (uintptr_t)g);
		CHECK_EQ("in-place grow contents", 100 % 251, g[100]);
		CHECK_EQ("in-place grow new page zero", 0, g[3 * PG]);
	}
	CHECK_ERR("mremap unaligned old address", (long)mremap(n + 1, PG, 2 * PG, MREMAP_MAYMOVE), EINVAL);
	CHECK_ERR("mremap new size 0", (long)mremap(n, PG, 0, MREMAP_MAYMOVE), EINVAL);
	return 0;
}
