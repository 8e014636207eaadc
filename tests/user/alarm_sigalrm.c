/* alarm_sigalrm: alarm(1) delivers SIGALRM about a second later (pause
 * returns EINTR after the handler); alarm returns the seconds left on the
 * previous alarm, and alarm(0) cancels it; by default SIGALRM kills. */
#include "t.h"
#include <signal.h>

static volatile sig_atomic_t caught;

static void on_alrm(int sig)
{
	(void)sig;
	caught = 1;
}

int main(void)
{
	signal(SIGALRM, on_alrm);
	CHECK_EQ("first alarm", 0, alarm(1));
	CHECK_ERR("pause", pause(), EINTR);
	CHECK_EQ("SIGALRM caught", 1, caught);

	CHECK_EQ("alarm(5)", 0, alarm(5));
	CHECK_EQ("alarm(0) returns what was left", 5, alarm(0));
	CHECK_EQ("nothing left", 0, alarm(0));

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		signal(SIGALRM, SIG_DFL);
		alarm(1);
		for (;;)
			pause();
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGALRM, "expected killed by SIGALRM, raw %#x", st);
	return 0;
}
