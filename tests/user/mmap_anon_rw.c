/* mmap_anon_rw: an anonymous private mapping is page-aligned, zero-filled,
 * readable and writable; munmap removes it (touching it faults); a 1 GiB
 * MAP_NORESERVE mapping can be created and a few scattered pages touched. */
#include "t.h"
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>

#define PG 4096UL

static void expect_segv(volatile unsigned char *p, const char *what)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		no_core();
		*p = 1;
		_exit(0);
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "%s: expected SIGSEGV, got raw status %#x", what, st);
}

int main(void)
{
	size_t len = 16 * PG;
	unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap 16 pages: expected success, got errno %d", errno);
	CHECK_EQ("mmap address page-aligned", 0, (uintptr_t)p % PG);
	for (size_t i = 0; i < len; i++)
		if (p[i] != 0)
			FAIL("anon byte %zu: expected 0, got %d", i, p[i]);
	for (size_t i = 0; i < len; i++)
		p[i] = (unsigned char)(i * 7 + 1);
	for (size_t i = 0; i < len; i++)
		if (p[i] != (unsigned char)(i * 7 + 1))
			FAIL("anon byte %zu after write: expected %d, got %d", i,
			     (unsigned char)(i * 7 + 1), p[i]);
	CHECK_OK("munmap", munmap(p, len));
	expect_segv(p + 3 * PG, "touch after munmap");

	/* A length that is not a page multiple is rounded up. */
	unsigned char *q = mmap(NULL, 100, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(q != MAP_FAILED, "mmap 100 bytes: expected success, got errno %d", errno);
	q[PG - 1] = 9;
	CHECK_EQ("last byte of rounded-up page", 9, q[PG - 1]);
	CHECK_OK("munmap 100 bytes", munmap(q, 100));

	/* 1 GiB sparse: only touched pages cost memory. */
	size_t big = 1UL << 30;
	unsigned char *b = mmap(NULL, big, PROT_READ | PROT_WRITE,
				MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	CHECK(b != MAP_FAILED, "mmap 1 GiB NORESERVE: expected success, got errno %d", errno);
	size_t offs[] = { 0, PG, big / 3 & ~(PG - 1), big / 2, big - PG, big - 1 };
	for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++) {
		CHECK_EQ("sparse page initially zero", 0, b[offs[i]]);
		b[offs[i]] = (unsigned char)(i + 1);
	}
	for (size_t i = 0; i < sizeof offs / sizeof offs[0]; i++)
		CHECK_EQ("sparse page keeps value", i + 1, b[offs[i]]);
	CHECK_EQ("untouched sparse page zero", 0, b[big / 4]);
	CHECK_OK("munmap 1 GiB", munmap(b, big));
	return 0;
}
