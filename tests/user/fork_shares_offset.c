/* fork_shares_offset: a child inherits its parent's open files, sharing
 * the offset: after the child writes 10 bytes and exits, the parent's
 * offset has moved by 10 and its next write lands after the child's. */
#include "t.h"

int main(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/fork_shares_offset.%d", getpid());
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("open", fd);
	unlink(path);
	write_all(fd, "P", 1);
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		CHECK_EQ("child's initial offset", 1, lseek(fd, 0, SEEK_CUR));
		write_all(fd, "0123456789", 10);
		_exit(0);
	}
	CHECK_CHILD_OK("child writer", pid);
	CHECK_EQ("parent's offset after child's write", 11, lseek(fd, 0, SEEK_CUR));
	write_all(fd, "Q", 1);
	char b[16] = { 0 };
	CHECK_EQ("pread", 12, pread(fd, b, sizeof b, 0));
	CHECK(strcmp(b, "P0123456789Q") == 0, "file: expected \"P0123456789Q\", got \"%s\"", b);

	/* And the other way: a parent lseek is seen by a child forked before it. */
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		char c;
		read_all(p[0], &c, 1);
		CHECK_EQ("child sees parent's lseek", 4, lseek(fd, 0, SEEK_CUR));
		_exit(0);
	}
	CHECK_EQ("lseek", 4, lseek(fd, 4, SEEK_SET));
	write_all(p[1], "g", 1);
	CHECK_CHILD_OK("child reader", pid);
	return 0;
}
