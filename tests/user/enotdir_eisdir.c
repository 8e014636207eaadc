/* enotdir_eisdir: a regular file used as a directory gives ENOTDIR (path
 * component, O_DIRECTORY, mkdir under it, rmdir of it, chdir to it); a
 * directory used as a file gives EISDIR (open for writing, read(),
 * unlink(), O_CREAT on it). */
#include "t.h"

int main(void)
{
	char f[64], d[64], p[96];
	snprintf(f, sizeof f, "/tmp/enotdir_eisdir.f.%d", getpid());
	snprintf(d, sizeof d, "/tmp/enotdir_eisdir.d.%d", getpid());
	int fd = open(f, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("create file", fd);
	close(fd);
	CHECK_OK("mkdir", mkdir(d, 0755));

	snprintf(p, sizeof p, "%s/x", f);
	struct stat st;
	CHECK_ERR("open file/x", open(p, O_RDONLY), ENOTDIR);
	CHECK_ERR("open O_CREAT file/x", open(p, O_WRONLY | O_CREAT, 0644), ENOTDIR);
	CHECK_ERR("stat file/x", stat(p, &st), ENOTDIR);
	CHECK_ERR("mkdir file/x", mkdir(p, 0755), ENOTDIR);
	snprintf(p, sizeof p, "%s/", f);
	CHECK_ERR("open \"file/\"", open(p, O_RDONLY), ENOTDIR);
	CHECK_ERR("open file O_DIRECTORY", open(f, O_RDONLY | O_DIRECTORY), ENOTDIR);
	CHECK_ERR("rmdir file", rmdir(f), ENOTDIR);
	CHECK_ERR("chdir file", chdir(f), ENOTDIR);

	CHECK_ERR("open dir O_WRONLY", open(d, O_WRONLY), EISDIR);
	CHECK_ERR("open dir O_RDWR", open(d, O_RDWR), EISDIR);
	CHECK_ERR("open dir O_CREAT", open(d, O_WRONLY | O_CREAT, 0644), EISDIR);
	CHECK_ERR("unlink dir", unlink(d), EISDIR);
	int dfd = open(d, O_RDONLY);
	CHECK_OK("open dir O_RDONLY", dfd);
	char b[8];
	CHECK_ERR("read dir fd", read(dfd, b, sizeof b), EISDIR);
	CHECK_ERR("write dir fd", write(dfd, "x", 1), EBADF);
	close(dfd);
	CHECK_ERR("mkdir existing dir", mkdir(d, 0755), EEXIST);
	CHECK_ERR("mkdir existing file", mkdir(f, 0755), EEXIST);

	CHECK_OK("unlink file", unlink(f));
	CHECK_OK("rmdir dir", rmdir(d));
	return 0;
}
