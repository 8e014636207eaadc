/* affinity_pins_cpu: sched_setaffinity to one CPU (the last one) keeps the
 * task there: getcpu and the processor field (39) of /proc/self/stat both
 * name it while it spins, getaffinity returns exactly that mask, a child
 * inherits it, and a mask of CPUs that do not exist is EINVAL. */
#include "t.h"
#include <sched.h>
#include <time.h>

static void check_mask_is(int cpu)
{
	cpu_set_t got;
	CPU_ZERO(&got);
	CHECK_OK("sched_getaffinity", sched_getaffinity(0, sizeof(got), &got));
	CHECK_EQ("CPUs in the mask", 1, CPU_COUNT(&got));
	CHECK(CPU_ISSET(cpu, &got), "mask does not hold CPU %d", cpu);
}

int main(void)
{
	mount_proc();
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	int target = (int)n - 1;
	cpu_set_t set;

	CPU_ZERO(&set);
	CPU_SET(63, &set);
	CHECK_ERR("setaffinity to an absent CPU",
		  sched_setaffinity(0, sizeof(set), &set), EINVAL);
	CPU_ZERO(&set);
	CPU_SET(target, &set);
	CHECK_OK("sched_setaffinity", sched_setaffinity(0, sizeof(set), &set));
	check_mask_is(target);
	for (int i = 0; i < 2000; i++) {
		volatile unsigned long x = 0;
		for (int j = 0; j < 20000; j++)
			x++;
		CHECK_EQ("sched_getcpu", target, sched_getcpu());
		if (i % 100 == 0)
			CHECK_EQ("/proc/self/stat processor", target, (int)self_stat_field(39));
	}
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		check_mask_is(target);
		_exit(sched_getcpu() == target ? 0 : 1);
	}
	int st;
	CHECK_EQ("waitpid", pid, waitpid(pid, &st, 0));
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0, "the child ran off its CPU");
	return 0;
}
