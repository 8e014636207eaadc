/* smp_busy_spread: as many CPU-bound processes as there are CPUs each get
 * about one CPU.  Each spins for the same wall time and reports its user
 * time from /proc/self/stat; every one must have run most of that time,
 * and no two may differ by more than 25%.  (With one CPU this checks only
 * that the one process got it.) */
#include "t.h"
#include <sched.h>
#include <time.h>

#define SPIN_S 1.5

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Field 14 of /proc/self/stat (utime), in seconds. */
static double utime_s(void)
{
	return (double)self_stat_field(14) / sysconf(_SC_CLK_TCK);
}

static void spin(double until, int fd)
{
	volatile unsigned long x = 0;
	while (now() < until)
		for (int i = 0; i < 10000; i++)
			x++;
	double u = utime_s();
	_exit(write(fd, &u, sizeof(u)) == sizeof(u) ? 0 : 1);
}

int main(void)
{
	mount_proc();
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	CHECK(n >= 1 && n <= 64, "sysconf(_SC_NPROCESSORS_ONLN) = %ld", n);
	int p[2];
	CHECK_OK("pipe", pipe(p));
	double until = now() + SPIN_S;
	for (long i = 0; i < n; i++) {
		pid_t pid = fork();
		CHECK(pid >= 0, "fork: %s", strerror(errno));
		if (pid == 0)
			spin(until, p[1]);
	}
	double lo = 1e9, hi = 0;
	for (long i = 0; i < n; i++) {
		double u;
		CHECK_EQ("read utime", (long)sizeof(u), (long)read(p[0], &u, sizeof(u)));
		lo = u < lo ? u : lo;
		hi = u > hi ? u : hi;
	}
	for (long i = 0; i < n; i++) {
		int st;
		CHECK(wait(&st) > 0 && WIFEXITED(st) && WEXITSTATUS(st) == 0, "child failed");
	}
	CHECK(lo >= 0.6 * SPIN_S, "%ld CPUs: the slowest of %ld spinners got %.2f s of %.2f s",
	      n, n, lo, SPIN_S);
	CHECK(hi <= lo * 1.25, "%ld spinners: user times from %.2f to %.2f s differ by over 25%%",
	      n, lo, hi);
	return 0;
}
