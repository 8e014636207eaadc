/*
 * bench: the benchmark /init (PID 1). The same static binary boots on Tine
 * and on Debian's Linux (the oracle) under the same QEMU command line; it
 * runs every benchmark, prints one line per result and powers off.
 *
 *   BENCH-INIT <kernel release>          first line, as early as possible:
 *                                        the host times QEMU start -> here
 *   BENCH <name> <value> <unit>          median of BATCHES timed batches,
 *                                        after one untimed warm-up batch
 *   BENCHFAIL <name> <reason>            ENOSYS, EINVAL, timeout, crashed...
 *   BENCH-BEGIN <name>                   before each benchmark, so that the
 *                                        host can tell which one a kernel
 *                                        crash or hang happened in
 *   BENCH-DONE                           last line before the power-off
 *
 * Iteration counts are fixed (no run-time calibration), so both kernels do
 * exactly the same work; they are chosen to keep each benchmark to a few
 * seconds under plain TCG. Time is CLOCK_MONOTONIC.
 *
 * Each benchmark runs in a forked child (in its own process group) with a
 * timeout, so that a benchmark that fails, crashes or hangs does not stop
 * the others. If fork itself fails, benchmarks run in-process instead.
 *
 * Anonymous memory is madvise(MADV_NOHUGEPAGE)d: Debian's kernel has
 * transparent huge pages "always", which would turn the 4 KiB page-fault and
 * fork page-table figures into 2 MiB ones. The call is allowed to fail.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/reboot.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define BATCHES 5               /* timed batches; the median is reported */
#define TIMEOUT_S 30            /* per benchmark, guest seconds */
#define TINY "/bench/tiny"
#define PAGE 4096

extern char **environ;

typedef uint64_t u64;

static u64 now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 1000000000ull + (u64)ts.tv_nsec;
}

/* One unbuffered line per call: output survives fork and crashes. */
static void out(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf - 1, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if (n > (int)sizeof buf - 2)
		n = sizeof buf - 2;
	buf[n++] = '\n';
	for (int off = 0; off < n;) {
		ssize_t w = write(1, buf + off, n - off);
		if (w <= 0)
			return;
		off += w;
	}
}

static const char *errname(int e)
{
	static const struct { int e; const char *n; } t[] = {
		{ ENOSYS, "ENOSYS" }, { EINVAL, "EINVAL" }, { ENOMEM, "ENOMEM" },
		{ EFAULT, "EFAULT" }, { EAGAIN, "EAGAIN" }, { ENOENT, "ENOENT" },
		{ ENOEXEC, "ENOEXEC" }, { EPERM, "EPERM" }, { ECHILD, "ECHILD" },
		{ EINTR, "EINTR" }, { EPIPE, "EPIPE" }, { EBADF, "EBADF" },
		{ EACCES, "EACCES" }, { E2BIG, "E2BIG" }, { EIO, "EIO" },
	};
	static char buf[16];
	for (unsigned i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].e == e)
			return t[i].n;
	snprintf(buf, sizeof buf, "errno%d", e);
	return buf;
}

/*
 * A batch function returns its figure (>= 0), or -errno on failure, or
 * FAIL_STATUS when a child did not exit with status 0 (fail_why says how).
 */
#define FAIL_STATUS (-10000.0)
/* A child whose execve failed exits with EXEC_FAIL + errno (errno < 105). */
#define EXEC_FAIL 150
#define exec_failed() _exit(errno > 0 && errno < 105 ? EXEC_FAIL + errno : EXEC_FAIL)
static char fail_why[96];

static double child_failed(int status)
{
	if (WIFSIGNALED(status))
		snprintf(fail_why, sizeof fail_why, "child killed by signal %d",
			 WTERMSIG(status));
	else if (WIFEXITED(status) && WEXITSTATUS(status) >= EXEC_FAIL)
		snprintf(fail_why, sizeof fail_why, "exec %s",
			 errname(WEXITSTATUS(status) - EXEC_FAIL));
	else
		snprintf(fail_why, sizeof fail_why, "child status 0x%x", status);
	return FAIL_STATUS;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void isort(double *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0 && cmp_double(&v[j - 1], &v[j]) > 0; j--) {
			double t = v[j];
			v[j] = v[j - 1];
			v[j - 1] = t;
		}
}

