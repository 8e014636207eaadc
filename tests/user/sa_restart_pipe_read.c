/* sa_restart_pipe_read: a signal handler interrupting a blocking pipe read
 * restarts the read under SA_RESTART; without SA_RESTART the read fails
 * with EINTR.  The SIGALRM handler (from setitimer) writes one byte into
 * the pipe, so a restarted read returns it. */
#include "t.h"
#include <signal.h>
#include <sys/time.h>

static int p[2];
static volatile sig_atomic_t caught;

static void on_alrm(int sig)
{
	(void)sig;
	caught++;
	write(p[1], "x", 1);
}

static void arm(int flags)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alrm;
	sa.sa_flags = flags;
	CHECK_OK("sigaction", sigaction(SIGALRM, &sa, NULL));
	struct itimerval it = { { 0, 0 }, { 0, 50000 } };
	CHECK_OK("setitimer", setitimer(ITIMER_REAL, &it, NULL));
}

int main(void)
{
	char c;
	CHECK_OK("pipe", pipe(p));

	arm(SA_RESTART);
	CHECK_EQ("restarted read", 1, read(p[0], &c, 1));
	CHECK_EQ("handler ran", 1, caught);
	CHECK_EQ("byte from the handler", 'x', c);

	arm(0);
	CHECK_ERR("read without SA_RESTART", read(p[0], &c, 1), EINTR);
	CHECK_EQ("handler ran", 2, caught);
	CHECK_EQ("the handler's byte is still there", 1, read(p[0], &c, 1));
	return 0;
}
