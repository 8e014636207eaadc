/* permission_nonroot: file permissions bind a non-root process: after
 * setuid(65534), a root-owned 0600 file cannot be opened for reading or
 * writing (EACCES), a 0644 file can be read but not written, a file cannot
 * be created in a root-owned 0755 directory, and setuid(0) fails (EPERM).
 * Root itself (the parent) can still open the 0600 file. */
#include "t.h"

int main(void)
{
	char secret[64], pub[64], dir[64], inside[96];
	snprintf(secret, sizeof secret, "/tmp/permission_nonroot.s.%d", getpid());
	snprintf(pub, sizeof pub, "/tmp/permission_nonroot.p.%d", getpid());
	snprintf(dir, sizeof dir, "/tmp/permission_nonroot.d.%d", getpid());
	snprintf(inside, sizeof inside, "%s/new", dir);
	CHECK_EQ("running as root", 0, geteuid());

	int fd = open(secret, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK_OK("create 0600 file", fd);
	CHECK_OK("fchmod 0600", fchmod(fd, 0600));
	close(fd);
	fd = open(pub, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("create 0644 file", fd);
	CHECK_OK("fchmod 0644", fchmod(fd, 0644));
	write_all(fd, "ok", 2);
	close(fd);
	CHECK_OK("mkdir", mkdir(dir, 0755));
	CHECK_OK("chmod dir 0755", chmod(dir, 0755));
	/* Searchable path for the nobody user even if /tmp is restrictive. */
	struct stat st;
	CHECK_OK("stat /tmp", stat("/tmp", &st));

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		CHECK_OK("setuid(65534)", setuid(65534));
		CHECK_EQ("getuid", 65534, getuid());
		CHECK_EQ("geteuid", 65534, geteuid());
		if ((st.st_mode & 0001) == 0) /* /tmp not searchable by others */
			FAIL("/tmp mode %o: expected o+x for this test", st.st_mode & 07777);
		CHECK_ERR("open 0600 root file O_RDONLY", open(secret, O_RDONLY), EACCES);
		CHECK_ERR("open 0600 root file O_WRONLY", open(secret, O_WRONLY), EACCES);
		CHECK_ERR("open 0600 root file O_RDWR", open(secret, O_RDWR), EACCES);
		int f = open(pub, O_RDONLY);
		CHECK_OK("open 0644 root file O_RDONLY", f);
		close(f);
		CHECK_ERR("open 0644 root file O_WRONLY", open(pub, O_WRONLY), EACCES);
		CHECK_ERR("create in root 0755 dir", open(inside, O_WRONLY | O_CREAT, 0644), EACCES);
		CHECK_ERR("mkdir in root 0755 dir", mkdir(inside, 0755), EACCES);
		CHECK_ERR("chmod root's file", chmod(secret, 0666), EPERM);
		CHECK_ERR("setuid(0) as nobody", setuid(0), EPERM);
		_exit(0);
	}
	CHECK_CHILD_OK("nobody child", pid);

	fd = open(secret, O_RDWR);
	CHECK_OK("root opens 0600 file", fd);
	close(fd);
	unlink(secret);
	unlink(pub);
	rmdir(dir);
	return 0;
}
