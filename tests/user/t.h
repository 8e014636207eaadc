/* t.h - tiny helpers shared by the tests in this directory.
 * FAIL/CHECK print "FAIL: file:line: <what>: expected X, got Y" on stderr
 * and exit 1. Nothing here is clever on purpose: a test must be readable
 * on its own. */
#ifndef T_H
#define T_H
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#define FAIL(...)                                                       \
	do {                                                            \
		fprintf(stderr, "FAIL: %s:%d: ", __FILE__, __LINE__);   \
		fprintf(stderr, __VA_ARGS__);                           \
		fputc('\n', stderr);                                    \
		exit(1);                                                \
	} while (0)

#define CHECK(cond, ...)                                                \
	do {                                                            \
		if (!(cond))                                            \
			FAIL(__VA_ARGS__);                              \
	} while (0)

/* Compare two integers; both are printed in decimal and hex. */
#define CHECK_EQ(what, expected, got)                                   \
	do {                                                            \
		long long e_ = (long long)(expected);                   \
		long long g_ = (long long)(got);                        \
		if (e_ != g_)                                           \
			FAIL("%s: expected %lld (%#llx), got %lld (%#llx)", \
			     what, e_, (unsigned long long)e_, g_,      \
			     (unsigned long long)g_);                   \
	} while (0)

/* A call that must succeed (return value >= 0, or not MAP_FAILED). */
#define CHECK_OK(what, ret)                                             \
	do {                                                            \
		if ((long)(ret) < 0)                                    \
			FAIL("%s: expected success, got -1 errno %d (%s)", \
			     what, errno, strerror(errno));             \
	} while (0)

/* A call that must fail with -1 and a given errno. */
#define CHECK_ERR(what, ret, err)                                       \
	do {                                                            \
		long r_ = (long)(ret);                                  \
		int e_ = errno;                                         \
		if (r_ != -1 || e_ != (err))                            \
			FAIL("%s: expected -1 errno %d (%s), got %ld errno %d (%s)", \
			     what, (err), strerror(err), r_, e_, strerror(e_)); \
	} while (0)

/* Path to exec ourselves: "/tests/<basename of argv0>" if that exists
 * (inside the initramfs), else argv0 itself (on a development host). */
static inline const char *self_path(const char *argv0)
{
	static char buf[4096];
	const char *base = strrchr(argv0, '/');
	base = base ? base + 1 : argv0;
	snprintf(buf, sizeof buf, "/tests/%s", base);
	if (access(buf, X_OK) == 0)
		return buf;
	return argv0;
}

/* Install an SA_SIGINFO handler for sig (the fault tests' common step). */
static inline void on_signal_info(int sig, void (*fn)(int, siginfo_t *, void *))
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = fn;
	sa.sa_flags = SA_SIGINFO;
	if (sigaction(sig, &sa, NULL) < 0)
		FAIL("sigaction(%d): %s", sig, strerror(errno));
}

/* Field n (1-based, as proc(5) numbers them) of /proc/self/stat, counted
 * after the ")" that ends the command name; -1 if it cannot be read. */
static inline long self_stat_field(int n)
{
	char buf[1024];
	int fd = open("/proc/self/stat", O_RDONLY);
	ssize_t len = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (len <= 0)
		return -1;
	buf[len] = 0;
	char *p = strrchr(buf, ')');	/* field 2 ends here */
	for (int field = 2; p && field < n; field++)
		p = strchr(p + 1, ' ');
	return p ? atol(p + 1) : -1;
}

/* Make /proc available: mount it unless it is already there. */
static inline void mount_proc(void)
{
	if (access("/proc/self/stat", F_OK) == 0)
		return;
	if (mkdir("/proc", 0555) < 0 && errno != EEXIST)
		FAIL("mkdir /proc: expected success, got errno %d", errno);
	if (mount("proc", "/proc", "proc", 0, 0) < 0 && errno != EBUSY)
		FAIL("mount proc: expected success, got errno %d", errno);
}

/* Called in a child that is meant to die of a signal: no core file. */
static inline void no_core(void)
{
	struct rlimit rl = { 0, 0 };
	setrlimit(RLIMIT_CORE, &rl);
}

/* waitpid that retries EINTR and fails the test on error. Returns status. */
static inline int wait_for(pid_t pid)
{
	int st;
	pid_t r;
	do
		r = waitpid(pid, &st, 0);
	while (r < 0 && errno == EINTR);
	if (r != pid)
		FAIL("waitpid(%d): expected %d, got %d errno %d", pid, pid, r, errno);
	return st;
}

/* Wait for a child that must exit with status 0. */
#define CHECK_CHILD_OK(what, pid)                                       \
	do {                                                            \
		int st_ = wait_for(pid);                                \
		if (!WIFEXITED(st_) || WEXITSTATUS(st_) != 0)           \
			FAIL("%s: expected exit status 0, got raw wait status %#x", \
			     what, st_);                                \
	} while (0)

/* Full-length read/write on a pipe or file (short transfers retried). */
static inline void read_all(int fd, void *buf, size_t n)
{
	size_t done = 0;
	while (done < n) {
		ssize_t r = read(fd, (char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			FAIL("read_all: expected %zu bytes, got %zu (ret %zd errno %d)",
			     n, done, r, errno);
		done += r;
	}
}

static inline void write_all(int fd, const void *buf, size_t n)
{
	size_t done = 0;
	while (done < n) {
		ssize_t r = write(fd, (const char *)buf + done, n - done);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			FAIL("write_all: expected %zu bytes, got %zu (ret %zd errno %d)",
			     n, done, r, errno);
		done += r;
	}
}

#endif
