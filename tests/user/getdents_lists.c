/* getdents_lists: getdents64 on a directory lists ".", ".." and every entry
 * exactly once, with d_type DT_DIR / DT_REG, across many calls with a small
 * buffer; a buffer too small for one entry gives EINVAL; getdents64 on a
 * regular file gives ENOTDIR; a second pass after lseek(0) lists the same;
 * an unlinked entry disappears from the next listing. */
#include "t.h"
#include <dirent.h>
#include <stdint.h>

#define NFILES 40

struct linux_dirent64 {
	uint64_t d_ino;
	int64_t d_off;
	unsigned short d_reclen;
	unsigned char d_type;
	char d_name[];
};

static int seen[NFILES];
static int dot, dotdot, subdir;

static void list(int fd, size_t bufsize)
{
	static char buf[4096] __attribute__((aligned(8)));
	memset(seen, 0, sizeof seen);
	dot = dotdot = subdir = 0;
	for (;;) {
		long n = syscall(SYS_getdents64, fd, buf, bufsize);
		CHECK(n >= 0, "getdents64: expected >= 0, got %ld errno %d", n, errno);
		if (n == 0)
			break;
		for (long off = 0; off < n; ) {
			struct linux_dirent64 *e = (void *)(buf + off);
			CHECK(e->d_reclen > 0 && off + e->d_reclen <= n,
			      "d_reclen %d at offset %ld: expected within %ld", e->d_reclen, off, n);
			CHECK(e->d_ino != 0, "entry %s: expected nonzero d_ino", e->d_name);
			int i;
			if (strcmp(e->d_name, ".") == 0) {
				dot++;
				CHECK_EQ(". d_type", DT_DIR, e->d_type);
			} else if (strcmp(e->d_name, "..") == 0) {
				dotdot++;
				CHECK_EQ(".. d_type", DT_DIR, e->d_type);
			} else if (strcmp(e->d_name, "subdir") == 0) {
				subdir++;
				CHECK_EQ("subdir d_type", DT_DIR, e->d_type);
			} else if (sscanf(e->d_name, "file%d", &i) == 1 && i >= 0 && i < NFILES) {
				seen[i]++;
				CHECK_EQ("file d_type", DT_REG, e->d_type);
			} else {
				FAIL("getdents64: expected only our entries, got \"%s\"", e->d_name);
			}
			off += e->d_reclen;
		}
	}
}

int main(void)
{
	char d[64], p[96];
	snprintf(d, sizeof d, "/tmp/getdents_lists.%d", getpid());
	CHECK_OK("mkdir", mkdir(d, 0755));
	for (int i = 0; i < NFILES; i++) {
		snprintf(p, sizeof p, "%s/file%d", d, i);
		int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0644);
		CHECK_OK("create", fd);
		close(fd);
	}
	snprintf(p, sizeof p, "%s/subdir", d);
	CHECK_OK("mkdir subdir", mkdir(p, 0755));

	int fd = open(d, O_RDONLY | O_DIRECTORY);
	CHECK_OK("open dir", fd);
	list(fd, 128); /* small buffer: several calls needed */
	CHECK_EQ("count of .", 1, dot);
	CHECK_EQ("count of ..", 1, dotdot);
	CHECK_EQ("count of subdir", 1, subdir);
	for (int i = 0; i < NFILES; i++)
		CHECK_EQ("times a file is listed", 1, seen[i]);

	CHECK_EQ("lseek dir to 0", 0, lseek(fd, 0, SEEK_SET));
	list(fd, 4096);
	for (int i = 0; i < NFILES; i++)
		CHECK_EQ("times a file is listed (second pass)", 1, seen[i]);

	snprintf(p, sizeof p, "%s/file7", d);
	CHECK_OK("unlink file7", unlink(p));
	CHECK_EQ("lseek dir to 0", 0, lseek(fd, 0, SEEK_SET));
	list(fd, 4096);
	CHECK_EQ("unlinked file listed", 0, seen[7]);
	CHECK_EQ("other file listed", 1, seen[8]);

	CHECK_EQ("lseek dir to 0", 0, lseek(fd, 0, SEEK_SET));
	char tiny[8];
	CHECK_ERR("getdents64 with tiny buffer", syscall(SYS_getdents64, fd, tiny, sizeof tiny), EINVAL);
	close(fd);

	snprintf(p, sizeof p, "%s/file0", d);
	int ffd = open(p, O_RDONLY);
	CHECK_OK("open file", ffd);
	char buf[256];
	CHECK_ERR("getdents64 on a regular file", syscall(SYS_getdents64, ffd, buf, sizeof buf), ENOTDIR);
	CHECK_ERR("getdents64 on a bad fd", syscall(SYS_getdents64, 999, buf, sizeof buf), EBADF);
	close(ffd);

	for (int i = 0; i < NFILES; i++) {
		snprintf(p, sizeof p, "%s/file%d", d, i);
		unlink(p);
	}
	snprintf(p, sizeof p, "%s/subdir", d);
	rmdir(p);
	CHECK_OK("rmdir", rmdir(d));
	return 0;
}
