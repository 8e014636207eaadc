/* sigmask_blocks_pending: a blocked signal stays pending (sigpending shows
 * it, the handler does not run) and is delivered as soon as sigprocmask
 * unblocks it, before sigprocmask returns. */
#include "t.h"
#include <signal.h>

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught++;
}

int main(void)
{
	sigset_t set, pend;
	signal(SIGUSR1, on_usr1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK("block", sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_OK("kill", kill(getpid(), SIGUSR1));
	CHECK_OK("kill again", kill(getpid(), SIGUSR1));
	CHECK_EQ("handler ran while blocked", 0, caught);
	CHECK_OK("sigpending", sigpending(&pend));
	CHECK(sigismember(&pend, SIGUSR1), "SIGUSR1 not pending while blocked");
	CHECK_OK("unblock", sigprocmask(SIG_UNBLOCK, &set, NULL));
	CHECK_EQ("deliveries after unblock (standard signals coalesce)", 1, caught);
	CHECK_OK("sigpending", sigpending(&pend));
	CHECK(!sigismember(&pend, SIGUSR1), "SIGUSR1 still pending");
	return 0;
}
