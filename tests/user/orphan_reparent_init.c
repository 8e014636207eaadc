/* orphan_reparent_init: when a process exits, its children are reparented
 * to init: a grandchild whose parent has exited sees getppid() == 1 (this
 * test itself must not be a subreaper). Inside the test initramfs the
 * runner is PID 1 and reaps the grandchild. */
#include "t.h"
#include <sched.h>
#include <sys/prctl.h>
#include <time.h>

int main(void)
{
	int go[2], res[2];
	CHECK_OK("pipe", pipe(go));
	CHECK_OK("pipe", pipe(res));
	prctl(PR_SET_CHILD_SUBREAPER, 0);

	pid_t mid = fork();
	CHECK_OK("fork", mid);
	if (mid == 0) {
		pid_t g = fork();
		if (g < 0)
			_exit(2);
		if (g == 0) {
			char c;
			close(go[1]);
			read_all(go[0], &c, 1); /* until our parent is reaped */
			/* It is already reparented; poll a bounded while anyway. */
			pid_t pp = getppid();
			for (int i = 0; i < 100000 && pp != 1; i++) {
				sched_yield();
				pp = getppid();
			}
			write_all(res[1], &pp, sizeof pp);
			_exit(0);
		}
		_exit(0);
	}
	close(go[0]);
	close(res[1]);
	CHECK_CHILD_OK("middle child", mid);
	write_all(go[1], "g", 1);
	pid_t pp = -1;
	read_all(res[0], &pp, sizeof pp);
	CHECK_EQ("orphaned grandchild's getppid", 1, pp);
	return 0;
}
