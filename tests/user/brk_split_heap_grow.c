/* brk_split_heap_grow: growing the break after mprotect() split the heap,
 * or after the top of the heap was unmapped and mapped again, never makes
 * two mappings overlap, and a break beyond the user address space (or so
 * large that rounding it up wraps to 0) is refused without unmapping
 * anything.  (Found by the fuzzer: Tine stretched the first heap VMA over
 * the others and then hit the VMA tree's overlap BUG in fork and munmap.) */
#include "t.h"
#include <sys/mman.h>

static char *cur_brk(void) { return (char *)syscall(SYS_brk, 0); }

int main(void)
{
	char *base = cur_brk();
	CHECK_EQ("brk +4 pages", (long)(base + 4 * 4096), syscall(SYS_brk, base + 4 * 4096));
	memset(base, 1, 4 * 4096);

	/* Split the heap: its second page read-only. */
	CHECK_OK("mprotect heap page", mprotect(base + 4096, 4096, PROT_READ));
	CHECK_EQ("brk +8 pages", (long)(base + 8 * 4096), syscall(SYS_brk, base + 8 * 4096));
	memset(base + 4 * 4096, 2, 4 * 4096);
	CHECK_EQ("split page kept", 1, base[4096]);

	/* Unmap the heap's top and map something there by hand. */
	CHECK_OK("munmap heap top", munmap(base + 6 * 4096, 2 * 4096));
	char *m = mmap(base + 6 * 4096, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK(m == base + 6 * 4096, "mmap fixed in the heap: expected %p, got %p", base + 6 * 4096, m);
	m[0] = 3;
	/* The break is still +8 pages; growing it runs over nothing. */
	CHECK_EQ("brk +12 pages", (long)(base + 12 * 4096), syscall(SYS_brk, base + 12 * 4096));
	memset(base + 8 * 4096, 4, 4 * 4096);
	CHECK_EQ("hand mapping kept", 3, m[0]);

	/* A fork copies the mappings (the tree must be consistent). */
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		_exit(base[8 * 4096] == 4 && m[0] == 3 ? 0 : 1);
	CHECK_CHILD_OK("child sees the heap", pid);

	/* Absurd breaks are refused and change nothing. */
	char *top = cur_brk();
	CHECK_EQ("brk -1", (long)top, syscall(SYS_brk, (void *)-1L));
	CHECK_EQ("brk in the kernel half", (long)top, syscall(SYS_brk, (void *)0xffff888000000000UL));
	CHECK_EQ("brk just past user space", (long)top, syscall(SYS_brk, (void *)0x800000001000UL));
	CHECK_EQ("heap still there", 1, base[0]);

	/* Shrinking back works. */
	CHECK_EQ("brk back to base", (long)base, syscall(SYS_brk, base));
	return 0;
}
