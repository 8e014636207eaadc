/* rlimit_nofile_emfile: with RLIMIT_NOFILE soft limit 16, descriptors stop
 * at 15: open fails with EMFILE, pipe too; dup2 to 16 gives EBADF and
 * F_DUPFD 16 gives EINVAL; closing one descriptor makes open work again. */
#include "t.h"

#define LIM 16

int main(void)
{
	struct rlimit old;
	CHECK_OK("getrlimit", getrlimit(RLIMIT_NOFILE, &old));
	struct rlimit rl = { LIM, old.rlim_max };
	for (int fd = LIM; fd < 64; fd++)
		close(fd); /* anything inherited above the new limit */
	CHECK_OK("setrlimit RLIMIT_NOFILE 16", setrlimit(RLIMIT_NOFILE, &rl));
	struct rlimit now;
	CHECK_OK("getrlimit", getrlimit(RLIMIT_NOFILE, &now));
	CHECK_EQ("soft RLIMIT_NOFILE", LIM, now.rlim_cur);

	int last = -1, fd;
	while ((fd = open("/dev/null", O_RDONLY)) >= 0) {
		CHECK(fd < LIM, "open under limit %d: expected fd < %d, got %d", LIM, LIM, fd);
		last = fd;
	}
	CHECK_EQ("open at limit: errno", EMFILE, errno);
	CHECK_EQ("highest fd handed out", LIM - 1, last);
	int p[2];
	CHECK_ERR("pipe at limit", pipe(p), EMFILE);
	CHECK_ERR("dup at limit", dup(0), EMFILE);
	CHECK_ERR("dup2 to fd == limit", dup2(0, LIM), EBADF);
	CHECK_ERR("F_DUPFD starting at limit", fcntl(0, F_DUPFD, LIM), EINVAL);

	CHECK_OK("close", close(last));
	CHECK_EQ("open after close", last, open("/dev/null", O_RDONLY));
	CHECK_OK("close two", close(last) | close(last - 1));
	CHECK_OK("pipe with two free", pipe(p));
	CHECK_OK("close one", close(p[0]));
	CHECK_ERR("pipe with one free", pipe(p), EMFILE);

	/* Lowering the soft limit below open fds is allowed. */
	rl.rlim_cur = 4;
	CHECK_OK("setrlimit below open fds", setrlimit(RLIMIT_NOFILE, &rl));
	CHECK_ERR("open above lowered limit", open("/dev/null", O_RDONLY), EMFILE);
	return 0;
}
