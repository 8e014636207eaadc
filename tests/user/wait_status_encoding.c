/* wait_status_encoding: wait statuses use Linux's encoding: exit(n) gives
 * raw (n & 0xff) << 8 with WIFEXITED/WEXITSTATUS; death by an uncaught
 * SIGKILL/SIGTERM gives raw signo with WIFSIGNALED/WTERMSIG. */
#include "t.h"
#include <signal.h>

static void check_exit(int code, int raw)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		_exit(code);
	int st = wait_for(pid);
	char what[64];
	snprintf(what, sizeof what, "raw status of _exit(%d)", code);
	CHECK_EQ(what, raw, st);
	CHECK(WIFEXITED(st), "_exit(%d): expected WIFEXITED, got raw %#x", code, st);
	CHECK(!WIFSIGNALED(st), "_exit(%d): expected !WIFSIGNALED, got raw %#x", code, st);
	CHECK_EQ("WEXITSTATUS", code & 0xff, WEXITSTATUS(st));
}

static void check_killed(int sig)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		char c;
		close(p[1]);
		no_core();
		read(p[0], &c, 1); /* blocks: the write end stays open in the parent */
		_exit(0);
	}
	close(p[0]);
	CHECK_OK("kill", kill(pid, sig));
	int st = wait_for(pid);
	close(p[1]);
	char what[64];
	snprintf(what, sizeof what, "raw status of death by signal %d", sig);
	CHECK_EQ(what, sig, st);
	CHECK(WIFSIGNALED(st), "signal %d: expected WIFSIGNALED, got raw %#x", sig, st);
	CHECK(!WIFEXITED(st), "signal %d: expected !WIFEXITED, got raw %#x", sig, st);
	CHECK_EQ("WTERMSIG", sig, WTERMSIG(st));
}

int main(void)
{
	check_exit(0, 0);
	check_exit(1, 0x100);
	check_exit(3, 0x300);
	check_exit(255, 0xff00);
	check_exit(256, 0);     /* only the low 8 bits survive */
	check_exit(257, 0x100);
	check_killed(SIGKILL);
	check_killed(SIGTERM);

	/* exit() from main (not _exit) encodes the same way. */
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		exit(42);
	CHECK_EQ("raw status of exit(42)", 42 << 8, wait_for(pid));
	return 0;
}
