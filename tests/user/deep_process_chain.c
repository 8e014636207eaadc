/* deep_process_chain: a chain of 1000 processes, each the child of the
 * one before, built and unwound: every level waits for the next and
 * passes its exit status up, so the top sees the bottom's status (42).
 * Then the same chain with each parent exiting first: the orphans are
 * reparented one by one, and the pipe reaches EOF only once every level
 * has exited (the runner's leak check then sees them all reaped). */
#include "t.h"

#define DEPTH 1000

static int chain(int level)
{
	if (level == DEPTH)
		return 42;
	pid_t pid = fork();
	if (pid < 0)
		return 100;		/* fork failed: the top sees it */
	if (pid == 0)
		_exit(chain(level + 1));
	int st = wait_for(pid);
	return WIFEXITED(st) ? WEXITSTATUS(st) : 101;
}

/* Each level forks the next and exits at once; the last writes a byte. */
static void orphan_chain(int fd)
{
	for (int level = 1; level < DEPTH; level++) {
		pid_t pid = fork();
		if (pid < 0)
			_exit(1);
		if (pid > 0)
			_exit(0);
	}
	write_all(fd, "z", 1);
	_exit(0);
}

int main(void)
{
	pid_t top = fork();
	CHECK_OK("fork", top);
	if (top == 0)
		_exit(chain(1));
	int st = wait_for(top);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 42,
	      "1000-deep chain: expected exit 42 from the bottom, got raw status %#x", st);

	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t first = fork();
	CHECK_OK("fork", first);
	if (first == 0) {
		close(p[0]);
		orphan_chain(p[1]);
	}
	close(p[1]);
	CHECK_CHILD_OK("first of the orphan chain", first);
	char c;
	read_all(p[0], &c, 1);	/* the bottom ran, after 998 orphanings */
	CHECK_EQ("pipe EOF once all are gone", 0, read(p[0], &c, 1));
	return 0;
}
