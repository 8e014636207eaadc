/* pid_exhaust_eagain: fork fails with EAGAIN once a user's process count
 * reaches RLIMIT_NPROC. Root ignores the limit, so a child sets the limit
 * to 8 and setuid()s to an otherwise unused uid (200000 + its pid, so that
 * nothing else, not even a parallel run of this test, shares the count).
 * It is then process 1 of 8 for that uid: exactly 7 forks succeed and the
 * 8th gives EAGAIN; after killing and reaping them all, fork works again. */
#include "t.h"
#include <signal.h>

#define LIMIT 8

static int hold[2];

static int child_main(void)
{
	uid_t uid = 200000 + getpid();
	struct rlimit rl = { LIMIT, LIMIT };
	CHECK_OK("setrlimit RLIMIT_NPROC", setrlimit(RLIMIT_NPROC, &rl));
	CHECK_OK("setuid", setuid(uid));
	CHECK_EQ("getuid", uid, getuid());

	pid_t kids[64];
	int n = 0;
	pid_t r;
	for (;;) {
		r = fork();
		if (r == 0) {
			char c;
			close(hold[1]);
			read(hold[0], &c, 1); /* until killed (or C dies and EOF) */
			_exit(0);
		}
		if (r < 0)
			break;
		kids[n++] = r;
		CHECK(n < 64, "forks under RLIMIT_NPROC %d: expected EAGAIN before 64, got none", LIMIT);
	}
	int err = errno;
	CHECK(err == EAGAIN, "fork at the limit: expected EAGAIN, got errno %d (%s)", err, strerror(err));
	CHECK_EQ("forks that succeeded under RLIMIT_NPROC 8 (we are the 8th)", LIMIT - 1, n);
	errno = 0;
	CHECK_ERR("fork again at the limit", fork(), EAGAIN);

	for (int i = 0; i < n; i++)
		CHECK_OK("kill", kill(kids[i], SIGKILL));
	for (int i = 0; i < n; i++) {
		int st = wait_for(kids[i]);
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
		      "killed child: expected SIGKILL status, got raw %#x", st);
	}
	r = fork();
	CHECK_OK("fork after reaping", r);
	if (r == 0)
		_exit(0);
	CHECK_CHILD_OK("child forked after reaping", r);
	return 0;
}

int main(void)
{
	CHECK_OK("pipe", pipe(hold));
	pid_t c = fork();
	CHECK_OK("fork", c);
	if (c == 0)
		_exit(child_main());
	close(hold[0]);
	CHECK_CHILD_OK("setuid child hitting RLIMIT_NPROC", c);
	return 0;
}
