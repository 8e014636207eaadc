/* munmap_split_segv: unmapping the middle of three pages leaves a hole:
 * the outer pages still work, touching the hole kills a child with SIGSEGV,
 * and a SA_SIGINFO handler sees si_code SEGV_MAPERR with si_addr the exact
 * faulting address; writing a PROT_READ page gives SEGV_ACCERR. */
#include "t.h"
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <sys/mman.h>

#define PG 4096UL

static sigjmp_buf jb;
static volatile int got_code;
static void *volatile got_addr;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)sig;
	(void)uc;
	got_code = si->si_code;
	got_addr = si->si_addr;
	siglongjmp(jb, 1);
}

/* Write to p under the handler; return 1 if it faulted. */
static int faults(volatile char *p)
{
	got_code = 0;
	got_addr = 0;
	if (sigsetjmp(jb, 1) == 0) {
		*p = 1;
		return 0;
	}
	return 1;
}

int main(void)
{
	char *m = mmap(NULL, 3 * PG, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap 3 pages: expected success, got errno %d", errno);
	m[0] = 'a';
	m[PG] = 'b';
	m[2 * PG] = 'c';
	CHECK_OK("munmap middle page", munmap(m + PG, PG));
	CHECK_EQ("first page survives", 'a', m[0]);
	CHECK_EQ("third page survives", 'c', m[2 * PG]);
	m[0] = 'x';
	m[2 * PG + PG - 1] = 'y';

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		no_core();
		*(volatile char *)(m + PG + 8) = 1;
		_exit(0);
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV,
	      "child touching hole: expected killed by SIGSEGV, got raw status %#x", st);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_segv;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	CHECK_OK("sigaction", sigaction(SIGSEGV, &sa, NULL));

	char *hole = m + PG + 8;
	CHECK(faults(hole), "write to hole: expected a fault, got none");
	CHECK_EQ("hole si_code (SEGV_MAPERR)", SEGV_MAPERR, got_code);
	CHECK_EQ("hole si_addr", (uintptr_t)hole, (uintptr_t)got_addr);

	CHECK_OK("mprotect third page read-only", mprotect(m + 2 * PG, PG, PROT_READ));
	char *ro = m + 2 * PG + 100;
	CHECK(faults(ro), "write to PROT_READ page: expected a fault, got none");
	CHECK_EQ("read-only si_code (SEGV_ACCERR)", SEGV_ACCERR, got_code);
	CHECK_EQ("read-only si_addr", (uintptr_t)ro, (uintptr_t)got_addr);
	CHECK_EQ("read-only page still readable", 'c', m[2 * PG]);

	/* The handler ran on the normal path: later code keeps working. */
	CHECK(!faults(m + 1), "write to first page: expected no fault, got si_code %d", got_code);
	return 0;
}
