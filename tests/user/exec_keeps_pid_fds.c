/* exec_keeps_pid_fds: execve replaces the program but not the process: the
 * pid and parent are unchanged, an fd without FD_CLOEXEC survives (same
 * open file: its offset is kept) and an fd with FD_CLOEXEC is closed
 * (fcntl F_GETFD gives EBADF). The test execs itself with "child-mode". */
#include "t.h"

int main(int argc, char **argv)
{
	if (argc == 6 && strcmp(argv[1], "child-mode") == 0) {
		int keep = atoi(argv[4]), gone = atoi(argv[5]);
		CHECK_EQ("pid after exec", atoi(argv[2]), getpid());
		CHECK_EQ("ppid after exec", atoi(argv[3]), getppid());
		CHECK_EQ("F_GETFD of fd without FD_CLOEXEC", 0, fcntl(keep, F_GETFD));
		CHECK_EQ("offset of inherited fd", 5, lseek(keep, 0, SEEK_CUR));
		char b[4] = { 0 };
		CHECK_EQ("read inherited fd", 3, read(keep, b, 3));
		CHECK(strcmp(b, "567") == 0, "inherited fd data: expected \"567\", got \"%s\"", b);
		CHECK_ERR("F_GETFD of FD_CLOEXEC fd", fcntl(gone, F_GETFD), EBADF);
		return 0;
	}

	char path[64];
	snprintf(path, sizeof path, "/tmp/exec_keeps_pid_fds.%d", getpid());
	int keep = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("open", keep);
	unlink(path);
	write_all(keep, "0123456789", 10);
	CHECK_EQ("lseek", 5, lseek(keep, 5, SEEK_SET));
	int gone = open("/dev/null", O_RDONLY | O_CLOEXEC);
	CHECK_OK("open /dev/null O_CLOEXEC", gone);
	CHECK_EQ("F_GETFD of O_CLOEXEC fd", FD_CLOEXEC, fcntl(gone, F_GETFD));

	char a_pid[16], a_ppid[16], a_keep[16], a_gone[16];
	snprintf(a_pid, sizeof a_pid, "%d", getpid());
	snprintf(a_ppid, sizeof a_ppid, "%d", getppid());
	snprintf(a_keep, sizeof a_keep, "%d", keep);
	snprintf(a_gone, sizeof a_gone, "%d", gone);
	const char *self = self_path(argv[0]);
	char *args[] = { (char *)self, "child-mode", a_pid, a_ppid, a_keep, a_gone, NULL };
	execv(self, args);
	FAIL("execv %s: expected no return, got errno %d", self, errno);
}
