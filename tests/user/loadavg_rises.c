/* loadavg_rises: with CPU-bound processes running for six seconds (the
 * load average is recomputed every five), the 1-minute load average
 * reported by sysinfo(2) goes up.  Three more spinners than the load
 * already there, so that earlier tests' load cannot hide the rise. */
#include "t.h"
#include <signal.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>

#define MAX_SPIN 128

int main(void)
{
	struct sysinfo before, after;
	pid_t pid[MAX_SPIN];

	CHECK_OK("sysinfo", sysinfo(&before));
	int n = (int)(before.loads[0] / 65536) + 4;
	CHECK(n <= MAX_SPIN, "1-min load is already %lu (x65536)", before.loads[0]);
	for (int i = 0; i < n; i++) {
		pid[i] = fork();
		CHECK(pid[i] >= 0, "fork: %s", strerror(errno));
		if (pid[i] == 0)
			for (volatile unsigned long x = 0;; x++)
				;
	}
	struct timespec ts = { 6, 0 };
	nanosleep(&ts, NULL);
	CHECK_OK("sysinfo", sysinfo(&after));
	for (int i = 0; i < n; i++) {
		kill(pid[i], SIGKILL);
		waitpid(pid[i], NULL, 0);
	}
	/* One update moves the 1-min figure 8% of the way from where it was
	 * toward the number of runnable tasks (at least 3 above it: 0.24 or
	 * more); ask for half of that. */
	unsigned long gap = (unsigned long)n * 65536 - before.loads[0];
	CHECK(after.loads[0] > before.loads[0] + gap / 25,
	      "%d spinners: 1-min load went from %lu to %lu (x65536)", n,
	      before.loads[0], after.loads[0]);
	return 0;
}
