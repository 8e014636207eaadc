/* enametoolong: a path component longer than NAME_MAX (255) gives
 * ENAMETOOLONG from open, mkdir, stat and unlink, as does a path of
 * PATH_MAX (4096) bytes or more; a component of exactly 255 bytes works. */
#include "t.h"
#include <limits.h>

int main(void)
{
	char name255[300], name256[320];
	int n = snprintf(name255, sizeof name255, "/tmp/%d.", getpid());
	memset(name255 + n, 'x', 255 - (n - 5));
	name255[5 + 255] = 0;
	snprintf(name256, sizeof name256, "%sy", name255);
	CHECK_EQ("component length", 255, strlen(strrchr(name255, '/') + 1));

	struct stat st;
	CHECK_ERR("open O_CREAT 256-byte name", open(name256, O_WRONLY | O_CREAT, 0644), ENAMETOOLONG);
	CHECK_ERR("open 256-byte name", open(name256, O_RDONLY), ENAMETOOLONG);
	CHECK_ERR("mkdir 256-byte name", mkdir(name256, 0755), ENAMETOOLONG);
	CHECK_ERR("stat 256-byte name", stat(name256, &st), ENAMETOOLONG);
	CHECK_ERR("unlink 256-byte name", unlink(name256), ENAMETOOLONG);

	int fd = open(name255, O_WRONLY | O_CREAT | O_EXCL, 0644);
	CHECK_OK("create 255-byte name", fd);
	close(fd);
	CHECK_OK("stat 255-byte name", stat(name255, &st));
	CHECK_OK("unlink 255-byte name", unlink(name255));

	/* Whole path: PATH_MAX includes the terminating NUL, so a path of
	 * 4096 bytes is too long while "/tmp/././...": 4094 bytes resolves. */
	static char longpath[PATH_MAX + 16];
	strcpy(longpath, "/tmp");
	for (int i = 0; i < (PATH_MAX - 4) / 2; i++)
		strcat(longpath, "/.");
	CHECK_EQ("long path length", PATH_MAX, strlen(longpath));
	CHECK_ERR("open path of PATH_MAX bytes", open(longpath, O_RDONLY), ENAMETOOLONG);
	CHECK_ERR("stat path of PATH_MAX bytes", stat(longpath, &st), ENAMETOOLONG);
	CHECK_ERR("mkdir path of PATH_MAX bytes", mkdir(longpath, 0755), ENAMETOOLONG);
	CHECK_ERR("chdir path of PATH_MAX bytes", chdir(longpath), ENAMETOOLONG);
	longpath[PATH_MAX - 2] = 0;
	CHECK_OK("stat path of PATH_MAX-2 bytes", stat(longpath, &st));
	CHECK(S_ISDIR(st.st_mode), "long path to /tmp: expected a directory");
	return 0;
}
