/* sigsuspend_waits: sigsuspend replaces the mask while it waits, returns
 * EINTR after the handler runs, and puts the old mask back. */
#include "t.h"
#include <signal.h>

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught = 1;
}

int main(void)
{
	sigset_t block, wait_mask, now;
	signal(SIGUSR1, on_usr1);
	sigemptyset(&block);
	sigaddset(&block, SIGUSR1);
	CHECK_OK("block", sigprocmask(SIG_BLOCK, &block, NULL));
	pid_t parent = getpid();
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		kill(parent, SIGUSR1);	/* stays pending until sigsuspend */
		_exit(0);
	}
	CHECK_CHILD_OK("sender", pid);
	CHECK_EQ("handler ran while blocked", 0, caught);
	sigemptyset(&wait_mask);
	CHECK_ERR("sigsuspend", sigsuspend(&wait_mask), EINTR);
	CHECK_EQ("handler ran", 1, caught);
	CHECK_OK("read mask", sigprocmask(SIG_BLOCK, NULL, &now));
	CHECK(sigismember(&now, SIGUSR1), "old mask not restored after sigsuspend");
	return 0;
}
