/* vfork_parent_waits: vfork's child runs in the parent's memory while the
 * parent is suspended: the child's writes (made slowly, across many
 * sched_yield calls) are all visible to the parent as soon as vfork
 * returns in it, and the child's _exit status is collected as usual. */
#include "t.h"
#include <sched.h>

static volatile int shared;
static volatile int steps;

int main(void)
{
	shared = 0;
	steps = 0;
	pid_t pid = vfork();
	if (pid == 0) {
		shared = 1;
		for (int i = 0; i < 200; i++) {
			sched_yield();
			steps = steps + 1;
		}
		shared = 42;
		_exit(5);
	}
	CHECK_OK("vfork", pid);
	/* Reading both before anything else: the child has finished already. */
	int s = shared, n = steps;
	CHECK_EQ("shared variable written by vfork child", 42, s);
	CHECK_EQ("child's steps done before parent resumed", 200, n);
	CHECK_EQ("vfork child raw status", 5 << 8, wait_for(pid));
	return 0;
}
