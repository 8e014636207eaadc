/*
 * The trace-overhead benchmark (docs/trace.md): as /init, time ROUNDS
 * rounds of N fork + _exit + wait with CLOCK_MONOTONIC and print ns per
 * fork/exit/wait, then power off. Run under -icount shift=0 so the figures
 * repeat: `make trace-overhead`.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>
#include <sys/reboot.h>
#include <sys/wait.h>

#define N 2000
#define ROUNDS 3

static long long now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static long long one_round(void)
{
	long long t0 = now_ns();
	for (int i = 0; i < N; i++) {
		pid_t p = fork();
		if (p == 0)
			_exit(0);
		if (p < 0 || waitpid(p, NULL, 0) != p) {
			perror("fork/wait");
			exit(1);
		}
	}
	return (now_ns() - t0) / N;
}

int main(void)
{
	for (int r = 0; r < ROUNDS; r++)
		printf("forkbench: round %d: %lld ns per fork+exit+wait\n", r, one_round());
	fflush(stdout);
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return 0;
}
