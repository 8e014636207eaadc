/* zombie_state_proc: an exited, unreaped child is shown by /proc as a
 * zombie: field 3 of /proc/PID/stat is 'Z' and /proc/PID/status has
 * "State:\tZ (zombie)"; once reaped, /proc/PID is gone (ENOENT). */
#include "t.h"
#include <signal.h>

static char buf[8192];

static void slurp(const char *path)
{
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0, "open %s: expected success, got errno %d", path, errno);
	ssize_t n = 0, r;
	while ((r = read(fd, buf + n, sizeof buf - 1 - n)) > 0)
		n += r;
	close(fd);
	buf[n] = 0;
}

int main(void)
{
	mount_proc();
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		_exit(0);
	siginfo_t si;
	CHECK_OK("waitid WNOWAIT", waitid(P_PID, pid, &si, WEXITED | WNOWAIT));

	char path[64];
	snprintf(path, sizeof path, "/proc/%d/stat", pid);
	slurp(path);
	int spid = 0;
	CHECK(sscanf(buf, "%d", &spid) == 1 && spid == pid,
	      "%s field 1: expected %d, got \"%.20s\"", path, pid, buf);
	char *rp = strrchr(buf, ')');
	CHECK(rp && rp[1] == ' ', "%s: expected \"pid (comm) S ...\", got \"%.60s\"", path, buf);
	CHECK(rp[2] == 'Z', "%s field 3: expected 'Z', got '%c'", path, rp[2]);

	snprintf(path, sizeof path, "/proc/%d/status", pid);
	slurp(path);
	CHECK(strstr(buf, "\nState:\tZ (zombie)\n") != NULL,
	      "%s: expected a line \"State:\\tZ (zombie)\", got:\n%s", path, buf);

	CHECK_EQ("reap", 0, wait_for(pid));
	struct stat sb;
	snprintf(path, sizeof path, "/proc/%d", pid);
	CHECK_ERR("stat /proc/PID after reap", stat(path, &sb), ENOENT);

	/* Our own entry shows a running task. */
	slurp("/proc/self/stat");
	rp = strrchr(buf, ')');
	CHECK(rp && rp[2] == 'R', "/proc/self/stat field 3: expected 'R', got '%c'", rp ? rp[2] : '?');
	return 0;
}
