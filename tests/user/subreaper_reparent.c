/* subreaper_reparent: with prctl(PR_SET_CHILD_SUBREAPER, 1), an orphaned
 * grandchild is reparented to this process instead of init: its getppid()
 * becomes our pid, and we can waitpid() it and read its exit status. */
#include "t.h"
#include <sys/prctl.h>

int main(void)
{
	int go[2], res[2];
	CHECK_OK("pipe", pipe(go));
	CHECK_OK("pipe", pipe(res));
	CHECK_OK("PR_SET_CHILD_SUBREAPER", prctl(PR_SET_CHILD_SUBREAPER, 1));
	int on = 0;
	CHECK_OK("PR_GET_CHILD_SUBREAPER", prctl(PR_GET_CHILD_SUBREAPER, &on));
	CHECK_EQ("PR_GET_CHILD_SUBREAPER value", 1, on);
	pid_t me = getpid();

	pid_t mid = fork();
	CHECK_OK("fork", mid);
	if (mid == 0) {
		pid_t g = fork();
		if (g < 0)
			_exit(2);
		if (g == 0) {
			char c;
			close(go[1]);
			read_all(go[0], &c, 1);
			pid_t pp = getppid();
			write_all(res[1], &pp, sizeof pp);
			_exit(9);
		}
		write_all(res[1], &g, sizeof g);
		_exit(0);
	}
	close(go[0]);
	close(res[1]);
	pid_t g = -1;
	read_all(res[0], &g, sizeof g);
	CHECK_CHILD_OK("middle child", mid);
	write_all(go[1], "g", 1);
	pid_t pp = -1;
	read_all(res[0], &pp, sizeof pp);
	CHECK_EQ("orphaned grandchild's getppid", me, pp);
	int st = wait_for(g);
	CHECK_EQ("grandchild's raw status, reaped by the subreaper", 9 << 8, st);
	CHECK_ERR("no more children", wait(&st), ECHILD);
	return 0;
}
