/*
 * The run-time trace switch, from inside the guest (Tine only: Linux has no
 * /proc/tine).  Booted with tracing off, this program checks that
 * /proc/tine/trace_events reads empty, refuses an unknown word (EINVAL)
 * and reads back what was written; then, with "proc,sched,fd" on, it forks
 * a child that catches a signal it sends itself, opens, dups and closes a
 * file and execs `sh -c "exit 7"`, waits for it, and reads the events
 * while the system runs from /proc/tine/trace, in small reads so that
 * lines cross read boundaries.  It prints them as "rt: LINE" for
 * tests/trace/check_runtime.py, which checks the events and their order.
 * Last it switches tracing off and checks that a fork and wait then leave
 * nothing to read.  Prints "trace_runtime: ok" or what failed.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/wait.h>

#define EVENTS "/proc/tine/trace_events"
#define TRACE "/proc/tine/trace"

static int failures;

static void fail(const char *what)
{
	printf("trace_runtime: FAIL: %s (errno %d)\n", what, errno);
	failures++;
}

/* Write s to path; the write's result, or -errno. */
static long write_file(const char *path, const char *s)
{
	int fd = open(path, O_WRONLY);
	long r;

	if (fd < 0)
		return -errno;
	r = write(fd, s, strlen(s));
	if (r < 0)
		r = -errno;
	close(fd);
	return r;
}

/* Read all of path into buf in reads of chunk bytes; bytes read or -1. */
static long read_file(const char *path, char *buf, size_t size, size_t chunk)
{
	int fd = open(path, O_RDONLY);
	size_t len = 0;
	long r;

	if (fd < 0)
		return -1;
	while (len + chunk < size && (r = read(fd, buf + len, chunk)) > 0)
		len += r;
	close(fd);
	buf[len] = '\0';
	return len;
}

static void expect_events(const char *want)
{
	char buf[64];

	if (read_file(EVENTS, buf, sizeof(buf), sizeof(buf) - 1) < 0 || strcmp(buf, want)) {
		printf("trace_runtime: %s reads '%s', expected '%s'\n", EVENTS, buf, want);
		fail("trace_events read back");
	}
}

static void on_usr1(int sig)
{
	(void)sig;
}

/* The traced child: a caught signal, open/dup/close, then exec. */
static void child(void)
{
	char *argv[] = { "sh", "-c", "exit 7", NULL };
	int fd, fd2;

	signal(SIGUSR1, on_usr1);
	raise(SIGUSR1);
	fd = open("/dev/null", O_RDONLY);
	fd2 = dup(fd);
	close(fd2);
	close(fd);
	execv("/bin/sh", argv);
	_exit(99);
}

static void switch_off_check(char *buf, size_t size)
{
	pid_t p;

	if (write_file(EVENTS, "\n") != 1)
		fail("writing a newline to trace_events");
	expect_events("\n");
	read_file(TRACE, buf, size, 4096);	/* what came before "off" */
	p = fork();
	if (p == 0)
		_exit(0);
	waitpid(p, NULL, 0);
	if (read_file(TRACE, buf, size, 4096) != 0) {
		printf("%s", buf);
		fail("events recorded while tracing was off");
	}
}

static void run(void)
{
	static char buf[1 << 18];
	int status;
	pid_t p;

	expect_events("\n");
	if (write_file(EVENTS, "proc,bogus") != -EINVAL)
		fail("an unknown word is EINVAL");
	expect_events("\n");
	if (write_file(EVENTS, "proc,sched,fd") != 13)
		fail("writing proc,sched,fd");
	expect_events("proc,sched,fd\n");
	read_file(TRACE, buf, sizeof(buf), 4096);	/* drop the setup's events */
	printf("rt: parent %d\n", getpid());
	fflush(stdout);
	p = fork();
	if (p == 0)
		child();
	if (waitpid(p, &status, 0) != p || !WIFEXITED(status) || WEXITSTATUS(status) != 7)
		fail("the child exits 7");
	if (read_file(TRACE, buf, sizeof(buf), 100) <= 0)
		fail("reading " TRACE);
	for (char *line = strtok(buf, "\n"); line; line = strtok(NULL, "\n"))
		printf("rt: %s\n", line);
	switch_off_check(buf, sizeof(buf));
}

int main(void)
{
	mount("proc", "/proc", "proc", 0, NULL);
	run();
	printf("trace_runtime: %s\n", failures ? "FAIL" : "ok");
	fflush(stdout);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return failures != 0;
}
