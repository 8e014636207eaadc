/* mmap_bad_args: exact errnos for bad mmap/munmap/mprotect arguments. */
#include "t.h"
#include <stdint.h>
#include <sys/mman.h>

#define PG 4096UL

int main(void)
{
	int rw = PROT_READ | PROT_WRITE;
	int anon = MAP_PRIVATE | MAP_ANONYMOUS;

	/* A real mapping to derive valid-but-unaligned addresses from. */
	char *base = mmap(NULL, 4 * PG, rw, anon, -1, 0);
	CHECK(base != MAP_FAILED, "mmap 4 pages: expected success, got errno %d", errno);

	CHECK_ERR("mmap length 0", (long)mmap(NULL, 0, rw, anon, -1, 0), EINVAL);
	CHECK_ERR("mmap MAP_FIXED unaligned address",
		  (long)mmap(base + 1, PG, rw, anon | MAP_FIXED, -1, 0), EINVAL);
	CHECK_ERR("mmap neither MAP_PRIVATE nor MAP_SHARED",
		  (long)mmap(NULL, PG, rw, MAP_ANONYMOUS, -1, 0), EINVAL);
	CHECK_ERR("mmap file mapping with bad fd",
		  (long)mmap(NULL, PG, PROT_READ, MAP_PRIVATE, 999, 0), EBADF);
	CHECK_ERR("mmap file mapping with fd -1",
		  (long)mmap(NULL, PG, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);

	CHECK_ERR("munmap unaligned address", munmap(base + 1, PG), EINVAL);
	CHECK_ERR("munmap length 0", munmap(base, 0), EINVAL);

	/* Unmap the last two pages; unmapping them again is not an error. */
	CHECK_OK("munmap last two pages", munmap(base + 2 * PG, 2 * PG));
	CHECK_EQ("munmap of an unmapped range returns", 0, munmap(base + 2 * PG, 2 * PG));

	CHECK_ERR("mprotect on unmapped range", mprotect(base + 2 * PG, PG, PROT_READ), ENOMEM);
	CHECK_ERR("mprotect range partly unmapped", mprotect(base, 3 * PG, PROT_READ), ENOMEM);
	/* musl's mprotect() rounds the address down: use the raw syscall. */
	CHECK_ERR("mprotect unaligned address",
		  syscall(SYS_mprotect, base + 1, PG, PROT_READ), EINVAL);
	CHECK_OK("mprotect mapped range", mprotect(base, 2 * PG, PROT_READ));
	CHECK_OK("munmap rest", munmap(base, 2 * PG));
	return 0;
}
