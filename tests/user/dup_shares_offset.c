/* dup_shares_offset: dup, dup2 and F_DUPFD give a second descriptor for the
 * same open file: they share the offset (a write or lseek through one moves
 * the other) and the status flags (O_APPEND set via one is seen by the
 * other), but not the FD_CLOEXEC descriptor flag. */
#include "t.h"

int main(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/dup_shares_offset.%d", getpid());
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	CHECK_OK("open", fd);
	unlink(path);
	write_all(fd, "abc", 3);

	int d = dup(fd);
	CHECK_OK("dup", d);
	CHECK(d != fd, "dup: expected a new fd, got the same %d", d);
	CHECK_EQ("offset seen through dup", 3, lseek(d, 0, SEEK_CUR));
	write_all(d, "de", 2);
	CHECK_EQ("offset of original after write through dup", 5, lseek(fd, 0, SEEK_CUR));
	CHECK_EQ("lseek through original", 1, lseek(fd, 1, SEEK_SET));
	char b[8] = { 0 };
	CHECK_EQ("read through dup after lseek of original", 2, read(d, b, 2));
	CHECK(strcmp(b, "bc") == 0, "read through dup: expected \"bc\", got \"%s\"", b);
	CHECK_EQ("FD_CLOEXEC on original", FD_CLOEXEC, fcntl(fd, F_GETFD));
	CHECK_EQ("FD_CLOEXEC not copied by dup", 0, fcntl(d, F_GETFD));

	int d2 = dup2(fd, 20);
	CHECK_EQ("dup2 to 20", 20, d2);
	CHECK_EQ("offset through dup2", 3, lseek(d2, 0, SEEK_CUR));
	CHECK_EQ("dup2 onto itself", fd, dup2(fd, fd));

	int d3 = fcntl(fd, F_DUPFD, 30);
	CHECK_EQ("F_DUPFD 30", 30, d3);
	CHECK_OK("F_SETFL O_APPEND via F_DUPFD copy", fcntl(d3, F_SETFL, O_APPEND));
	CHECK(fcntl(fd, F_GETFL) & O_APPEND, "O_APPEND set on a dup: expected visible on original");
	CHECK_EQ("lseek to 0", 0, lseek(fd, 0, SEEK_SET));
	write_all(d2, "Z", 1); /* append: goes to the end */
	CHECK_EQ("offset after append write", 6, lseek(d, 0, SEEK_CUR));
	struct stat st;
	CHECK_OK("fstat", fstat(fd, &st));
	CHECK_EQ("file size", 6, st.st_size);

	/* Closing one keeps the open file alive for the others. */
	CHECK_OK("close original", close(fd));
	CHECK_EQ("lseek after closing original", 0, lseek(d, 0, SEEK_SET));
	CHECK_EQ("read after closing original", 6, read(d3, b, 6));
	b[6] = 0;
	CHECK(strcmp(b, "abcdeZ") == 0, "file contents: expected \"abcdeZ\", got \"%s\"", b);
	return 0;
}
