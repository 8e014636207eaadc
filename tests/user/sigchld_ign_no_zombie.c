/* sigchld_ign_no_zombie: with SIGCHLD set to SIG_IGN, or with SA_NOCLDWAIT,
 * exiting children are reaped automatically: wait() blocks until they have
 * all gone and then fails with ECHILD (no zombie is left to collect). */
#include "t.h"
#include <signal.h>

static void spawn_and_check(const char *how)
{
	pid_t kids[3];
	for (int i = 0; i < 3; i++) {
		kids[i] = fork();
		CHECK_OK("fork", kids[i]);
		if (kids[i] == 0)
			_exit(i);
	}
	int st;
	errno = 0;
	pid_t r = wait(&st);
	CHECK(r == -1 && errno == ECHILD, "%s: wait: expected -1 ECHILD, got %d errno %d",
	      how, r, errno);
	for (int i = 0; i < 3; i++) {
		errno = 0;
		r = waitpid(kids[i], &st, WNOHANG);
		CHECK(r == -1 && errno == ECHILD,
		      "%s: waitpid(child %d): expected -1 ECHILD, got %d errno %d", how, i, r, errno);
	}
}

int main(void)
{
	CHECK(signal(SIGCHLD, SIG_IGN) != SIG_ERR, "signal(SIGCHLD, SIG_IGN): expected success");
	spawn_and_check("SIG_IGN");

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = SIG_DFL;
	sa.sa_flags = SA_NOCLDWAIT;
	sigemptyset(&sa.sa_mask);
	CHECK_OK("sigaction SA_NOCLDWAIT", sigaction(SIGCHLD, &sa, NULL));
	spawn_and_check("SA_NOCLDWAIT");

	/* Back to default: children become zombies and wait() reaps them. */
	sa.sa_flags = 0;
	CHECK_OK("sigaction SIG_DFL", sigaction(SIGCHLD, &sa, NULL));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		_exit(4);
	int st;
	CHECK_EQ("wait with default SIGCHLD", pid, wait(&st));
	CHECK_EQ("status", 4 << 8, st);
	return 0;
}
