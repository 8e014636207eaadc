/* pipe_epipe_sigpipe: writing to a pipe with no reader raises SIGPIPE: by
 * default it kills the writer (WTERMSIG == SIGPIPE); if ignored, write
 * fails with EPIPE; with a handler, the handler runs and write gives EPIPE. */
#include "t.h"
#include <signal.h>

static volatile sig_atomic_t caught;

static void on_pipe(int sig)
{
	caught = sig;
}

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	CHECK_OK("close read end", close(p[0]));

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		write(p[1], "x", 1);
		_exit(0);
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGPIPE,
	      "default SIGPIPE: expected writer killed by SIGPIPE, got raw %#x", st);

	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR, "signal SIG_IGN");
	CHECK_ERR("write with SIGPIPE ignored", write(p[1], "x", 1), EPIPE);

	CHECK(signal(SIGPIPE, on_pipe) != SIG_ERR, "signal handler");
	caught = 0;
	CHECK_ERR("write with SIGPIPE handler", write(p[1], "x", 1), EPIPE);
	CHECK_EQ("handler saw SIGPIPE", SIGPIPE, caught);

	/* Reader closing while data is buffered: the data does not help. */
	int q[2];
	CHECK_OK("pipe", pipe(q));
	write_all(q[1], "abc", 3);
	CHECK_OK("close read end", close(q[0]));
	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR, "signal SIG_IGN");
	CHECK_ERR("write after reader closed with data buffered", write(q[1], "d", 1), EPIPE);
	return 0;
}
