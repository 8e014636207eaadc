/* setgroups_permission: supplementary groups as Linux keeps them.
 * setgroups is privileged (EPERM otherwise), takes at most NGROUPS_MAX
 * (65536) ids (EINVAL above), reads the list from user memory (EFAULT),
 * and the list comes back sorted from getgroups, which returns the count
 * for size 0 and EINVAL for a size too small.  /proc/PID/status shows it.
 * The list counts in permission checks: a member of a file's group gets
 * the group bits (generic_permission's in_group_p), and a file's owner may
 * chown it to any group it is a member of.  fork and exec keep the list. */
#include "t.h"
#include <grp.h>
#include <fcntl.h>
#include <sys/stat.h>

#define FILE_PATH "/tmp/setgroups_permission"

static void check_status_groups(const char *want)
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	CHECK_OK("open /proc/self/status", fd);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	CHECK_OK("read /proc/self/status", n);
	close(fd);
	buf[n] = 0;
	char *g = strstr(buf, "\nGroups:");
	CHECK(g, "no Groups: line in /proc/self/status");
	CHECK(!strncmp(g + 1, want, strlen(want)),
	      "status: expected %s, got %.40s", want, g + 1);
}

static void as_user(gid_t *groups, int n)
{
	CHECK_OK("setgroups", setgroups(n, groups));
	CHECK_OK("setresgid", setresgid(1000, 1000, 1000));
	CHECK_OK("setresuid", setresuid(1000, 1000, 1000));
}

int main(void)
{
	mount_proc();
	gid_t set[3] = { 300, 100, 200 }, got[8];

	CHECK_ERR("setgroups(65537)", setgroups(65537, set), EINVAL);
	CHECK_ERR("setgroups(NULL)", setgroups(1, NULL), EFAULT);
	CHECK_OK("setgroups 3", setgroups(3, set));
	CHECK_EQ("getgroups(0)", 3, getgroups(0, NULL));
	CHECK_ERR("getgroups(2)", getgroups(2, got), EINVAL);
	CHECK_ERR("getgroups(-1)", getgroups(-1, got), EINVAL);
	CHECK_EQ("getgroups(8)", 3, getgroups(8, got));
	CHECK(got[0] == 100 && got[1] == 200 && got[2] == 300,
	      "getgroups: expected 100 200 300 (sorted), got %u %u %u", got[0], got[1], got[2]);
	check_status_groups("Groups:\t100 200 300 \n");

	/* A file of root's, readable by group 200 only. */
	unlink(FILE_PATH);
	int fd = open(FILE_PATH, O_CREAT | O_WRONLY, 0640);
	CHECK_OK("create", fd);
	close(fd);
	CHECK_OK("chown", chown(FILE_PATH, 0, 200));
	CHECK_OK("chmod", chmod(FILE_PATH, 0640));

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {		/* uid 1000, a member of 200 */
		gid_t g = 200;
		as_user(&g, 1);
		check_status_groups("Groups:\t200 \n");
		int f = open(FILE_PATH, O_RDONLY);
		CHECK_OK("open as a member of the file's group", f);
		CHECK_ERR("open for writing (group has r only)", open(FILE_PATH, O_WRONLY), EACCES);
		CHECK_ERR("setgroups unprivileged", setgroups(0, NULL), EPERM);
		_exit(0);
	}
	CHECK_CHILD_OK("member child", pid);

	pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {		/* uid 1000, in no group of the file */
		as_user(NULL, 0);
		check_status_groups("Groups:\t \n");
		CHECK_ERR("open as a non-member", open(FILE_PATH, O_RDONLY), EACCES);
		_exit(0);
	}
	CHECK_CHILD_OK("non-member child", pid);

	/* The owner may give its file to a group it is in, and no other. */
	CHECK_OK("chown to 1000", chown(FILE_PATH, 1000, 1000));
	pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		gid_t g[2] = { 400, 200 };
		as_user(g, 2);
		CHECK_OK("chown to a supplementary group", chown(FILE_PATH, -1, 400));
		CHECK_ERR("chown to a group not ours", chown(FILE_PATH, -1, 300), EPERM);
		_exit(0);
	}
	CHECK_CHILD_OK("owner child", pid);
	struct stat st;
	CHECK_OK("stat", stat(FILE_PATH, &st));
	CHECK_EQ("group after chown", 400, st.st_gid);

	CHECK_OK("setgroups 0", setgroups(0, NULL));
	CHECK_EQ("getgroups after clearing", 0, getgroups(0, NULL));
	unlink(FILE_PATH);
	return 0;
}
