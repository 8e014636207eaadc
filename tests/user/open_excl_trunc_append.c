/* open_excl_trunc_append: O_CREAT|O_EXCL creates a new file with the given
 * mode (umask applied) and fails with EEXIST if it exists; O_TRUNC empties
 * an existing file; O_APPEND makes every write go to the end of the file
 * even after lseek; opening a missing file without O_CREAT gives ENOENT. */
#include "t.h"

int main(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/open_excl_trunc_append.%d", getpid());
	unlink(path);
	umask(022);
	CHECK_ERR("open missing without O_CREAT", open(path, O_RDONLY), ENOENT);

	int fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0666);
	CHECK_OK("O_CREAT|O_EXCL new file", fd);
	struct stat st;
	CHECK_OK("fstat", fstat(fd, &st));
	CHECK(S_ISREG(st.st_mode), "new file: expected a regular file, got mode %o", st.st_mode);
	CHECK_EQ("new file mode (0666 & ~022)", 0644, st.st_mode & 07777);
	CHECK_EQ("new file size", 0, st.st_size);
	write_all(fd, "0123456789", 10);
	close(fd);

	CHECK_ERR("O_CREAT|O_EXCL existing file", open(path, O_RDWR | O_CREAT | O_EXCL, 0644), EEXIST);
	fd = open(path, O_RDWR | O_CREAT, 0600);
	CHECK_OK("O_CREAT existing file without O_EXCL", fd);
	CHECK_OK("fstat", fstat(fd, &st));
	CHECK_EQ("O_CREAT does not truncate", 10, st.st_size);
	CHECK_EQ("O_CREAT keeps the old mode", 0644, st.st_mode & 07777);
	close(fd);

	fd = open(path, O_WRONLY | O_TRUNC);
	CHECK_OK("O_TRUNC", fd);
	CHECK_OK("fstat", fstat(fd, &st));
	CHECK_EQ("size after O_TRUNC", 0, st.st_size);
	write_all(fd, "abc", 3);
	close(fd);

	fd = open(path, O_RDWR | O_APPEND);
	CHECK_OK("O_APPEND", fd);
	CHECK_EQ("lseek to 0", 0, lseek(fd, 0, SEEK_SET));
	write_all(fd, "de", 2);
	CHECK_EQ("offset after append write", 5, lseek(fd, 0, SEEK_CUR));
	CHECK_EQ("lseek to 1", 1, lseek(fd, 1, SEEK_SET));
	char b[8] = { 0 };
	CHECK_EQ("read at offset 1 of O_APPEND file", 2, read(fd, b, 2));
	CHECK(strcmp(b, "bc") == 0, "read: expected \"bc\", got \"%s\"", b);
	write_all(fd, "f", 1);
	memset(b, 0, sizeof b);
	CHECK_EQ("pread whole file", 6, pread(fd, b, sizeof b, 0));
	CHECK(strcmp(b, "abcdef") == 0, "file after appends: expected \"abcdef\", got \"%s\"", b);
	close(fd);

	/* Truncating again through O_RDWR. */
	fd = open(path, O_RDWR | O_TRUNC);
	CHECK_OK("O_RDWR|O_TRUNC", fd);
	CHECK_OK("fstat", fstat(fd, &st));
	CHECK_EQ("size after second O_TRUNC", 0, st.st_size);
	close(fd);
	CHECK_OK("unlink", unlink(path));
	return 0;
}
