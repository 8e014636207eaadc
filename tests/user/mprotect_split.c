/* mprotect_split: making the middle of three writable pages read-only
 * splits the mapping: the outer pages stay writable, the middle one
 * faults on write (checked in a child) but keeps its contents and stays
 * readable; mprotecting it back makes it writable again. */
#include "t.h"
#include <signal.h>
#include <sys/mman.h>

#define PG 4096UL

static int write_kills(volatile char *p)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		no_core();
		*p = 'w';
		_exit(0);
	}
	int st = wait_for(pid);
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV)
		return 1;
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
	      "writer child: expected exit 0 or SIGSEGV, got raw status %#x", st);
	return 0;
}

int main(void)
{
	char *m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap 3 pages: expected success, got errno %d", errno);
	memset(m, 'a', 3 * PG);

	CHECK_OK("mprotect middle PROT_READ", mprotect(m + PG, PG, PROT_READ));
	m[0] = 'b';
	m[PG - 1] = 'b';
	m[2 * PG] = 'c';
	m[3 * PG - 1] = 'c';
	CHECK_EQ("first page written", 'b', m[PG - 1]);
	CHECK_EQ("third page written", 'c', m[2 * PG]);
	CHECK_EQ("middle page readable", 'a', m[PG]);
	CHECK_EQ("middle page last byte readable", 'a', m[2 * PG - 1]);

	CHECK_EQ("write to middle page faults", 1, write_kills(m + PG + 5));
	CHECK_EQ("write to middle page last byte faults", 1, write_kills(m + 2 * PG - 1));
	CHECK_EQ("write to first page last byte fine", 0, write_kills(m + PG - 1));
	CHECK_EQ("write to third page first byte fine", 0, write_kills(m + 2 * PG));

	CHECK_OK("mprotect middle back to RW", mprotect(m + PG, PG, PROT_READ | PROT_WRITE));
	m[PG + 5] = 'd';
	CHECK_EQ("middle page writable again", 'd', m[PG + 5]);
	CHECK_EQ("middle page kept other bytes", 'a', m[PG + 6]);
	CHECK_EQ("write to middle page after restore", 0, write_kills(m + PG));

	/* Whole range read-only, then everything faults. */
	CHECK_OK("mprotect all PROT_READ", mprotect(m, 3 * PG, PROT_READ));
	CHECK_EQ("write to first page when all RO", 1, write_kills(m));
	CHECK_EQ("write to third page when all RO", 1, write_kills(m + 2 * PG));
	CHECK_OK("munmap", munmap(m, 3 * PG));
	return 0;
}