/* Warm-up, then BATCHES timed batches; print the median. */
static int report(const char *name, const char *unit,
		  double (*batch)(void *), void *arg)
{
	double v[BATCHES];
	for (int i = -1; i < BATCHES; i++) {
		double r = batch(arg);
		if (r < 0) {
			if (r == FAIL_STATUS)
				out("BENCHFAIL %s %s", name, fail_why);
			else
				out("BENCHFAIL %s %s", name, errname((int)-r));
			return -1;
		}
		if (i >= 0)
			v[i] = r;
	}
	isort(v, BATCHES);
	out("BENCH %s %.1f %s", name, v[BATCHES / 2], unit);
	return 0;
}

static int wait_ok(pid_t pid, double *fail)
{
	int st;
	pid_t r;
	do
		r = waitpid(pid, &st, 0);
	while (r < 0 && errno == EINTR);
	if (r < 0) {
		*fail = -errno;
		return 0;
	}
	if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		*fail = child_failed(st);
		return 0;
	}
	return 1;
}

static void *map_anon(size_t len)
{
	void *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	madvise(p, len, MADV_NOHUGEPAGE);       /* may fail; see above */
	return p;
}

static void touch(volatile char *p, size_t len)
{
	for (size_t off = 0; off < len; off += PAGE)
		p[off] = 1;
}

/* ---- syscall: getppid round trip ------------------------------------- */

#define SYSCALL_N 20000
static double b_syscall(void *a)
{
	(void)a;
	u64 t = now_ns();
	for (int i = 0; i < SYSCALL_N; i++)
		getppid();
	return (double)(now_ns() - t) / SYSCALL_N;
}

/* ---- fork_exit_wait ---------------------------------------------------- */

#define FORK_N 100
static double b_fork(void *a)
{
	(void)a;
	double fail;
	u64 t = now_ns();
	for (int i = 0; i < FORK_N; i++) {
		pid_t p = fork();
		if (p < 0)
			return -errno;
		if (p == 0)
			_exit(0);
		if (!wait_ok(p, &fail))
			return fail;
	}
	return (double)(now_ns() - t) / FORK_N / 1000.0;
}

/* ---- fork_exec_wait, vfork_exec_wait, spawn ---------------------------- */

#define EXEC_N 40
static char *const tiny_argv[] = { TINY, NULL };

static double b_fork_exec(void *a)
{
	(void)a;
	double fail;
	u64 t = now_ns();
	for (int i = 0; i < EXEC_N; i++) {
		pid_t p = fork();
		if (p < 0)
			return -errno;
		if (p == 0) {
			execve(TINY, tiny_argv, environ);
			exec_failed();
		}
		if (!wait_ok(p, &fail))
			return fail;
	}
	return (double)(now_ns() - t) / EXEC_N / 1000.0;
}

static double b_vfork_exec(void *a)
{
	(void)a;
	double fail;
	u64 t = now_ns();
	for (int i = 0; i < EXEC_N; i++) {
		pid_t p = vfork();
		if (p < 0)
			return -errno;
		if (p == 0) {
			execve(TINY, tiny_argv, environ);
			exec_failed();
		}
		if (!wait_ok(p, &fail))
			return fail;
	}
	return (double)(now_ns() - t) / EXEC_N / 1000.0;
}

static double b_spawn(void *a)
{
	(void)a;
	double fail;
	u64 t = now_ns();
	for (int i = 0; i < EXEC_N; i++) {
		pid_t p;
		int e = posix_spawn(&p, TINY, NULL, NULL, tiny_argv, environ);
		if (e)
			return -e;
		if (!wait_ok(p, &fail))
			return fail;
	}
	return (double)(now_ns() - t) / EXEC_N / 1000.0;
}

/* ---- ctxsw: ping-pong one byte over two pipes ------------------------ */

#define CTXSW_N 1000
struct pp { int to, from; };

static double b_ctxsw(void *a)
{
	struct pp *pp = a;
	char c = 'x';
	u64 t = now_ns();
	for (int i = 0; i < CTXSW_N; i++) {
		if (write(pp->to, &c, 1) != 1 || read(pp->from, &c, 1) != 1)
			return errno ? -errno : -EPIPE;
	}
	return (double)(now_ns() - t) / CTXSW_N / 1000.0;
}

static void run_ctxsw(void)
{
	int p1[2], p2[2];
	if (pipe(p1) || pipe(p2)) {
		out("BENCHFAIL ctxsw pipe %s", errname(errno));
		return;
	}
	pid_t p = fork();
	if (p < 0) {
		out("BENCHFAIL ctxsw fork %s", errname(errno));
		return;
	}
	if (p == 0) {
		char c;
		close(p1[1]);
		close(p2[0]);
		while (read(p1[0], &c, 1) == 1)
			if (write(p2[1], &c, 1) != 1)
				break;
		_exit(0);
	}
	close(p1[0]);
	close(p2[1]);
	struct pp pp = { p1[1], p2[0] };
	report("ctxsw", "us", b_ctxsw, &pp);
	close(p1[1]);
	close(p2[0]);
	waitpid(p, NULL, 0);
}

