/* thread_exit_group: a non-main thread calling exit(5) (libc exit, which
 * ends in exit_group) or the raw exit_group(6) syscall ends the whole
 * process while the main thread is blocked in read(); the parent sees exit
 * status 5 / 6. pthread_exit (the exit(2) syscall) in a thread ends only
 * that thread: main joins it and carries on. */
#include "t.h"
#include <pthread.h>

static int how;

static void *worker(void *arg)
{
	(void)arg;
	if (how == 0)
		exit(5);
	if (how == 1)
		syscall(SYS_exit_group, 6);
	pthread_exit((void *)7);
}

/* Fork a child whose thread runs worker() in the given mode while the
 * child's main thread blocks in read(); return the child's raw status. */
static int run(int mode)
{
	int block[2];
	CHECK_OK("pipe", pipe(block));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		pthread_t th;
		how = mode;
		close(block[1]);
		if (pthread_create(&th, NULL, worker, NULL) != 0)
			_exit(100);
		if (mode == 2) {
			void *ret = NULL;
			if (pthread_join(th, &ret) != 0 || ret != (void *)7)
				_exit(103);
		}
		char c;
		ssize_t r = read(block[0], &c, 1); /* blocks until the parent closes */
		_exit(r == 0 ? 101 : 102);
	}
	close(block[0]);
	if (mode == 2)
		close(block[1]); /* let main's read see EOF */
	int st = wait_for(pid);
	if (mode != 2)
		close(block[1]);
	return st;
}

int main(void)
{
	CHECK_EQ("raw status after a thread's exit(5)", 5 << 8, run(0));
	CHECK_EQ("raw status after a thread's exit_group(6)", 6 << 8, run(1));
	CHECK_EQ("raw status after a thread's pthread_exit (main exits 101)", 101 << 8, run(2));
	return 0;
}
