/* nice_cpu_share: two CPU-bound processes run for the same wall time; the
 * one at nice 10 gets less CPU than the one at nice 0.  Both are pinned to
 * CPU 0, so that they compete however many CPUs QEMU gives. */
#include "t.h"
#include <sched.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

static double now(clockid_t c)
{
	struct timespec ts;
	clock_gettime(c, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Spin until the wall-clock deadline, then report our CPU time. */
static void spin(int nice_value, double until, int fd)
{
	if (nice_value)
		setpriority(PRIO_PROCESS, 0, nice_value);
	volatile unsigned long x = 0;
	while (now(CLOCK_MONOTONIC) < until)
		for (int i = 0; i < 10000; i++)
			x++;
	double cpu = now(CLOCK_PROCESS_CPUTIME_ID);
	if (write(fd, &cpu, sizeof(cpu)) != sizeof(cpu))
		_exit(1);
	_exit(0);
}

int main(void)
{
	int p[2][2];
	double until = now(CLOCK_MONOTONIC) + 1.5, cpu[2];
	const int nices[2] = { 0, 10 };
	pid_t pid[2];

	cpu_set_t one;
	CPU_ZERO(&one);
	CPU_SET(0, &one);
	CHECK_OK("sched_setaffinity", sched_setaffinity(0, sizeof(one), &one));
	for (int i = 0; i < 2; i++) {
		CHECK_OK("pipe", pipe(p[i]));
		pid[i] = fork();
		CHECK(pid[i] >= 0, "fork: %s", strerror(errno));
		if (pid[i] == 0)
			spin(nices[i], until, p[i][1]);
	}
	for (int i = 0; i < 2; i++) {
		CHECK_EQ("read cpu time", (long)sizeof(double), (long)read(p[i][0], &cpu[i], sizeof(double)));
		int st;
		CHECK_EQ("waitpid", pid[i], waitpid(pid[i], &st, 0));
	}
	CHECK(cpu[0] > cpu[1] * 1.3, "nice 0 got %.3f s of CPU, nice 10 got %.3f s", cpu[0], cpu[1]);
	return 0;
}