/* ---- pipe_bw: 64 KiB writes from a child, read by the parent ---------- */

#define PIPE_CHUNK (64 * 1024)
#define PIPE_BATCH (16u << 20)
static char pipe_buf[PIPE_CHUNK];

static double b_pipe_bw(void *a)
{
	int fd = *(int *)a;
	size_t got = 0;
	u64 t = now_ns();
	while (got < PIPE_BATCH) {
		ssize_t r = read(fd, pipe_buf, PIPE_CHUNK);
		if (r <= 0)
			return r < 0 ? -errno : -EPIPE;
		got += r;
	}
	u64 dt = now_ns() - t;
	return (double)got * 1000.0 / (double)dt;     /* bytes/ns*1000 = MB/s */
}

static void run_pipe_bw(void)
{
	int p[2];
	if (pipe(p)) {
		out("BENCHFAIL pipe_bw pipe %s", errname(errno));
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		out("BENCHFAIL pipe_bw fork %s", errname(errno));
		return;
	}
	if (pid == 0) {
		close(p[0]);
		memset(pipe_buf, 'p', sizeof pipe_buf);
		for (;;)        /* until the reader closes: EPIPE/SIGPIPE */
			if (write(p[1], pipe_buf, PIPE_CHUNK) < 0)
				_exit(0);
	}
	close(p[1]);
	report("pipe_bw", "MB/s", b_pipe_bw, &p[0]);
	close(p[0]);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}

/* ---- pagefault: first write to fresh anonymous pages ------------------ */

#define PF_LEN (8u << 20)
static double b_pagefault(void *a)
{
	(void)a;
	char *m = map_anon(PF_LEN);
	if (!m)
		return -errno;
	u64 t = now_ns();
	touch(m, PF_LEN);
	u64 dt = now_ns() - t;
	munmap(m, PF_LEN);
	return (double)dt / (PF_LEN / PAGE);
}

/* ---- cow_fault: the child writes pages its parent touched ------------- */

#define COW_LEN (4u << 20)
static double b_cow(void *a)
{
	(void)a;
	double fail;
	int p[2];
	char *m = map_anon(COW_LEN);
	if (!m)
		return -errno;
	touch(m, COW_LEN);
	if (pipe(p))
		return -errno;
	pid_t pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		u64 t = now_ns();
		touch(m, COW_LEN);
		u64 dt = now_ns() - t;
		_exit(write(p[1], &dt, sizeof dt) == sizeof dt ? 0 : 1);
	}
	u64 dt = 0;
	ssize_t r = read(p[0], &dt, sizeof dt);
	int e = errno;
	close(p[0]);
	close(p[1]);
	if (!wait_ok(pid, &fail))
		return fail;
	munmap(m, COW_LEN);
	if (r != sizeof dt)
		return r < 0 ? -e : -EPIPE;
	return (double)dt / (COW_LEN / PAGE);
}

/* ---- fork_scaling: fork+exit+wait with N MiB of touched memory -------- */

#define SCALE_N 10
static double b_fork_n(void *a)
{
	(void)a;
	double fail;
	u64 t = now_ns();
	for (int i = 0; i < SCALE_N; i++) {
		pid_t p = fork();
		if (p < 0)
			return -errno;
		if (p == 0)
			_exit(0);
		if (!wait_ok(p, &fail))
			return fail;
	}
	return (double)(now_ns() - t) / SCALE_N / 1000.0;
}

static void run_fork_scaling(int mib)
{
	char name[32];
	snprintf(name, sizeof name, "fork_scaling_%dM", mib);
	size_t len = (size_t)mib << 20;
	char *m = map_anon(len);
	if (!m) {
		out("BENCHFAIL %s mmap %s", name, errname(errno));
		return;
	}
	touch(m, len);
	report(name, "us", b_fork_n, NULL);
	munmap(m, len);
}

/* ---- thread_create: pthread_create + pthread_join --------------------- */

#define THREAD_N 50
static void *thread_fn(void *a)
{
	return a;
}

static double b_thread(void *a)
{
	(void)a;
	u64 t = now_ns();
	for (int i = 0; i < THREAD_N; i++) {
		pthread_t th;
		int e = pthread_create(&th, NULL, thread_fn, NULL);
		if (e)
			return -e;
		if ((e = pthread_join(th, NULL)))
			return -e;
	}
	return (double)(now_ns() - t) / THREAD_N / 1000.0;
}

/* ---- zombie_reap: fork 100 children that exit, then reap all ---------- */

