/* rename_over: rename() atomically replaces an existing target: the target
 * name then has the source's contents, the source name is gone, and an fd
 * still open on the old target keeps reading the old contents. Errors:
 * missing source ENOENT, file over directory EISDIR, directory over file
 * ENOTDIR, directory over non-empty directory ENOTEMPTY, directory into
 * itself EINVAL. Renaming onto itself (hard link to the same inode) is a
 * no-op; a directory may replace an empty directory. */
#include "t.h"

static void make(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0, "create %s: expected success, got errno %d", path, errno);
	write_all(fd, text, strlen(text));
	close(fd);
}

static void expect_content(const char *path, const char *text)
{
	char b[64] = { 0 };
	int fd = open(path, O_RDONLY);
	CHECK(fd >= 0, "open %s: expected success, got errno %d", path, errno);
	ssize_t n = read(fd, b, sizeof b - 1);
	close(fd);
	CHECK(n >= 0 && strcmp(b, text) == 0, "%s: expected \"%s\", got \"%s\"", path, text, b);
}

int main(void)
{
	char d[64], a[80], b[80], sub[80], sub2[80], full[80], inner[96], missing[80];
	snprintf(d, sizeof d, "/tmp/rename_over.%d", getpid());
	snprintf(a, sizeof a, "%s/a", d);
	snprintf(b, sizeof b, "%s/b", d);
	snprintf(sub, sizeof sub, "%s/sub", d);
	snprintf(sub2, sizeof sub2, "%s/sub2", d);
	snprintf(full, sizeof full, "%s/full", d);
	snprintf(inner, sizeof inner, "%s/full/x", d);
	snprintf(missing, sizeof missing, "%s/missing", d);
	CHECK_OK("mkdir", mkdir(d, 0755));
	make(a, "new");
	make(b, "old");
	int oldfd = open(b, O_RDONLY);
	CHECK_OK("open old target", oldfd);

	CHECK_OK("rename a over b", rename(a, b));
	struct stat st;
	CHECK_ERR("stat source after rename", stat(a, &st), ENOENT);
	expect_content(b, "new");
	char buf[8] = { 0 };
	CHECK_EQ("read old target through open fd", 3, read(oldfd, buf, sizeof buf));
	CHECK(strcmp(buf, "old") == 0, "old target via fd: expected \"old\", got \"%s\"", buf);
	CHECK_OK("fstat old target", fstat(oldfd, &st));
	CHECK_EQ("old target's st_nlink", 0, st.st_nlink);
	close(oldfd);

	CHECK_OK("link b a", link(b, a));
	CHECK_OK("rename onto a hard link of itself", rename(a, b));
	expect_content(a, "new");
	expect_content(b, "new");
	CHECK_OK("rename b onto b", rename(b, b));
	CHECK_OK("unlink a", unlink(a));

	CHECK_ERR("rename missing source", rename(missing, a), ENOENT);
	CHECK_OK("mkdir sub", mkdir(sub, 0755));
	CHECK_ERR("rename file over directory", rename(b, sub), EISDIR);
	CHECK_ERR("rename directory over file", rename(sub, b), ENOTDIR);
	CHECK_OK("mkdir full", mkdir(full, 0755));
	make(inner, "x");
	CHECK_ERR("rename dir over non-empty dir", rename(sub, full), ENOTEMPTY);
	char into[96];
	snprintf(into, sizeof into, "%s/inside", sub);
	CHECK_ERR("rename directory into itself", rename(sub, into), EINVAL);
	CHECK_OK("mkdir sub2", mkdir(sub2, 0755));
	CHECK_OK("rename dir over empty dir", rename(sub, sub2));
	CHECK_ERR("old dir name gone", stat(sub, &st), ENOENT);
	CHECK_OK("stat new dir name", stat(sub2, &st));
	CHECK(S_ISDIR(st.st_mode), "renamed dir: expected a directory");

	unlink(inner);
	rmdir(full);
	rmdir(sub2);
	unlink(b);
	CHECK_OK("rmdir test dir (now empty)", rmdir(d));
	return 0;
}
