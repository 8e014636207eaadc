/* sleep_uses_no_cpu: a process sleeping in nanosleep is not running: over
 * half a second of sleep it is charged (almost) no CPU time. */
#include "t.h"
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		struct timespec ts = { 0, 500 * 1000 * 1000 };
		nanosleep(&ts, NULL);
		_exit(0);
	}
	int st;
	struct rusage ru;
	CHECK_EQ("wait4", pid, wait4(pid, &st, 0, &ru));
	CHECK_EQ("exit status", 0, st);
	long us = ru.ru_utime.tv_sec * 1000000L + ru.ru_utime.tv_usec +
		  ru.ru_stime.tv_sec * 1000000L + ru.ru_stime.tv_usec;
	CHECK(us < 50000, "a sleeping child used %ld us of CPU", us);
	return 0;
}
