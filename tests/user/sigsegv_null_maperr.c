/* sigsegv_null_maperr: writing through a null pointer raises SIGSEGV with
 * si_code SEGV_MAPERR and si_addr 0, delivered to an SA_SIGINFO handler;
 * with the default action the child dies of SIGSEGV. */
#include "t.h"
#include <signal.h>

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != SIGSEGV || si->si_code != SEGV_MAPERR || si->si_addr != NULL)
		_exit(10);
	_exit(0);
}

int main(void)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		on_signal_info(SIGSEGV, on_segv);
		*(volatile int *)0 = 1;
		_exit(20);
	}
	CHECK_CHILD_OK("handler saw SIGSEGV/SEGV_MAPERR/addr 0 (10 = wrong siginfo)", pid);

	pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		no_core();
		*(volatile int *)0 = 1;
		_exit(20);
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGSEGV, "expected killed by SIGSEGV, raw %#x", st);
	return 0;
}
