/* exec_from_thread: when a non-leader thread calls execve, the other
 * threads die, and the new program runs with the process's PID (the
 * thread takes over the leader's identity) as a single thread. */
#include "t.h"
#include <pthread.h>
#include <sys/wait.h>

static const char *self;
static char pid_arg[32];

static void *exec_thread(void *unused)
{
	(void)unused;
	char *argv[] = { (char *)self, "exec-child", pid_arg, NULL };
	execv(self, argv);
	_exit(99);
}

static void *sleeper(void *unused)
{
	(void)unused;
	for (;;)
		pause();
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc == 3 && !strcmp(argv[1], "exec-child")) {
		/* The new image: same PID as before, one thread, tid == pid. */
		if (getpid() != atoi(argv[2]))
			FAIL("pid after exec from a thread: expected %s, got %d", argv[2], getpid());
		if (syscall(SYS_gettid) != getpid())
			FAIL("tid %ld != pid %d after exec", syscall(SYS_gettid), getpid());
		return 7;
	}
	self = self_path(argv[0]);
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		snprintf(pid_arg, sizeof(pid_arg), "%d", getpid());
		pthread_t a, b;
		pthread_create(&a, NULL, sleeper, NULL);
		pthread_create(&b, NULL, exec_thread, NULL);
		for (;;)
			pause();
	}
	int st;
	CHECK_EQ("waitpid", pid, waitpid(pid, &st, 0));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "status 0x%x, expected exit 7", st);
	CHECK_ERR("no other child", waitpid(-1, &st, WNOHANG), ECHILD);
	return 0;
}
