/* exec_errnos: execve fails with the exact errno: missing file ENOENT,
 * directory EACCES, regular file without exec permission EACCES (even for
 * root), executable file with unrecognised contents ENOEXEC, path longer
 * than PATH_MAX ENAMETOOLONG, component longer than NAME_MAX ENAMETOOLONG,
 * a non-directory path component ENOTDIR, NULL path EFAULT. */
#include "t.h"
#include <limits.h>

static char *const args[] = { "x", NULL };
static char *const envs[] = { NULL };

static long try_exec(const char *path)
{
	return syscall(SYS_execve, path, args, envs);
}

static void make_file(const char *path, const char *content, mode_t mode)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
	CHECK(fd >= 0, "create %s: expected success, got errno %d", path, errno);
	write_all(fd, content, strlen(content));
	CHECK_OK("fchmod", fchmod(fd, mode));
	CHECK_OK("close", close(fd));
}

int main(void)
{
	char noexec[64], garbage[64], dir[64], missing[64], notdir[80];
	int me = getpid();
	snprintf(noexec, sizeof noexec, "/tmp/exec_errnos.noexec.%d", me);
	snprintf(garbage, sizeof garbage, "/tmp/exec_errnos.garbage.%d", me);
	snprintf(dir, sizeof dir, "/tmp/exec_errnos.dir.%d", me);
	snprintf(missing, sizeof missing, "/tmp/exec_errnos.missing.%d", me);
	snprintf(notdir, sizeof notdir, "%s/x", noexec);

	make_file(noexec, "\177ELF not really\n", 0644);
	make_file(garbage, "this is not an executable format\n", 0755);
	CHECK_OK("mkdir", mkdir(dir, 0755));

	CHECK_ERR("execve missing file", try_exec(missing), ENOENT);
	CHECK_ERR("execve directory", try_exec(dir), EACCES);
	CHECK_ERR("execve /tmp directory", try_exec("/tmp"), EACCES);
	CHECK_ERR("execve 0644 regular file", try_exec(noexec), EACCES);
	CHECK_ERR("execve garbage executable", try_exec(garbage), ENOEXEC);
	CHECK_ERR("execve through a non-directory", try_exec(notdir), ENOTDIR);

	static char longpath[PATH_MAX + 100];
	memset(longpath, 0, sizeof longpath);
	for (size_t i = 0; i < PATH_MAX + 50; i += 2)
		memcpy(longpath + i, "/a", 2);
	CHECK_ERR("execve path longer than PATH_MAX", try_exec(longpath), ENAMETOOLONG);

	char longname[400] = "/tmp/";
	memset(longname + 5, 'n', 300);
	CHECK_ERR("execve component longer than NAME_MAX", try_exec(longname), ENAMETOOLONG);

	CHECK_ERR("execve NULL path", try_exec(NULL), EFAULT);
	CHECK_ERR("execve empty path", try_exec(""), ENOENT);

	unlink(noexec);
	unlink(garbage);
	rmdir(dir);
	return 0;
}
