/* setsid_new_session: setsid in a process that is not a group leader makes
 * a new session and group, both with its pid; a group leader gets EPERM
 * (from setsid, and from setpgid for a session leader). */
#include "t.h"
#include <signal.h>

int main(void)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		pid_t me = getpid();
		if (getpgrp() == me)
			setpgid(0, getppid()); /* not a leader; may fail harmlessly */
		CHECK(getpgrp() != me, "child is already a group leader");
		CHECK_EQ("setsid", me, setsid());
		CHECK_EQ("getsid", me, getsid(0));
		CHECK_EQ("getpgrp", me, getpgrp());
		CHECK_EQ("getpgid(0)", me, getpgid(0));
		CHECK_ERR("setsid as group leader", setsid(), EPERM);
		CHECK_ERR("setpgid of a session leader", setpgid(0, 0), EPERM);
		_exit(0);
	}
	CHECK_CHILD_OK("child", pid);

	/* A group leader that is not a session leader: setsid is EPERM too. */
	pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		CHECK_OK("setpgid(0,0)", setpgid(0, 0));
		CHECK_ERR("setsid as group leader", setsid(), EPERM);
		_exit(0);
	}
	CHECK_CHILD_OK("child", pid);
	CHECK_ERR("getsid of no process", getsid(999999), ESRCH);
	return 0;
}
