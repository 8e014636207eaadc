/*
 * runner: the test runner that runs as PID 1 (/init) inside the guest, on
 * Tine and on Linux alike. It reads test names from /tests/list (one a line;
 * blank lines and lines starting with '#' are skipped), runs each
 * /tests/NAME in a child with a per-test timeout, prints `ok NAME` or
 * `FAIL NAME (why)`, and ends with `N passed, N failed`. The verdict leaves
 * through QEMU's exit status: power off (QEMU exits 0) when all passed,
 * otherwise write 1 to the isa-debug-exit port 0xf4 (QEMU exits 3).
 *
 * The timeout is 20 s unless the kernel command line has `timeout=N`, which
 * the kernel hands to init as an environment variable. Time is counted as the
 * sum of the polling sleeps, so only nanosleep is needed, not a clock.
 * As init it also reaps any orphans that are reparented to it.
 *
 * Leak check: before the first test and after the last (and after removing
 * what the tests left in /tmp) it prints the kernel's counters from /proc:
 * free memory, slab memory, the runner's own resident memory, open files,
 * inodes, tasks.  On Tine, a task, file or inode count that differs is a
 * failure, and so is free memory that differs by more than what the slab
 * caches (which keep a partly used page per cache, by design) and the
 * runner itself grew.
 */
#include <dirent.h>
#include <fcntl.h>
#include <ftw.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/reboot.h>
#include <sys/wait.h>
#include <time.h>
#include <stdbool.h>
#include <unistd.h>

extern char **environ;

static void say(const char *s)
{
	write(1, s, strlen(s));
}

/* Sleep ns nanoseconds; return the time slept. */
static long nap(long ns)
{
	struct timespec ts = { 0, ns };
	nanosleep(&ts, NULL);
	return ns;
}

/* Run one test; return its wait status, or -1 on timeout. */
static int run_test(const char *name, long timeout_ns)
{
	char path[256];
	int st;
	long waited = 0, step = 1000000;	/* 1 ms, backing off to 10 ms */

	snprintf(path, sizeof path, "/tests/%s", name);
	pid_t pid = fork();
	if (pid < 0)
		return 127 << 8;	/* report as "exit 127" */
	if (pid == 0) {
		char *argv[] = { (char *)name, NULL };
		execve(path, argv, environ);
		_exit(127);
	}
	for (;;) {
		pid_t got = wait4(-1, &st, WNOHANG, NULL);
		if (got == pid)
			return st;
		if (got > 0)
			continue;	/* an orphan reparented to init */
		if (waited >= timeout_ns) {
			kill(pid, SIGKILL);
			wait4(pid, &st, 0, NULL);
			return -1;
		}
		waited += nap(step);
		if (step < 10000000)
			step *= 2;
	}
}

struct counters {
	long mem_free_kb, slab_kb, self_kb, files, inodes, tasks;
};

/* The first number after key in /proc file path, or -1. */
static long proc_number(const char *path, const char *key)
{
	char buf[4096];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	char *p = key ? strstr(buf, key) : buf;
	return p ? strtol(p + (key ? strlen(key) : 0), NULL, 10) : -1;
}

static long count_tasks(void)
{
	DIR *d = opendir("/proc");
	long n = 0;
	struct dirent *e;
	if (!d)
		return -1;
	while ((e = readdir(d)))
		n += e->d_name[0] >= '1' && e->d_name[0] <= '9';
	closedir(d);
	return n;
}

static void read_counters(struct counters *c)
{
	c->mem_free_kb = proc_number("/proc/meminfo", "MemFree:");
	c->slab_kb = proc_number("/proc/meminfo", "Slab:");
	c->self_kb = proc_number("/proc/self/status", "RssAnon:");	/* the runner's own pages */
	c->files = proc_number("/proc/sys/fs/file-nr", NULL);
	c->inodes = proc_number("/proc/sys/fs/inode-nr", NULL);
	c->tasks = count_tasks();
}

