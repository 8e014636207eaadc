/* reparent_resets_exit_signal: a child made by clone() with an exit
 * signal other than SIGCHLD (here none, as with clone flags 0) is invisible
 * to a plain wait of its parent; but once that parent dies and it is
 * reparented, Linux resets its exit signal to SIGCHLD ("We don't want
 * people slaying init", reparent_leader()), so the new reaper's plain
 * waitpid() reaps it.  Otherwise such zombies would pile up under init
 * forever.  (Found by the fuzzer's leak check: clone with random flags.) */
#include "t.h"
#include <sched.h>
#include <sys/prctl.h>

int main(void)
{
	CHECK_OK("PR_SET_CHILD_SUBREAPER", prctl(PR_SET_CHILD_SUBREAPER, 1));
	int p[2];
	CHECK_OK("pipe", pipe(p));

	pid_t mid = fork();
	CHECK_OK("fork", mid);
	if (mid == 0) {
		/* raw clone: no CLONE_VM, no new stack, exit signal 0 */
		long g = syscall(SYS_clone, 0L, 0L, NULL, NULL, 0L);
		if (g == 0)
			_exit(5);
		if (g < 0)
			_exit(1);
		write_all(p[1], &g, sizeof g);
		/* the grandchild is not ours to plain-wait for */
		usleep(100000);
		int st;
		_exit(waitpid(g, &st, WNOHANG) < 0 && errno == ECHILD ? 0 : 2);
	}
	long g;
	read_all(p[0], &g, sizeof g);
	CHECK_CHILD_OK("middle process", mid);

	/* Now g is ours (subreaper); its exit signal must be SIGCHLD again. */
	int st = 0;
	pid_t r = 0;
	for (int i = 0; i < 300 && r == 0; i++) {
		r = waitpid((pid_t)g, &st, WNOHANG);
		if (r == 0)
			usleep(10000);
	}
	CHECK_EQ("plain waitpid of the reparented clone child", g, r);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5,
	      "grandchild: expected exit 5, got raw status %#x", st);
	return 0;
}
