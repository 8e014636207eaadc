/* loadavg_rises: with three CPU-bound processes running for six seconds
 * (the load average is recomputed every five), the 1-minute load average
 * reported by sysinfo(2) goes up. */
#include "t.h"
#include <signal.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
	struct sysinfo before, after;
	pid_t pid[3];

	CHECK_OK("sysinfo", sysinfo(&before));
	for (int i = 0; i < 3; i++) {
		pid[i] = fork();
		CHECK(pid[i] >= 0, "fork: %s", strerror(errno));
		if (pid[i] == 0)
			for (volatile unsigned long x = 0;; x++)
				;
	}
	struct timespec ts = { 6, 0 };
	nanosleep(&ts, NULL);
	CHECK_OK("sysinfo", sysinfo(&after));
	for (int i = 0; i < 3; i++) {
		kill(pid[i], SIGKILL);
		waitpid(pid[i], NULL, 0);
	}
	/* One update with 3 runnable tasks moves the 1-min figure 8% of the
	 * way from where it was toward 3 (0.24 from an idle machine, less
	 * after earlier tests left some load); ask for half of that. */
	unsigned long gap = before.loads[0] < 3 * 65536 ? 3 * 65536 - before.loads[0] : 0;
	CHECK(gap > 65536 / 10, "1-min load is already %lu (x65536)", before.loads[0]);
	CHECK(after.loads[0] > before.loads[0] + gap / 25,
	      "1-min load went from %lu to %lu (x65536)", before.loads[0], after.loads[0]);
	return 0;
}
