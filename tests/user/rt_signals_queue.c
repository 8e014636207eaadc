/* rt_signals_queue: three sigqueue()d real-time signals are delivered three
 * times, in order, each with its value (si_code SI_QUEUE), while three
 * kill()s of a standard signal coalesce into one delivery. */
#include "t.h"
#include <signal.h>

static volatile int rt_n, usr_n, values[8], codes[8];

static void on_rt(int sig, siginfo_t *si, void *uc)
{
	(void)sig, (void)uc;
	if (rt_n < 8) {
		values[rt_n] = si->si_value.sival_int;
		codes[rt_n] = si->si_code;
	}
	rt_n++;
}

static void on_usr1(int sig)
{
	(void)sig;
	usr_n++;
}

int main(void)
{
	struct sigaction sa;
	sigset_t set;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_rt;
	sa.sa_flags = SA_SIGINFO;
	CHECK_OK("sigaction", sigaction(SIGRTMIN, &sa, NULL));
	signal(SIGUSR1, on_usr1);
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	sigaddset(&set, SIGUSR1);
	CHECK_OK("block", sigprocmask(SIG_BLOCK, &set, NULL));
	for (int i = 1; i <= 3; i++) {
		union sigval v = { .sival_int = i * 10 };
		CHECK_OK("sigqueue", sigqueue(getpid(), SIGRTMIN, v));
		CHECK_OK("kill", kill(getpid(), SIGUSR1));
	}
	CHECK_OK("unblock", sigprocmask(SIG_UNBLOCK, &set, NULL));
	CHECK_EQ("rt deliveries", 3, rt_n);
	CHECK_EQ("SIGUSR1 deliveries", 1, usr_n);
	for (int i = 0; i < 3; i++) {
		CHECK_EQ("rt value in order", (i + 1) * 10, values[i]);
		CHECK_EQ("si_code", SI_QUEUE, codes[i]);
	}
	return 0;
}
