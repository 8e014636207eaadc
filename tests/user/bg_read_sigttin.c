/* bg_read_sigttin: a background process group reading its controlling
 * terminal is stopped by SIGTTIN (the session leader's waitpid WUNTRACED
 * sees it); with SIGTTIN ignored the read fails with EIO instead.  The
 * serial console is made the controlling terminal of a new session with
 * TIOCSCTTY; if that is impossible the test says so and is skipped. */
#include "t.h"
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/sysmacros.h>

/* The serial line itself (Linux does no job control through /dev/console,
 * a redirection), else the console if the kernel has no ttyS0 (Tine). */
static int open_terminal(void)
{
	unlink("/tmp/bg_read_sigttin.tty");
	if (mknod("/tmp/bg_read_sigttin.tty", S_IFCHR | 0600, makedev(4, 64)) == 0) {
		int fd = open("/tmp/bg_read_sigttin.tty", O_RDWR | O_NOCTTY);
		unlink("/tmp/bg_read_sigttin.tty");
		if (fd >= 0)
			return fd;
	}
	return open("/dev/console", O_RDWR | O_NOCTTY);
}

static pid_t background_reader(int fd, int ignore)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		char c;
		setpgid(0, 0);
		if (ignore)
			signal(SIGTTIN, SIG_IGN);
		ssize_t r = read(fd, &c, 1);
		_exit(r < 0 && errno == EIO ? 5 : 6);
	}
	setpgid(pid, pid);
	return pid;
}

static int session_leader(void)
{
	CHECK_OK("setsid", setsid());
	int fd = open_terminal();
	CHECK_OK("open the terminal", fd);
	if (ioctl(fd, TIOCSCTTY, 0) < 0) {
		printf("bg_read_sigttin: SKIP: no controlling terminal (TIOCSCTTY errno %d)\n", errno);
		return 0;
	}
	CHECK_EQ("foreground group", getpgrp(), tcgetpgrp(fd));

	pid_t pid = background_reader(fd, 0);
	int st;
	CHECK_EQ("waitpid WUNTRACED", pid, waitpid(pid, &st, WUNTRACED));
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGTTIN, "expected stopped by SIGTTIN, raw %#x", st);
	kill(pid, SIGKILL);
	wait_for(pid);

	pid = background_reader(fd, 1);
	st = wait_for(pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 5, "SIGTTIN ignored: expected EIO (exit 5), raw %#x", st);
	return 0;
}

int main(void)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0)
		_exit(session_leader());
	CHECK_CHILD_OK("session leader", pid);
	return 0;
}
