/* unlink_open_file: unlinking a file removes the name at once (stat gives
 * ENOENT, the name can be reused for a new file) but an open descriptor
 * keeps the inode alive: it can still be read and written, and fstat shows
 * st_nlink 0. A hard link keeps the data reachable by its other name. */
#include "t.h"

int main(void)
{
	char path[64], link2[72];
	snprintf(path, sizeof path, "/tmp/unlink_open_file.%d", getpid());
	snprintf(link2, sizeof link2, "%s.link", path);
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("open", fd);
	write_all(fd, "before", 6);

	CHECK_OK("link", link(path, link2));
	struct stat st;
	CHECK_OK("fstat", fstat(fd, &st));
	CHECK_EQ("st_nlink with two names", 2, st.st_nlink);
	CHECK_OK("unlink second name", unlink(link2));

	CHECK_OK("unlink", unlink(path));
	CHECK_ERR("stat after unlink", stat(path, &st), ENOENT);
	CHECK_ERR("open after unlink", open(path, O_RDONLY), ENOENT);
	CHECK_ERR("unlink twice", unlink(path), ENOENT);
	CHECK_OK("fstat after unlink", fstat(fd, &st));
	CHECK_EQ("st_nlink after unlink", 0, st.st_nlink);
	CHECK_EQ("size after unlink", 6, st.st_size);

	write_all(fd, " after", 6);
	char b[16] = { 0 };
	CHECK_EQ("pread after unlink", 12, pread(fd, b, sizeof b, 0));
	CHECK(strcmp(b, "before after") == 0, "data: expected \"before after\", got \"%s\"", b);

	/* The name is free for a new, different file. */
	int fd2 = open(path, O_RDWR | O_CREAT | O_EXCL, 0644);
	CHECK_OK("create new file with the same name", fd2);
	struct stat st2;
	CHECK_OK("fstat new", fstat(fd2, &st2));
	CHECK_EQ("new file is empty", 0, st2.st_size);
	CHECK_EQ("old fd still sees its data", 12, pread(fd, b, sizeof b, 0));
	close(fd2);
	CHECK_OK("unlink new", unlink(path));

	/* A forked child inherits the unlinked file too. */
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		char c[6] = { 0 };
		_exit(pread(fd, c, 5, 0) == 5 && memcmp(c, "befor", 5) == 0 ? 0 : 1);
	}
	CHECK_CHILD_OK("child reading unlinked file", pid);
	CHECK_OK("close", close(fd));
	return 0;
}
