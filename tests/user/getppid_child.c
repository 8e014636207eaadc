/* getppid_child: a child's getppid() is its parent's getpid(), and a
 * grandchild's getppid() is the child's pid while the child lives. */
#include "t.h"

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t me = getpid();
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		CHECK_EQ("child getppid", me, getppid());
		pid_t mid = getpid();
		pid_t g = fork();
		CHECK_OK("fork grandchild", g);
		if (g == 0) {
			pid_t pp = getppid();
			write_all(p[1], &pp, sizeof pp);
			_exit(0);
		}
		pid_t gpp;
		read_all(p[0], &gpp, sizeof gpp);
		CHECK_EQ("grandchild getppid", mid, gpp);
		CHECK_CHILD_OK("grandchild", g);
		_exit(0);
	}
	CHECK_CHILD_OK("child", pid);
	return 0;
}
