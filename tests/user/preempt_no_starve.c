/* preempt_no_starve: a child that busy-loops forever, never entering the
 * kernel, does not starve its parent: the timer preempts it and the parent
 * finishes a counted loop of getppid/sched_yield, then kills the child. */
#include "t.h"
#include <sched.h>
#include <signal.h>
#include <sys/prctl.h>

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		prctl(PR_SET_PDEATHSIG, SIGKILL); /* best effort if we fail */
		write_all(p[1], "s", 1);
		volatile unsigned long spin = 0;
		for (;;)
			spin++;
	}
	char c;
	read_all(p[0], &c, 1); /* the child is running its loop now */
	long n = 0;
	for (int i = 0; i < 20000; i++) {
		if (getppid() > 0)
			n++;
		if (i % 400 == 0)
			sched_yield();
	}
	CHECK_OK("kill", kill(pid, SIGKILL));
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	      "spinning child: expected killed by SIGKILL, got raw %#x", st);
	CHECK_EQ("parent loop iterations", 20000, n);
	return 0;
}