#define ZOMBIE_N 100
static double b_zombie(void *a)
{
	(void)a;
	u64 t = now_ns();
	for (int i = 0; i < ZOMBIE_N; i++) {
		pid_t p = fork();
		if (p < 0)
			return -errno;
		if (p == 0)
			_exit(0);
	}
	for (int i = 0; i < ZOMBIE_N; i++) {
		int st;
		if (waitpid(-1, &st, 0) < 0) {
			if (errno == EINTR) {
				i--;
				continue;
			}
			return -errno;
		}
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
			return child_failed(st);
	}
	return (double)(now_ns() - t) / ZOMBIE_N / 1000.0;
}

/* ---- calibration: user-mode copies, the same work on either kernel ----
 * Not kernel benchmarks: they show what a 64 KiB copy costs on this QEMU
 * with `rep movsq` and with an unrolled 8-byte load/store loop, to read
 * pipe_bw, pagefault and cow_fault against (under -icount shift=0 the figure
 * is the instruction count; plain TCG shows the wall-clock cost). */

#define COPY_LEN (64 * 1024)
#define COPY_N 64
static u64 copy_src[COPY_LEN / 8], copy_dst[COPY_LEN / 8];

static void copy_rep(void *d, const void *s, size_t n)
{
	size_t words = n / 8;
	__asm__ volatile("rep movsq" : "+D"(d), "+S"(s), "+c"(words) : : "memory");
}

static void copy_loop(void *d, const void *s, size_t n)
{
	u64 *dp = d;
	const u64 *sp = s;
	for (size_t i = 0; i < n / 8; i += 8) {
		u64 a = sp[i], b = sp[i + 1], c = sp[i + 2], e = sp[i + 3];
		u64 f = sp[i + 4], g = sp[i + 5], h = sp[i + 6], k = sp[i + 7];
		__asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(e));
		dp[i] = a, dp[i + 1] = b, dp[i + 2] = c, dp[i + 3] = e;
		dp[i + 4] = f, dp[i + 5] = g, dp[i + 6] = h, dp[i + 7] = k;
	}
}

static double b_copy(void *a)
{
	void (*fn)(void *, const void *, size_t) = a;
	u64 t = now_ns();
	for (int i = 0; i < COPY_N; i++)
		fn(copy_dst, copy_src, COPY_LEN);
	u64 dt = now_ns() - t;
	return (double)COPY_LEN * COPY_N * 1000.0 / (double)dt;
}

static void run_copy_rep(void) { report("user_copy_rep_movsq", "MB/s", b_copy, (void *)copy_rep); }
static void run_copy_loop(void) { report("user_copy_loop", "MB/s", b_copy, (void *)copy_loop); }

/* ---- the table of benchmarks ------------------------------------------ */

static void run_syscall(void) { report("syscall", "ns", b_syscall, NULL); }
static void run_fork(void) { report("fork_exit_wait", "us", b_fork, NULL); }
static void run_fork_exec(void) { report("fork_exec_wait", "us", b_fork_exec, NULL); }
static void run_vfork_exec(void) { report("vfork_exec_wait", "us", b_vfork_exec, NULL); }
static void run_spawn(void) { report("spawn", "us", b_spawn, NULL); }
static void run_pagefault(void) { report("pagefault", "ns", b_pagefault, NULL); }
static void run_cow(void) { report("cow_fault", "ns", b_cow, NULL); }
static void run_fs1(void) { run_fork_scaling(1); }
static void run_fs16(void) { run_fork_scaling(16); }
static void run_fs64(void) { run_fork_scaling(64); }
static void run_thread(void) { report("thread_create", "us", b_thread, NULL); }
static void run_zombie(void) { report("zombie_reap", "us", b_zombie, NULL); }

static const struct { const char *name; void (*fn)(void); } benches[] = {
	{ "syscall", run_syscall },
	{ "fork_exit_wait", run_fork },
	{ "fork_exec_wait", run_fork_exec },
	{ "vfork_exec_wait", run_vfork_exec },
	{ "spawn", run_spawn },
	{ "ctxsw", run_ctxsw },
	{ "pipe_bw", run_pipe_bw },
	{ "pagefault", run_pagefault },
	{ "cow_fault", run_cow },
	{ "fork_scaling_1M", run_fs1 },
	{ "fork_scaling_16M", run_fs16 },
	{ "fork_scaling_64M", run_fs64 },
	{ "thread_create", run_thread },
	{ "zombie_reap", run_zombie },
	{ "user_copy_rep_movsq", run_copy_rep },
	{ "user_copy_loop", run_copy_loop },
};

