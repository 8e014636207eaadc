/* madvise_range_checks: madvise(MADV_DONTNEED) checks its range as Linux's
 * do_madvise() does: a length that rounds up to zero or wraps past the top
 * of the address space is EINVAL, a range running past the last mapping is
 * ENOMEM, and the pages in the mapped part are still dropped.  (Found by the
 * fuzzer: Tine zapped page tables up into the kernel half and panicked.)
 * mprotect differs: there a length that rounds up to zero is a no-op. */
#include "t.h"
#include <sys/mman.h>

int main(void)
{
	/* Three pages, the third unmapped again: a hole after the second. */
	char *p = mmap(NULL, 3 * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap: expected success, got errno %d", errno);
	CHECK_OK("munmap third page", munmap(p + 2 * 4096, 4096));
	p[0] = 1;
	p[4096] = 2;
	/* The top user page: nothing maps there (the stack ends lower). */
	char *top = (char *)0x7ffffffff000UL;

	CHECK_ERR("madvise len -1 (rounds to 0)", madvise(p, (size_t)-1, MADV_DONTNEED), EINVAL);
	CHECK_ERR("madvise len wraps", madvise(top, (size_t)-1 - 8191, MADV_DONTNEED), EINVAL);
	CHECK_ERR("madvise len 1<<63 from the top page", madvise(top, 1UL << 63, MADV_DONTNEED), ENOMEM);
	CHECK_ERR("madvise from the top page into the kernel half",
		  madvise(top, 1UL << 40, MADV_DONTNEED), ENOMEM);
	CHECK_ERR("madvise kernel address",
		  madvise((void *)0xffff888000000000UL, 4096, MADV_DONTNEED), ENOMEM);
	CHECK_ERR("madvise(MADV_NORMAL) of an unmapped page", madvise(top, 4096, MADV_NORMAL), ENOMEM);
	CHECK_ERR("madvise(MADV_WILLNEED) into a hole", madvise(p, 3 * 4096, MADV_WILLNEED), ENOMEM);
	CHECK_EQ("madvise len 0", 0, madvise(p, 0, MADV_DONTNEED));
	CHECK_ERR("madvise len 0, bad advice", madvise(p, 0, 12345), EINVAL);

	/* A range running into the hole fails with ENOMEM but drops the
	 * mapped pages in it. */
	CHECK_ERR("madvise into a hole", madvise(p + 4096, 2 * 4096, MADV_DONTNEED), ENOMEM);
	CHECK_EQ("first page kept", 1, p[0]);
	CHECK_EQ("second page dropped (reads zero)", 0, p[4096]);

	/* Linux 6.1's mprotect rounds -1 up to 0 and does nothing. */
	CHECK_EQ("mprotect len -1 (rounds to 0)", 0, mprotect(p, (size_t)-1, PROT_READ));
	CHECK_EQ("mprotect len 0", 0, mprotect(p, 0, PROT_READ));
	CHECK_OK("munmap", munmap(p, 2 * 4096));
	return 0;
}
