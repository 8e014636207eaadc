/* clone_bad_flags: the raw clone syscall rejects inconsistent flags with
 * EINVAL: CLONE_THREAD without CLONE_SIGHAND, CLONE_SIGHAND without
 * CLONE_VM. A plain fork-like clone(SIGCHLD) still works afterwards. */
#include "t.h"
#include <sched.h>
#include <signal.h>

static long raw_clone(unsigned long flags)
{
	/* x86-64 argument order: flags, stack, parent_tid, child_tid, tls. */
	long r = syscall(SYS_clone, flags, 0, 0, 0, 0);
	if (r == 0)
		syscall(SYS_exit, 0); /* must not happen; never return in a child */
	return r;
}

int main(void)
{
	CHECK_ERR("clone CLONE_THREAD without CLONE_SIGHAND",
		  raw_clone(CLONE_THREAD | CLONE_VM), EINVAL);
	CHECK_ERR("clone CLONE_THREAD alone", raw_clone(CLONE_THREAD), EINVAL);
	CHECK_ERR("clone CLONE_SIGHAND without CLONE_VM", raw_clone(CLONE_SIGHAND), EINVAL);
	CHECK_ERR("clone CLONE_SIGHAND|CLONE_THREAD without CLONE_VM",
		  raw_clone(CLONE_SIGHAND | CLONE_THREAD), EINVAL);

	long pid = syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0);
	CHECK_OK("clone(SIGCHLD)", pid);
	if (pid == 0)
		_exit(3);
	CHECK_EQ("clone(SIGCHLD) child raw status", 3 << 8, wait_for(pid));
	return 0;
}
