/* clone_parent_exit_signal: with CLONE_PARENT the new process is its
 * caller's sibling, and Linux gives it the caller's own exit signal, not
 * the one in clone's flags ("CLONE_PARENT re-uses the old parent", in
 * copy_process): the common parent, which never asked for an odd signal,
 * still gets SIGCHLD and can reap it with a plain waitpid.  (Found by the
 * fuzzer's leak check, seed 42 worker 860: clone(CLONE_PARENT | 152) from a
 * child of init left a zombie init could not wait for.) */
#include "t.h"
#include <sched.h>
#include <signal.h>

static volatile sig_atomic_t got_chld, got_usr1;

static void on_chld(int s) { (void)s; got_chld++; }
static void on_usr1(int s) { (void)s; got_usr1++; }

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	signal(SIGCHLD, on_chld);
	signal(SIGUSR1, on_usr1);

	pid_t mid = fork();
	CHECK_OK("fork", mid);
	if (mid == 0) {
		/* raw clone, fork-like: our sibling, asking for SIGUSR1 */
		long s = syscall(SYS_clone, (long)(CLONE_PARENT | SIGUSR1), 0L, NULL, NULL, 0L);
		if (s == 0) {
			usleep(50000);
			_exit(7);
		}
		write_all(p[1], &s, sizeof s);
		_exit(s > 0 ? 0 : 1);
	}
	long sib;
	read_all(p[0], &sib, sizeof sib);
	CHECK_CHILD_OK("middle process", mid);

	/* The sibling is our child, and a plain waitpid must see it. */
	int st = 0;
	CHECK_EQ("plain waitpid of the CLONE_PARENT child", sib, waitpid((pid_t)sib, &st, 0));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7,
	      "sibling: expected exit 7, got raw status %#x", st);
	CHECK(got_usr1 == 0, "the parent got SIGUSR1 %d times: the clone flags' signal was used",
	      (int)got_usr1);
	CHECK(got_chld >= 1, "no SIGCHLD for the CLONE_PARENT child");
	return 0;
}
