/* open_twice_own_offsets: two open() calls on the same file give two open
 * files with separate offsets: writing through one does not move the other,
 * but both see the same data (one inode). */
#include "t.h"

int main(void)
{
	char path[64];
	snprintf(path, sizeof path, "/tmp/open_twice_own_offsets.%d", getpid());
	int a = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("open a", a);
	int b = open(path, O_RDWR);
	CHECK_OK("open b", b);
	unlink(path);

	write_all(a, "hello world", 11);
	CHECK_EQ("offset of a", 11, lseek(a, 0, SEEK_CUR));
	CHECK_EQ("offset of b untouched", 0, lseek(b, 0, SEEK_CUR));
	char buf[16] = { 0 };
	CHECK_EQ("read b", 5, read(b, buf, 5));
	CHECK(strcmp(buf, "hello") == 0, "read b: expected \"hello\", got \"%s\"", buf);
	CHECK_EQ("offset of a after reading b", 11, lseek(a, 0, SEEK_CUR));

	write_all(b, "_", 1); /* overwrites the space at offset 5 */
	CHECK_EQ("offset of b", 6, lseek(b, 0, SEEK_CUR));
	CHECK_EQ("lseek a", 0, lseek(a, 0, SEEK_SET));
	memset(buf, 0, sizeof buf);
	CHECK_EQ("read a", 11, read(a, buf, sizeof buf));
	CHECK(strcmp(buf, "hello_world") == 0, "read a: expected \"hello_world\", got \"%s\"", buf);

	struct stat sa, sb;
	CHECK_OK("fstat a", fstat(a, &sa));
	CHECK_OK("fstat b", fstat(b, &sb));
	CHECK_EQ("same inode", sa.st_ino, sb.st_ino);
	CHECK_EQ("same size", sa.st_size, sb.st_size);
	return 0;
}
