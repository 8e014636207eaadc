/* pipe_emfile_no_leak: at the fd limit, pipe(), dup() and open() fail with
 * EMFILE and take no slot: with one slot left pipe() needs two and fails,
 * and that slot is still free for the next open(); closing one fd frees
 * exactly one. */
#include "t.h"

int main(void)
{
	struct rlimit rl = { 64, 64 };
	CHECK_OK("setrlimit RLIMIT_NOFILE 64", setrlimit(RLIMIT_NOFILE, &rl));
	int last = -1;
	for (;;) {
		int fd = open("/dev/null", O_RDONLY);
		if (fd < 0) {
			CHECK_EQ("open at the limit: errno", EMFILE, errno);
			break;
		}
		last = fd;
	}
	CHECK_EQ("last fd", 63, last);
	int p[2];
	CHECK_ERR("pipe with no slot", pipe(p), EMFILE);
	CHECK_ERR("dup with no slot", dup(0), EMFILE);
	CHECK_ERR("fcntl F_DUPFD with no slot", fcntl(0, F_DUPFD, 0), EMFILE);

	CHECK_OK("close 10", close(10));
	CHECK_ERR("pipe with one slot", pipe(p), EMFILE);
	CHECK_ERR("pipe2 with one slot", pipe2(p, O_CLOEXEC), EMFILE);
	CHECK_EQ("the slot is still free", 10, open("/dev/null", O_RDONLY));
	CHECK_ERR("open at the limit again", open("/dev/null", O_RDONLY), EMFILE);
	CHECK_OK("close 20", close(20));
	CHECK_OK("close 30", close(30));
	CHECK_OK("pipe with two slots", pipe(p));
	CHECK_EQ("pipe read end", 20, p[0]);
	CHECK_EQ("pipe write end", 30, p[1]);
	return 0;
}
