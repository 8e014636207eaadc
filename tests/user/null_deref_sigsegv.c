/* null_deref_sigsegv: a user-mode write through a NULL pointer kills only
 * the offending process, with SIGSEGV; the parent (and the kernel) carry on
 * and can fork again. */
#include "t.h"
#include <sys/wait.h>
#include <sys/resource.h>

int main(void)
{
	for (int round = 0; round < 3; round++) {
		pid_t pid = fork();
		CHECK(pid >= 0, "fork: %s", strerror(errno));
		if (pid == 0) {
			struct rlimit no_core = { 0, 0 };
			setrlimit(RLIMIT_CORE, &no_core);
			volatile int *p = NULL;
			*p = 42;
			_exit(0);
		}
		int st;
		CHECK_EQ("waitpid", pid, waitpid(pid, &st, 0));
		CHECK(WIFSIGNALED(st), "child not killed by a signal: status 0x%x", st);
		CHECK_EQ("WTERMSIG", SIGSEGV, WTERMSIG(st));
	}
	return 0;
}
