/* cloexec_closed_on_exec: every way of setting close-on-exec works:
 * O_CLOEXEC on open, F_SETFD FD_CLOEXEC, pipe2(O_CLOEXEC), dup3(O_CLOEXEC),
 * F_DUPFD_CLOEXEC: after execve those fds are closed (EBADF), while a
 * plain fd and an fd whose FD_CLOEXEC was cleared again stay open. */
#include "t.h"

int main(int argc, char **argv)
{
	if (argc >= 3 && strcmp(argv[1], "check-mode") == 0) {
		int nclosed = atoi(argv[2]);
		for (int i = 0; i < nclosed; i++) {
			int fd = atoi(argv[3 + i]);
			errno = 0;
			int r = fcntl(fd, F_GETFD);
			CHECK(r == -1 && errno == EBADF,
			      "cloexec fd %d after exec: expected EBADF, got %d errno %d", fd, r, errno);
		}
		for (int i = 3 + nclosed; i < argc; i++) {
			int fd = atoi(argv[i]);
			CHECK_EQ("F_GETFD of kept fd after exec", 0, fcntl(fd, F_GETFD));
		}
		return 0;
	}

	int fds[8], n = 0;
	fds[n++] = open("/dev/null", O_RDONLY | O_CLOEXEC);
	int f = open("/dev/null", O_RDONLY);
	CHECK_OK("F_SETFD", fcntl(f, F_SETFD, FD_CLOEXEC));
	CHECK_EQ("F_GETFD after F_SETFD", FD_CLOEXEC, fcntl(f, F_GETFD));
	fds[n++] = f;
	int p[2];
	CHECK_OK("pipe2 O_CLOEXEC", pipe2(p, O_CLOEXEC));
	fds[n++] = p[0];
	fds[n++] = p[1];
	fds[n++] = dup3(f, 40, O_CLOEXEC);
	fds[n++] = fcntl(f, F_DUPFD_CLOEXEC, 45);
	int keep1 = open("/dev/null", O_RDONLY);
	int keep2 = open("/dev/null", O_RDONLY | O_CLOEXEC);
	CHECK_OK("clear FD_CLOEXEC", fcntl(keep2, F_SETFD, 0));
	for (int i = 0; i < n; i++) {
		CHECK_OK("creating cloexec fd", fds[i]);
		CHECK_EQ("FD_CLOEXEC before exec", FD_CLOEXEC, fcntl(fds[i], F_GETFD));
	}
	CHECK_OK("keep fd", keep1);

	char nums[10][16];
	char *args[16];
	int a = 0;
	const char *self = self_path(argv[0]);
	args[a++] = (char *)self;
	args[a++] = "check-mode";
	snprintf(nums[0], 16, "%d", n);
	args[a++] = nums[0];
	for (int i = 0; i < n; i++) {
		snprintf(nums[1 + i], 16, "%d", fds[i]);
		args[a++] = nums[1 + i];
	}
	snprintf(nums[7], 16, "%d", keep1);
	snprintf(nums[8], 16, "%d", keep2);
	args[a++] = nums[7];
	args[a++] = nums[8];
	args[a] = NULL;
	execv(self, args);
	FAIL("execv %s: expected no return, got errno %d", self, errno);
}
