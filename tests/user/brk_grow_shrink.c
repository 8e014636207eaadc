/* brk_grow_shrink: the raw brk syscall queries, grows (memory usable and
 * zero-filled), shrinks (memory gone: touching it in a child gives SIGSEGV),
 * and refuses to move below the start of the heap (returns the old break).
 * musl's sbrk(n)/brk() refuse to move the break, so use syscall(SYS_brk). */
#include "t.h"
#include <signal.h>
#include <stdint.h>

#define PG 4096UL

static uintptr_t sys_brk(uintptr_t addr)
{
	return (uintptr_t)syscall(SYS_brk, addr);
}

int main(void)
{
	uintptr_t start = sys_brk(0);
	CHECK(start != 0 && start != (uintptr_t)-1, "brk(0): expected a break, got %#lx",
	      (unsigned long)start);
	CHECK_EQ("brk(0) twice", start, sys_brk(0));

	uintptr_t want = start + 64 * PG;
	CHECK_EQ("brk grow by 64 pages", want, sys_brk(want));
	CHECK_EQ("brk(0) after grow", want, sys_brk(0));

	/* The new memory is zero and usable. */
	uintptr_t first = (start + PG - 1) & ~(PG - 1);
	for (uintptr_t p = first; p < want; p += PG) {
		volatile unsigned char *c = (unsigned char *)p;
		CHECK_EQ("fresh brk byte", 0, *c);
		*c = 0x5a;
		CHECK_EQ("brk byte after write", 0x5a, *c);
	}
	volatile unsigned char *last = (unsigned char *)(want - 1);
	CHECK_EQ("last byte below break", 0, *last);
	*last = 1;

	/* Below the start of the heap: the break does not move. */
	CHECK_EQ("brk below start returns current break", want, sys_brk(start - 16 * PG));
	CHECK_EQ("brk(0) after refused move", want, sys_brk(0));

	/* Shrink back to the start. */
	CHECK_EQ("brk shrink to start", start, sys_brk(start));
	CHECK_EQ("brk(0) after shrink", start, sys_brk(0));

	/* A page well above the break is no longer mapped. */
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		no_core();
		volatile unsigned char *gone = (unsigned char *)(first + 16 * PG);
		*gone = 1;
		_exit(0);
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "touch above shrunk break: expected SIGSEGV, got raw status %#x", st);

	/* Growing again gives zeroed memory, not the old contents. */
	CHECK_EQ("brk regrow", want, sys_brk(want));
	volatile unsigned char *again = (unsigned char *)(first + 16 * PG);
	CHECK_EQ("regrown brk byte is zero", 0, *again);
	CHECK_EQ("brk final shrink", start, sys_brk(start));
	return 0;
}
