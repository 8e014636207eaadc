/* sigstop_sigcont_wait: SIGSTOP stops a child (state T in /proc), its
 * parent's waitpid(WUNTRACED) reports WIFSTOPPED/SIGSTOP; SIGCONT resumes
 * it and waitpid(WCONTINUED) reports WIFCONTINUED; each report comes once. */
#include "t.h"
#include <signal.h>

static char proc_state(pid_t pid)
{
	char path[64], buf[256];
	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	int fd = open(path, O_RDONLY);
	CHECK_OK("open stat", fd);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	CHECK(n > 0, "read %s", path);
	buf[n] = 0;
	char *paren = strrchr(buf, ')');
	CHECK(paren && paren[1] == ' ', "parse %s", path);
	return paren[2];
}

int main(void)
{
	int st;
	mount_proc();
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		for (;;)
			pause();
	}
	CHECK_OK("SIGSTOP", kill(pid, SIGSTOP));
	CHECK_EQ("waitpid WUNTRACED", pid, waitpid(pid, &st, WUNTRACED));
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "expected stopped by SIGSTOP, raw %#x", st);
	CHECK_EQ("/proc state of a stopped child", 'T', proc_state(pid));
	CHECK_EQ("stop reported only once", 0, waitpid(pid, &st, WUNTRACED | WNOHANG));

	CHECK_OK("SIGCONT", kill(pid, SIGCONT));
	CHECK_EQ("waitpid WCONTINUED", pid, waitpid(pid, &st, WCONTINUED));
	CHECK(WIFCONTINUED(st), "expected continued, raw %#x", st);
	CHECK_EQ("continue reported only once", 0, waitpid(pid, &st, WCONTINUED | WNOHANG));
	CHECK(proc_state(pid) != 'T', "child still stopped after SIGCONT");

	CHECK_OK("SIGKILL", kill(pid, SIGKILL));
	st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL, "expected killed by SIGKILL, raw %#x", st);
	return 0;
}
