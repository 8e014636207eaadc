/* An /init for the debug kernel's self-checks (tools/debug-checks.py):
 * writes the case named by crash= on the kernel command line (which the
 * kernel passes to init's environment) to /proc/sys/debug/provoke-crash.
 * The kernel must panic with the check's message; reaching the end of this
 * program means the check did not fire, and init's exit panics anyway, but
 * with a different message, so the case fails. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

int main(void)
{
	const char *crash = getenv("crash");
	mkdir("/proc", 0555);
	if (!crash || mount("proc", "/proc", "proc", 0, NULL)) {
		printf("provoke_crash_init: no crash= word, or no procfs\n");
		return 1;
	}
	int fd = open("/proc/sys/debug/provoke-crash", O_WRONLY);
	if (fd < 0) {
		perror("provoke_crash_init: open /proc/sys/debug/provoke-crash");
		return 1;
	}
	ssize_t n = write(fd, crash, strlen(crash));
	printf("provoke_crash_init: %s returned %zd: the check did not fire\n", crash, n);
	return 1;
}
