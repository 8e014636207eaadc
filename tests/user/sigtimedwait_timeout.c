/* sigtimedwait_timeout: sigtimedwait with a timeout and nothing pending
 * fails with EAGAIN after waiting; a pending blocked signal is taken at
 * once, with its siginfo, and without running the handler. */
#include "t.h"
#include <signal.h>
#include <time.h>

static volatile sig_atomic_t caught;

static void on_usr1(int sig)
{
	(void)sig;
	caught = 1;
}

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	sigset_t set;
	siginfo_t si;
	signal(SIGUSR1, on_usr1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK("block", sigprocmask(SIG_BLOCK, &set, NULL));

	struct timespec ts = { 0, 100000000 };
	long long t0 = now_ns();
	CHECK_ERR("sigtimedwait with nothing pending", sigtimedwait(&set, &si, &ts), EAGAIN);
	CHECK(now_ns() - t0 >= 90000000LL, "returned after %lld ns, before the timeout",
	      now_ns() - t0);

	CHECK_OK("kill", kill(getpid(), SIGUSR1));
	memset(&si, 0, sizeof si);
	CHECK_EQ("sigtimedwait", SIGUSR1, sigtimedwait(&set, &si, &ts));
	CHECK_EQ("si_signo", SIGUSR1, si.si_signo);
	CHECK_EQ("si_code", SI_USER, si.si_code);
	CHECK_EQ("si_pid", getpid(), si.si_pid);
	CHECK_EQ("handler ran", 0, caught);
	return 0;
}