/* ---- the harness: each benchmark in a child, with a timeout ----------- */

static volatile sig_atomic_t alarmed;
static void on_alarm(int s)
{
	(void)s;
	alarmed = 1;
}

/* Reap orphans re-parented to us (PID 1) by a killed benchmark. */
static void reap_orphans(void)
{
	while (waitpid(-1, NULL, WNOHANG) > 0)
		;
}

/* Wait for pid for up to TIMEOUT_S; 1 and *st on exit, 0 on timeout. */
static int wait_timeout(pid_t pid, int *st)
{
	struct itimerval it = { { 0, 0 }, { TIMEOUT_S, 0 } };
	alarmed = 0;
	if (setitimer(ITIMER_REAL, &it, NULL) == 0) {
		for (;;) {
			pid_t r = waitpid(pid, st, 0);
			if (r == pid) {
				struct itimerval z = { { 0, 0 }, { 0, 0 } };
				setitimer(ITIMER_REAL, &z, NULL);
				return 1;
			}
			if (r < 0 && errno != EINTR)
				return -1;
			if (alarmed)
				return 0;
		}
	}
	/* No interval timer: poll. */
	u64 deadline = now_ns() + (u64)TIMEOUT_S * 1000000000ull;
	struct timespec ten_ms = { 0, 10000000 };
	for (;;) {
		pid_t r = waitpid(pid, st, WNOHANG);
		if (r == pid)
			return 1;
		if (r < 0 && errno != EINTR)
			return -1;
		if (now_ns() > deadline)
			return 0;
		if (nanosleep(&ten_ms, NULL) < 0 && errno == ENOSYS)
			sched_yield();
	}
}

static int no_fork;

static void run_one(int i)
{
	const char *name = benches[i].name;
	out("BENCH-BEGIN %s", name);
	if (no_fork) {
		benches[i].fn();
		return;
	}
	pid_t pid = fork();
	if (pid < 0) {
		out("BENCHNOTE fork failed (%s): running the rest in-process",
		    errname(errno));
		no_fork = 1;
		benches[i].fn();
		return;
	}
	if (pid == 0) {
		setpgid(0, 0);
		signal(SIGALRM, SIG_DFL);
		benches[i].fn();
		_exit(0);
	}
	setpgid(pid, pid);              /* either side may win the race */
	int st = 0;
	int r = wait_timeout(pid, &st);
	if (r == 0) {
		kill(-pid, SIGKILL);
		kill(pid, SIGKILL);
		waitpid(pid, &st, 0);
		out("BENCHFAIL %s timeout after %d s", name, TIMEOUT_S);
	} else if (r < 0) {
		out("BENCHFAIL %s waitpid %s", name, errname(errno));
	} else if (WIFSIGNALED(st)) {
		out("BENCHFAIL %s crashed (signal %d)", name, WTERMSIG(st));
	} else if (WEXITSTATUS(st) != 0) {
		out("BENCHFAIL %s exit status %d", name, WEXITSTATUS(st));
	}
	kill(-pid, SIGKILL);            /* leftovers of its process group */
	reap_orphans();
}

int main(int argc, char **argv)
{
	struct timespec mono, boot;
	int rm = clock_gettime(CLOCK_MONOTONIC, &mono);
	int rb = clock_gettime(CLOCK_BOOTTIME, &boot);
	struct utsname u;
	if (uname(&u) < 0)
		strcpy(u.sysname, "?"), strcpy(u.release, "?");
	out("BENCH-INIT %s %s", u.sysname, u.release);
	if (rm == 0)
		out("BENCH boot_init_mono %.1f ms",
		    mono.tv_sec * 1e3 + mono.tv_nsec / 1e6);
	else
		out("BENCHFAIL boot_init_mono %s", errname(errno));
	if (rb == 0)
		out("BENCH boot_init_boottime %.1f ms",
		    boot.tv_sec * 1e3 + boot.tv_nsec / 1e6);

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_alarm;       /* no SA_RESTART: interrupt waitpid */
	sigaction(SIGALRM, &sa, NULL);

	/* bench NAME...: run only those (for use from a shell). */
	int n = sizeof benches / sizeof benches[0];
	for (int i = 0; i < n; i++) {
		int want = argc < 2;
		for (int j = 1; j < argc; j++)
			if (!strcmp(argv[j], benches[i].name))
				want = 1;
		if (want)
			run_one(i);
	}
	out("BENCH-DONE");
	if (getpid() == 1) {
		sync();
		reboot(RB_POWER_OFF);
		out("BENCHNOTE reboot: %s", errname(errno));
		for (;;)
			pause();
	}
	return 0;
}
