/* wait_reaps_zombie: an exited child stays a zombie until reaped.
 * waitid(WEXITED|WNOWAIT) reports it (si_pid, si_code CLD_EXITED, si_status)
 * without reaping, so a second waitid sees it again; waitpid then reaps it
 * with the right status, and a further waitpid fails with ECHILD. */
#include "t.h"
#include <signal.h>

int main(void)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		_exit(7);

	for (int round = 0; round < 2; round++) {
		siginfo_t si;
		memset(&si, 0, sizeof si);
		CHECK_OK("waitid WNOWAIT", waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
		CHECK_EQ("waitid si_pid", pid, si.si_pid);
		CHECK_EQ("waitid si_signo", SIGCHLD, si.si_signo);
		CHECK_EQ("waitid si_code", CLD_EXITED, si.si_code);
		CHECK_EQ("waitid si_status", 7, si.si_status);
		CHECK_EQ("waitid si_uid", getuid(), si.si_uid);
	}

	/* WNOHANG on a zombie returns it at once. */
	int st = -1;
	CHECK_EQ("waitpid reaps zombie", pid, waitpid(pid, &st, WNOHANG));
	CHECK_EQ("reaped raw status", 7 << 8, st);
	CHECK_ERR("second waitpid", waitpid(pid, &st, 0), ECHILD);
	CHECK_ERR("wait with no children", wait(&st), ECHILD);
	siginfo_t si;
	CHECK_ERR("waitid after reap", waitid(P_PID, pid, &si, WEXITED), ECHILD);
	return 0;
}
