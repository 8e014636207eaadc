/* exec_resets_handlers: across execve a caught signal goes back to
 * SIG_DFL, an ignored one stays SIG_IGN, and the signal mask is kept. */
#include "t.h"
#include <signal.h>

static void on_usr1(int sig)
{
	(void)sig;
}

static int child_mode(void)
{
	struct sigaction sa;
	sigset_t mask;
	CHECK_OK("sigaction USR1", sigaction(SIGUSR1, NULL, &sa));
	CHECK(sa.sa_handler == SIG_DFL, "caught SIGUSR1 not reset to SIG_DFL");
	CHECK_OK("sigaction USR2", sigaction(SIGUSR2, NULL, &sa));
	CHECK(sa.sa_handler == SIG_IGN, "ignored SIGUSR2 not kept as SIG_IGN");
	CHECK_OK("sigprocmask", sigprocmask(SIG_BLOCK, NULL, &mask));
	CHECK(sigismember(&mask, SIGTERM), "blocked SIGTERM not kept blocked");
	CHECK(!sigismember(&mask, SIGUSR1), "SIGUSR1 blocked but was not");
	return 0;
}

int main(int argc, char **argv)
{
	if (argc > 1 && strcmp(argv[1], "child-mode") == 0)
		return child_mode();
	sigset_t set;
	signal(SIGUSR1, on_usr1);
	signal(SIGUSR2, SIG_IGN);
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	CHECK_OK("block", sigprocmask(SIG_BLOCK, &set, NULL));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		const char *path = self_path(argv[0]);
		execl(path, path, "child-mode", (char *)NULL);
		_exit(99);
	}
	CHECK_CHILD_OK("exec'd child", pid);
	return 0;
}
