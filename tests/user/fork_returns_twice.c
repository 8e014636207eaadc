/* fork_returns_twice: fork returns 0 in the child and the child's pid (> 0,
 * not the parent's) in the parent; the child's getpid() equals that pid and
 * the parent's getpid() is unchanged. */
#include "t.h"

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t me = getpid();
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		pid_t self = getpid();
		write_all(p[1], &self, sizeof self);
		_exit(self != me ? 0 : 3);
	}
	CHECK(pid > 0, "fork in parent: expected pid > 0, got %d", pid);
	CHECK(pid != me, "fork in parent: expected a pid other than ours (%d), got it", me);
	CHECK_EQ("parent getpid unchanged", me, getpid());
	pid_t child_self;
	read_all(p[0], &child_self, sizeof child_self);
	CHECK_EQ("child's getpid equals fork's return in parent", pid, child_self);
	CHECK_CHILD_OK("child", pid);
	return 0;
}
