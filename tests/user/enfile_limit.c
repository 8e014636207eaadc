/* enfile_limit: with fs.file-max lowered to a little above the number of
 * files open now, an unprivileged process's open() fails with ENFILE once
 * the system holds that many, root may still open (CAP_SYS_ADMIN is
 * exempt), and after the limit is put back the same process opens again. */
#include "t.h"

static long read_long(const char *path)
{
	char buf[64] = { 0 };
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0, "open %s: %s", path, strerror(errno));
	CHECK(read(fd, buf, sizeof buf - 1) > 0, "read %s", path);
	close(fd);
	return atol(buf);
}

static void write_long(const char *path, long v)
{
	char buf[32];
	int fd = open(path, O_WRONLY);
	CHECK(fd >= 0, "open %s: %s", path, strerror(errno));
	int n = snprintf(buf, sizeof buf, "%ld\n", v);
	CHECK_EQ("write file-max", n, write(fd, buf, n));
	close(fd);
}

int main(void)
{
	mount_proc();
	long orig = read_long("/proc/sys/fs/file-max");
	long in_use = read_long("/proc/sys/fs/file-nr");
	int go[2], done[2];
	CHECK_OK("pipe", pipe(go));
	CHECK_OK("pipe", pipe(done));

	write_long("/proc/sys/fs/file-max", in_use + 40);
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		CHECK_OK("setuid", setuid(65534));
		int opened = 0;
		while (opened < 500 && open("/dev/null", O_RDONLY) >= 0)
			opened++;
		int err = errno;
		char c = opened < 500 && err == ENFILE ? 'E' : '?';
		CHECK_EQ("report", 1, write(done[1], &c, 1));
		CHECK_EQ("wait", 1, read(go[0], &c, 1));	/* limit raised */
		_exit(open("/dev/null", O_RDONLY) >= 0 ? 0 : 9);
	}
	char c;
	CHECK_EQ("read report", 1, read(done[0], &c, 1));
	CHECK_EQ("the unprivileged child's open failed with ENFILE ('E')", 'E', c);
	int fd = open("/dev/null", O_RDONLY);
	CHECK(fd >= 0, "root's open at the limit: %s", strerror(errno));
	close(fd);
	write_long("/proc/sys/fs/file-max", orig);
	CHECK_EQ("release", 1, write(go[1], "x", 1));
	CHECK_CHILD_OK("child", pid);
	CHECK_EQ("file-max restored", orig, read_long("/proc/sys/fs/file-max"));
	return 0;
}
