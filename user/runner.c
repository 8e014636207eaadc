/*
 * runner: the test runner that runs as PID 1 (/init) inside the guest, on
 * Tine and on Linux alike. It reads test names from /tests/list (one a line;
 * blank lines and lines starting with '#' are skipped), runs each
 * /tests/NAME in a child with a per-test timeout, prints `ok NAME` or
 * `FAIL NAME (why)`, and ends with `N passed, N failed`. The verdict leaves
 * through QEMU's exit status: power off (QEMU exits 0) when all passed,
 * otherwise write 1 to the isa-debug-exit port 0xf4 (QEMU exits 3).
 *
 * The timeout is 20 s unless the kernel command line has `timeout=N`, which
 * the kernel hands to init as an environment variable. Time is counted as the
 * sum of the polling sleeps, so only nanosleep is needed, not a clock.
 * As init it also reaps any orphans that are reparented to it.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

static void say(const char *s)
{
	write(1, s, strlen(s));
}

/* Sleep ns nanoseconds; return the time slept. */
static long nap(long ns)
{
	struct timespec ts = { 0, ns };
	nanosleep(&ts, NULL);
	return ns;
}

/* Run one test; return its wait status, or -1 on timeout. */
static int run_test(const char *name, long timeout_ns)
{
	char path[256];
	int st;
	long waited = 0, step = 1000000;	/* 1 ms, backing off to 10 ms */

	snprintf(path, sizeof path, "/tests/%s", name);
	pid_t pid = fork();
	if (pid < 0)
		return 127 << 8;	/* report as "exit 127" */
	if (pid == 0) {
		char *argv[] = { (char *)name, NULL };
		execve(path, argv, environ);
		_exit(127);
	}
	for (;;) {
		pid_t got = wait4(-1, &st, WNOHANG, NULL);
		if (got == pid)
			return st;
		if (got > 0)
			continue;	/* an orphan reparented to init */
		if (waited >= timeout_ns) {
			kill(pid, SIGKILL);
			wait4(pid, &st, 0, NULL);
			return -1;
		}
		waited += nap(step);
		if (step < 10000000)
			step *= 2;
	}
}

int main(void)
{
	static char list[65536];
	char line[320];
	int passed = 0, failed = 0;
	const char *t = getenv("timeout");
	long timeout_ns = (t && atoi(t) > 0 ? atoi(t) : 20) * 1000000000L;

	int fd = open("/tests/list", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, list, sizeof list - 1);
	if (n < 0) {
		say("runner: cannot read /tests/list\n");
		n = 0;
		failed++;
	}
	list[n] = '\0';

	for (char *name = strtok(list, "\r\n"); name; name = strtok(NULL, "\r\n")) {
		if (name[0] == '#')
			continue;
		int st = run_test(name, timeout_ns);
		if (st == 0) {
			passed++;
			snprintf(line, sizeof line, "ok %s\n", name);
		} else {
			failed++;
			if (st < 0)
				snprintf(line, sizeof line, "FAIL %s (timeout)\n", name);
			else if (WIFSIGNALED(st))
				snprintf(line, sizeof line, "FAIL %s (signal %d)\n",
					 name, WTERMSIG(st));
			else
				snprintf(line, sizeof line, "FAIL %s (exit %d)\n",
					 name, WEXITSTATUS(st));
		}
		say(line);
	}
	snprintf(line, sizeof line, "%d passed, %d failed\n", passed, failed);
	say(line);

	if (failed && iopl(3) == 0)
		outb(1, 0xf4);		/* isa-debug-exit: QEMU exits (1<<1)|1 = 3 */
	reboot(RB_POWER_OFF);
	return 1;			/* init exiting: the kernel panics */
}
