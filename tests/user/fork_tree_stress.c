/* fork_tree_stress: 10,000 processes in random trees, with parents often
 * dying before their children, exits in random order (some yield first),
 * and a quarter of the parents ignoring SIGCHLD, so that their children
 * reap themselves ("If the disposition of SIGCHLD is set to SIG_IGN ...
 * children that terminate do not become zombies") -- unless the parent
 * dies first and they are reparented.  The test is a subreaper, so every
 * orphan comes to it; it reaps what reaches it, every process counts
 * itself, and the final wait sees ECHILD: no zombie left behind, no child
 * lost.  The runner's leak check then sees no task left anywhere. */
#include "t.h"
#include <sys/prctl.h>
#include <sys/wait.h>
#include <sys/mman.h>
#include <signal.h>
#include <sched.h>
#include <stdbool.h>

#define TOTAL 10000
#define BATCH 50		/* processes per tree */

static unsigned rng = 12345;
static volatile int *created;	/* shared: every process counts itself */

static unsigned next_rand(void)
{
	rng = rng * 1103515245u + 12345u;
	return rng >> 16;
}

/* Grow a tree below this process: fork up to 3 children, each of which
 * may grow its own, until the budget is spent.  Exit without waiting, so
 * the children become orphans half of the time. */
static void grow(int budget)
{
	/* Set, not inherited: a fork child keeps its parent's disposition. */
	bool ignoring = next_rand() % 4 == 0;
	signal(SIGCHLD, ignoring ? SIG_IGN : SIG_DFL);
	while (budget > 0) {
		int share = 1 + next_rand() % budget;
		budget -= share;
		pid_t pid = fork();
		if (pid < 0)
			_exit(2);
		if (pid == 0) {
			__atomic_fetch_add(created, 1, __ATOMIC_SEQ_CST);
			rng ^= (unsigned)getpid() * 2654435761u;
			grow(share - 1);
			_exit(0);
		}
		if (!ignoring && next_rand() % 2) {	/* sometimes reap our own child */
			int st;
			if (waitpid(pid, &st, 0) != pid || st != 0)
				_exit(3);
		} else if (next_rand() % 4 == 0) {
			sched_yield();		/* let the child run ahead */
		}
	}
}

int main(void)
{
	CHECK_OK("prctl(PR_SET_CHILD_SUBREAPER)", prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0));
	created = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(created != MAP_FAILED, "mmap: %s", strerror(errno));
	int reaped = 0, forked = 0, bad = 0;
	while (forked < TOTAL) {
		pid_t root = fork();
		CHECK(root >= 0, "fork: %s", strerror(errno));
		if (root == 0) {
			__atomic_fetch_add(created, 1, __ATOMIC_SEQ_CST);
			grow(BATCH - 1);
			_exit(0);
		}
		forked += BATCH;
		/* Reap whatever is ready (roots and reparented orphans). */
		int st;
		pid_t p;
		while ((p = waitpid(-1, &st, forked - reaped > 400 ? 0 : WNOHANG)) > 0) {
			reaped++;
			if (st != 0)
				bad++;
			if (forked - reaped <= 400)
				break;
		}
	}
	int st;
	pid_t p;
	while ((p = wait(&st)) > 0) {
		reaped++;
		if (st != 0)
			bad++;
	}
	/* ECHILD: nothing below us is left, alive or zombie. */
	CHECK_ERR("final wait", p, ECHILD);
	CHECK_EQ("processes with a bad exit status", 0, bad);
	CHECK_EQ("processes created", TOTAL, *created);
	CHECK(reaped > 0 && reaped <= TOTAL, "reaped %d of %d", reaped, TOTAL);
	return 0;
}
