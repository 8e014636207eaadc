/* threads_max_eagain: /proc/sys/kernel/threads-max is writable within
 * [1, 0x3fffffff] (EINVAL outside), and fork fails with EAGAIN once the
 * system has that many tasks, root included.  Linux counts its kernel
 * threads too, so there fork fails at once; either way no more than 20
 * children can be made.  The old value is put back even on failure. */
#include "t.h"

#define PATH "/proc/sys/kernel/threads-max"

static char saved[32];

static int write_value(const char *v)
{
	int fd = open(PATH, O_WRONLY);
	CHECK_OK("open " PATH " for writing", fd);
	ssize_t n = write(fd, v, strlen(v));
	int e = errno;
	close(fd);
	errno = e;
	return n < 0 ? -1 : 0;
}

static void restore(void)
{
	write_value(saved);
}

static long read_value(void)
{
	char buf[32];
	int fd = open(PATH, O_RDONLY);
	CHECK_OK("open " PATH, fd);
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	CHECK(n > 0, "read " PATH);
	buf[n] = 0;
	return atol(buf);
}

int main(void)
{
	long old = read_value();
	CHECK(old >= 20, "threads-max %ld below Linux's floor of 20", old);
	snprintf(saved, sizeof(saved), "%ld\n", old);
	atexit(restore);

	CHECK_ERR("write 0", write_value("0\n"), EINVAL);
	CHECK_ERR("write 0x40000000", write_value("1073741824\n"), EINVAL);
	CHECK_ERR("write abc", write_value("abc\n"), EINVAL);
	CHECK_EQ("unchanged after bad writes", old, read_value());

	CHECK_OK("write 20", write_value("20\n"));
	CHECK_EQ("read back", 20, read_value());
	pid_t kids[32];
	int n = 0;
	pid_t pid;
	while (n < 32 && (pid = fork()) > 0)
		kids[n++] = pid;
	if (pid == 0) {
		pause();
		_exit(0);
	}
	int e = errno;
	restore();
	for (int i = 0; i < n; i++) {
		kill(kids[i], SIGKILL);
		waitpid(kids[i], NULL, 0);
	}
	CHECK(n < 20, "made %d children under threads-max 20", n);
	CHECK_EQ("fork errno at the limit", EAGAIN, e);

	pid = fork();
	CHECK_OK("fork after restoring", pid);
	if (pid == 0)
		_exit(0);
	waitpid(pid, NULL, 0);
	CHECK_EQ("restored", old, read_value());
	printf("ok: %d children before EAGAIN (threads-max %ld restored)\n", n, old);
	return 0;
}
