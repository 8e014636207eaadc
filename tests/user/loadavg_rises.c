/* loadavg_rises: with eight CPU-bound processes running for six seconds
 * (the load average is recomputed every five), the 1-minute load average
 * reported by sysinfo(2) goes up.  Eight, not three: one update moves the
 * figure to old * 0.92 + n * 0.08, and the tests before this one can leave
 * it above 2, where three runners raised it by less than 0.1 (seen on
 * Linux at -smp 2 on a loaded host). */
#include "t.h"
#include <signal.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <time.h>

int main(void)
{
	struct sysinfo before, after;
	pid_t pid[8];

	CHECK_OK("sysinfo", sysinfo(&before));
	for (int i = 0; i < 8; i++) {
		pid[i] = fork();
		CHECK(pid[i] >= 0, "fork: %s", strerror(errno));
		if (pid[i] == 0)
			for (volatile unsigned long x = 0;; x++)
				;
	}
	struct timespec ts = { 6, 0 };
	nanosleep(&ts, NULL);
	CHECK_OK("sysinfo", sysinfo(&after));
	for (int i = 0; i < 8; i++) {
		kill(pid[i], SIGKILL);
		waitpid(pid[i], NULL, 0);
	}
	/* One update with 8 runnable tasks adds 0.64 - 0.08 * old. */
	CHECK(after.loads[0] > before.loads[0] + 65536 / 10,
	      "1-min load went from %lu to %lu (x65536)", before.loads[0], after.loads[0]);
	return 0;
}