static void say_counters(const char *when, const struct counters *c)
{
	char line[200];
	snprintf(line, sizeof line,
		 "counters %s: MemFree %ld kB, Slab %ld kB, runner RSS %ld kB, files %ld, inodes %ld, tasks %ld\n",
		 when, c->mem_free_kb, c->slab_kb, c->self_kb, c->files, c->inodes, c->tasks);
	say(line);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st; (void)flag;
	return f->level > 0 ? remove(path) : 0;
}

static bool on_tine(void)
{
	struct utsname u;
	return uname(&u) == 0 && strstr(u.release, "tine");
}

/* Run every test named in list (one per line, # for comments), once. */
static void run_list(const char *list, long timeout_ns, int *passed, int *failed)
{
	static char copy[65536];
	char line[320];

	strcpy(copy, list);
	for (char *name = strtok(copy, "\r\n"); name; name = strtok(NULL, "\r\n")) {
		if (name[0] == '#')
			continue;
		int st = run_test(name, timeout_ns);
		if (st == 0) {
			(*passed)++;
			snprintf(line, sizeof line, "ok %s\n", name);
		} else {
			(*failed)++;
			if (st < 0)
				snprintf(line, sizeof line, "FAIL %s (timeout)\n", name);
			else if (WIFSIGNALED(st))
				snprintf(line, sizeof line, "FAIL %s (signal %d)\n",
					 name, WTERMSIG(st));
			else
				snprintf(line, sizeof line, "FAIL %s (exit %d)\n",
					 name, WEXITSTATUS(st));
		}
		say(line);
	}
}

int main(void)
{
	static char list[65536];
	char line[320];
	int passed = 0, failed = 0;
	const char *t = getenv("timeout");
	long timeout_ns = (t && atoi(t) > 0 ? atoi(t) : 20) * 1000000000L;

	int fd = open("/tests/list", O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, list, sizeof list - 1);
	if (n < 0) {
		say("runner: cannot read /tests/list\n");
		n = 0;
		failed++;
	}
	list[n] = '\0';

	struct counters before, after;
	mkdir("/proc", 0555);
	mount("proc", "/proc", "proc", 0, NULL);
	/* Warm up: the runner's own first use of these paths grows it. */
	nftw("/tmp", remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	read_counters(&before);
	read_counters(&before);
	say_counters("before", &before);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);

	/* repeat=N on the kernel command line (make test-soak) runs the list
	 * N times, with the leak check around all of them. */
	const char *r = getenv("repeat");
	int rounds = r && atoi(r) > 0 ? atoi(r) : 1;
	for (int round = 0; round < rounds; round++)
		run_list(list, timeout_ns, &passed, &failed);
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;			/* orphans the tests left to init */
	nftw("/tmp", remove_entry, 16, FTW_DEPTH | FTW_PHYS);
	read_counters(&after);
	say_counters("after", &after);
	/* Guest time for the whole run: under -icount it counts instructions,
	 * so two kernels can be compared (docs/robustness.md, the debug cost). */
	clock_gettime(CLOCK_MONOTONIC, &t1);
	snprintf(line, sizeof line, "runner: the tests took %.3f s of guest time\n",
		 (t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9);
	say(line);
	long lost_kb = before.mem_free_kb - after.mem_free_kb - (after.slab_kb - before.slab_kb) -
		       (after.self_kb - before.self_kb);
	if (on_tine() && (after.files != before.files || after.inodes != before.inodes ||
			  after.tasks != before.tasks || lost_kb != 0)) {
		snprintf(line, sizeof line, "FAIL leak check (%ld kB of pages not accounted for)\n",
			 lost_kb);
		say(line);
		failed++;
	}
	snprintf(line, sizeof line, "%d passed, %d failed\n", passed, failed);
	say(line);

	if (failed && iopl(3) == 0)
		outb(1, 0xf4);		/* isa-debug-exit: QEMU exits (1<<1)|1 = 3 */
	reboot(RB_POWER_OFF);
	return 1;			/* init exiting: the kernel panics */
}
