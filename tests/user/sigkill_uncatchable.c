/* sigkill_uncatchable: SIGKILL and SIGSTOP cannot be caught or ignored
 * (sigaction gives EINVAL), blocking them has no effect, and SIGKILL kills
 * a child that blocks and ignores everything else. */
#include "t.h"
#include <signal.h>

static void on_sig(int sig)
{
	(void)sig;
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sig;
	CHECK_ERR("catch SIGKILL", sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_ERR("catch SIGSTOP", sigaction(SIGSTOP, &sa, NULL), EINVAL);
	sa.sa_handler = SIG_IGN;
	CHECK_ERR("ignore SIGKILL", sigaction(SIGKILL, &sa, NULL), EINVAL);
	CHECK_OK("query SIGKILL", sigaction(SIGKILL, NULL, &sa));

	sigset_t all, now;
	sigfillset(&all);
	CHECK_OK("block all", sigprocmask(SIG_SETMASK, &all, NULL));
	CHECK_OK("read mask", sigprocmask(SIG_SETMASK, NULL, &now));
	CHECK(!sigismember(&now, SIGKILL) && !sigismember(&now, SIGSTOP),
	      "SIGKILL or SIGSTOP shows as blocked");
	sigemptyset(&all);
	sigprocmask(SIG_SETMASK, &all, NULL);

	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		sigfillset(&all);
		sigprocmask(SIG_SETMASK, &all, NULL);
		for (int s = 1; s < NSIG; s++)
			signal(s, SIG_IGN);
		write(p[1], "r", 1);
		for (;;)
			pause();
	}
	char c;
	read_all(p[0], &c, 1);
	CHECK_OK("SIGKILL", kill(pid, SIGKILL));
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "expected killed by SIGKILL, raw %#x", st);
	return 0;
}
