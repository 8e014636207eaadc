/* mm_len_wraparound: lengths and hints so large that address + length
 * wraps past 2^64 never make a mapping.  mremap growing a mapping by a
 * huge length fails with ENOMEM (in place or moving) and leaves it intact;
 * an mmap hint near the top of the address space is only a hint: the
 * mapping lands in user space.  (Found by the fuzzer, seed 42: mremap
 * stretched a VMA to a wrapped end below its start, and the kernel hit
 * "BUG at kernel/mm/vma_tree.c" when the process exited.) */
#include "t.h"
#include <sys/mman.h>

#define PG 4096UL

int main(void)
{
	char *p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap: %s", strerror(errno));
	p[0] = 'x';

	size_t huge[] = { -16 * PG, -(size_t)p, 1UL << 47, 1UL << 63 };
	for (size_t i = 0; i < sizeof huge / sizeof huge[0]; i++) {
		errno = 0;
		void *r = mremap(p, PG, huge[i], 0);
		CHECK(r == MAP_FAILED && errno == ENOMEM,
		      "mremap in place to %#zx: expected ENOMEM, got %p errno %d", huge[i], r, errno);
		errno = 0;
		r = mremap(p, PG, huge[i], MREMAP_MAYMOVE);
		CHECK(r == MAP_FAILED && errno == ENOMEM,
		      "mremap moving to %#zx: expected ENOMEM, got %p errno %d", huge[i], r, errno);
	}
	/* A shrink whose old length wraps unmaps nothing: EINVAL (Linux's
	 * munmap range check); a growth whose old length runs past the
	 * mapping: EFAULT. */
	errno = 0;
	void *r = mremap(p, -16 * PG, PG, 0);
	CHECK(r == MAP_FAILED && errno == EINVAL,
	      "mremap shrink with a wrapping old length: expected EINVAL, got %p errno %d", r, errno);
	errno = 0;
	r = mremap(p, 2 * PG, 3 * PG, 0);
	CHECK(r == MAP_FAILED && errno == EFAULT,
	      "mremap grow with an old length past the mapping: expected EFAULT, got %p errno %d",
	      r, errno);
	CHECK(p[0] == 'x', "the mapping changed");

	/* A hint whose end wraps: ignored, the mapping goes somewhere valid. */
	char *q = mmap((void *)-PG, 4 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(q != MAP_FAILED, "mmap with a hint at the top: %s", strerror(errno));
	CHECK((unsigned long)q < (1UL << 47), "mmap with a hint at the top returned %p", q);
	q[3 * PG] = 'y';
	CHECK_OK("munmap q", munmap(q, 4 * PG));
	CHECK_OK("munmap p", munmap(p, PG));

	/* Exit in a child with such attempts behind it: its teardown walks
	 * every VMA (the fuzzer's panic was there). */
	pid_t c = fork();
	CHECK_OK("fork", c);
	if (c == 0) {
		char *m = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		mremap(m, PG, -16 * PG, 0);
		mmap((void *)-PG, 2 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		_exit(0);
	}
	CHECK_CHILD_OK("child", c);
	return 0;
}
