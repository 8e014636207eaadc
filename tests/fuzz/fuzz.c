/*
 * fuzz: the in-guest syscall fuzzer.  It runs as /init (PID 1) of its own
 * initramfs (mk/fuzz.mk) and is an ordinary static musl program: the kernel
 * sees nothing but system calls.
 *
 * PID 1 is the supervisor.  It runs rounds: each round forks WORKERS worker
 * processes, each seeded from (master seed, worker index) and issuing random
 * system calls with random and adversarial arguments (NULL, kernel-half and
 * non-canonical addresses, unmapped, read-only, misaligned and
 * page-straddling buffers, huge lengths, invalid flags, fds and pids),
 * biased towards the calls Tine implements and towards sequences: the fds,
 * mappings and children that calls return feed later calls, and a fork
 * makes a child that goes on fuzzing.  At the end of a round a sweeper
 * child calls kill(-1, SIGKILL) (everything but init and itself), the
 * supervisor reaps every process, removes /tmp/fz and checks invariants:
 * every process is reaped, its own private memory (a canary the workers
 * inherited copy-on-write and scribble over) is intact, a pipe still works,
 * and, on Tine, the live processes and open files (procfs) are back to
 * their values before the first round.
 *
 * Workers never target PID 1 (no kill(-1), no signals, rlimits or
 * priorities aimed at pid 1 or at init's group, no reboot with the right
 * magic), never write outside /tmp/fz, and run with fds 0-2 on /dev/null.
 * A worker dying of a signal is fine; a kernel panic, a hang (no progress
 * line for a while: the host side's watchdog) or a broken invariant fails.
 *
 * Parameters come from the kernel command line (the kernel hands unknown
 * key=value words to init as environment variables):
 *   fuzz_seconds=N  run time (default 60)   fuzz_seed=S   master seed
 *   fuzz_workers=N  workers per round (8)   fuzz_calls=N  calls per worker
 *   fuzz_only=I     run only worker I (replay; with trace=syscall on Tine)
 * Worker I of seed S issues the same calls whenever it is replayed alone,
 * up to the effects of other processes and timing.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/io.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef uint64_t u64;

/* ---- raw system calls (no errno, no TLS: a worker may break its TLS) ---- */

static long rawsys(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;
	__asm__ volatile("syscall"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* The same, but a child (return 0) exits at once without touching memory:
 * for vfork and clone(CLONE_VM), whose child runs on the parent's stack. */
static long rawsys_child_exits(long n, long a, long b, long c, long d, long e, long f)
{
	register long r10 __asm__("r10") = d;
	register long r8 __asm__("r8") = e;
	register long r9 __asm__("r9") = f;
	long ret;
	__asm__ volatile("syscall\n\t"
			 "test %%rax, %%rax\n\t"
			 "jnz 1f\n\t"
			 "mov $60, %%eax\n\t"
			 "xor %%edi, %%edi\n\t"
			 "syscall\n\t"
			 "ud2\n"
			 "1:"
			 : "=a"(ret)
			 : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
			 : "rcx", "r11", "memory");
	return ret;
}

/* ---- the random generator (splitmix64: tiny, and any seed is fine) ---- */

static u64 rng_state;

static u64 rnd(void)
{
	u64 z = (rng_state += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

static u64 below(u64 n) { return n ? rnd() % n : 0; }
static int chance(int percent) { return (int)below(100) < percent; }
#define PICK(arr) ((arr)[below(sizeof(arr) / sizeof((arr)[0]))])

/* ---- counters shared by every process (MAP_SHARED, made before forking) ---- */

#define NSLOT 512

struct shared {
	u64 calls[NSLOT];		/* issued, by syscall number */
	u64 reached[NSLOT];		/* returned anything but -ENOSYS */
	u64 forks;			/* children that went on fuzzing */
};

static struct shared *sh;

/* ---- argument kinds ---- */

enum kind {
	K_0, K_INT, K_FD, K_DIRFD, K_IN, K_OUT, K_LEN, K_PATH, K_WPATH,
	K_FLAGS, K_MODE, K_PID, K_SIG, K_ADDR, K_IOV, K_TS, K_OFF, K_ID,
	K_SMALL, K_SIGSET, K_STR, K_FLOCK,
};

struct call {
	int nr;
	const char *name;
	int weight;
	unsigned char k[6];
};

#define C(nr, name, w, ...) { nr, name, w, { __VA_ARGS__ } }

/* Linux x86-64 numbers; the calls Tine implements (syscall_table.c). */
static const struct call calls[] = {
	C(0, "read", 8, K_FD, K_OUT, K_LEN),
	C(1, "write", 8, K_FD, K_IN, K_LEN),
	C(2, "open", 6, K_PATH, K_FLAGS, K_MODE),
	C(3, "close", 6, K_FD),
	C(4, "stat", 3, K_PATH, K_OUT),
	C(5, "fstat", 3, K_FD, K_OUT),
	C(6, "lstat", 2, K_PATH, K_OUT),
	C(7, "poll", 3, K_IN, K_SMALL, K_SMALL),
	C(8, "lseek", 3, K_FD, K_OFF, K_SMALL),
	C(9, "mmap", 6, K_ADDR, K_LEN, K_FLAGS, K_FLAGS, K_FD, K_OFF),
	C(10, "mprotect", 4, K_ADDR, K_LEN, K_FLAGS),
	C(11, "munmap", 3, K_ADDR, K_LEN),
	C(12, "brk", 3, K_ADDR),
	C(13, "rt_sigaction", 3, K_SIG, K_IN, K_OUT, K_SIGSET),
	C(14, "rt_sigprocmask", 3, K_SMALL, K_IN, K_OUT, K_SIGSET),
	C(16, "ioctl", 4, K_FD, K_INT, K_OUT),
	C(17, "pread64", 3, K_FD, K_OUT, K_LEN, K_OFF),
	C(18, "pwrite64", 3, K_FD, K_IN, K_LEN, K_OFF),
	C(19, "readv", 3, K_FD, K_IOV, K_SMALL),
	C(20, "writev", 3, K_FD, K_IOV, K_SMALL),
	C(21, "access", 2, K_PATH, K_SMALL),
	C(22, "pipe", 3, K_OUT),
	C(23, "select", 2, K_SMALL, K_IN, K_IN, K_IN, K_TS),
	C(24, "sched_yield", 1, K_0),
	C(25, "mremap", 3, K_ADDR, K_LEN, K_LEN, K_FLAGS, K_ADDR),
	C(27, "mincore", 2, K_ADDR, K_LEN, K_OUT),
	C(28, "madvise", 2, K_ADDR, K_LEN, K_SMALL),
	C(32, "dup", 4, K_FD),
	C(33, "dup2", 3, K_FD, K_FD),
	C(34, "pause", 0, K_0),
	C(35, "nanosleep", 1, K_TS, K_OUT),
	C(36, "getitimer", 1, K_SMALL, K_OUT),
	C(37, "alarm", 1, K_SMALL),
	C(38, "setitimer", 1, K_SMALL, K_TS, K_OUT),
	C(39, "getpid", 1, K_0),
	C(56, "clone", 3, K_FLAGS, K_ADDR, K_OUT, K_OUT, K_INT),
	C(57, "fork", 3, K_0),
	C(58, "vfork", 2, K_0),
	C(59, "execve", 3, K_PATH, K_IN, K_IN),
	C(60, "exit", 0, K_INT),
	C(61, "wait4", 3, K_PID, K_OUT, K_FLAGS, K_OUT),
	C(62, "kill", 3, K_PID, K_SIG),
	C(63, "uname", 1, K_OUT),
	C(72, "fcntl", 5, K_FD, K_SMALL, K_FLOCK),
	C(74, "fsync", 1, K_FD),
	C(75, "fdatasync", 1, K_FD),
	C(76, "truncate", 2, K_WPATH, K_OFF),
	C(77, "ftruncate", 3, K_FD, K_OFF),
	C(79, "getcwd", 2, K_OUT, K_LEN),
	C(80, "chdir", 2, K_PATH),
	C(81, "fchdir", 2, K_FD),
	C(82, "rename", 3, K_WPATH, K_WPATH),
	C(83, "mkdir", 3, K_WPATH, K_MODE),
	C(84, "rmdir", 2, K_WPATH),
	C(85, "creat", 2, K_WPATH, K_MODE),
	C(86, "link", 2, K_WPATH, K_WPATH),
	C(87, "unlink", 3, K_WPATH),
	C(88, "symlink", 2, K_WPATH, K_WPATH),
	C(89, "readlink", 2, K_PATH, K_OUT, K_LEN),
	C(90, "chmod", 2, K_WPATH, K_MODE),
	C(91, "fchmod", 2, K_FD, K_MODE),
	C(92, "chown", 1, K_WPATH, K_ID, K_ID),
	C(93, "fchown", 1, K_FD, K_ID, K_ID),
	C(94, "lchown", 1, K_WPATH, K_ID, K_ID),
	C(95, "umask", 1, K_MODE),
	C(96, "gettimeofday", 1, K_OUT, K_OUT),
	C(97, "getrlimit", 1, K_SMALL, K_OUT),
	C(98, "getrusage", 1, K_INT, K_OUT),
	C(99, "sysinfo", 1, K_OUT),
	C(100, "times", 1, K_OUT),
	C(102, "getuid", 1, K_0),
	C(104, "getgid", 1, K_0),
	C(105, "setuid", 1, K_ID),
	C(106, "setgid", 1, K_ID),
	C(107, "geteuid", 1, K_0),
	C(108, "getegid", 1, K_0),
	C(109, "setpgid", 2, K_PID, K_PID),
	C(110, "getppid", 1, K_0),
	C(111, "getpgrp", 1, K_0),
	C(112, "setsid", 1, K_0),
	C(113, "setreuid", 1, K_ID, K_ID),
	C(114, "setregid", 1, K_ID, K_ID),
	C(115, "getgroups", 1, K_SMALL, K_OUT),
	C(116, "setgroups", 1, K_SMALL, K_IN),
	C(117, "setresuid", 1, K_ID, K_ID, K_ID),
	C(118, "getresuid", 1, K_OUT, K_OUT, K_OUT),
	C(119, "setresgid", 1, K_ID, K_ID, K_ID),
	C(120, "getresgid", 1, K_OUT, K_OUT, K_OUT),
	C(121, "getpgid", 1, K_PID),
	C(124, "getsid", 1, K_PID),
	C(127, "rt_sigpending", 1, K_OUT, K_SIGSET),
	C(128, "rt_sigtimedwait", 1, K_IN, K_OUT, K_TS, K_SIGSET),
	C(129, "rt_sigqueueinfo", 1, K_PID, K_SIG, K_IN),
	C(130, "rt_sigsuspend", 0, K_IN, K_SIGSET),
	C(131, "sigaltstack", 2, K_IN, K_OUT),
	C(133, "mknod", 1, K_WPATH, K_MODE, K_INT),
	C(140, "getpriority", 1, K_SMALL, K_PID),
	C(141, "setpriority", 1, K_SMALL, K_PID, K_INT),
	C(157, "prctl", 2, K_SMALL, K_INT, K_IN, K_INT, K_INT),
	C(158, "arch_prctl", 1, K_INT, K_ADDR),
	C(160, "setrlimit", 1, K_SMALL, K_IN),
	C(162, "sync", 1, K_0),
	C(165, "mount", 2, K_WPATH, K_WPATH, K_STR, K_FLAGS, K_IN),
	C(166, "umount2", 2, K_WPATH, K_FLAGS),
	C(169, "reboot", 1, K_INT, K_INT, K_INT, K_IN),
	C(172, "iopl", 1, K_SMALL),
	C(186, "gettid", 1, K_0),
	C(200, "tkill", 1, K_PID, K_SIG),
	C(201, "time", 1, K_OUT),
	C(202, "futex", 3, K_ADDR, K_SMALL, K_INT, K_TS, K_ADDR, K_INT),
	C(203, "sched_setaffinity", 1, K_PID, K_LEN, K_IN),
	C(204, "sched_getaffinity", 1, K_PID, K_LEN, K_OUT),
	C(217, "getdents64", 3, K_FD, K_OUT, K_LEN),
	C(218, "set_tid_address", 1, K_ADDR),
	C(228, "clock_gettime", 1, K_SMALL, K_OUT),
	C(229, "clock_getres", 1, K_SMALL, K_OUT),
	C(230, "clock_nanosleep", 1, K_SMALL, K_FLAGS, K_TS, K_OUT),
	C(231, "exit_group", 0, K_INT),
	C(234, "tgkill", 1, K_PID, K_PID, K_SIG),
	C(247, "waitid", 2, K_SMALL, K_PID, K_OUT, K_FLAGS, K_OUT),
	C(257, "openat", 6, K_DIRFD, K_PATH, K_FLAGS, K_MODE),
	C(258, "mkdirat", 2, K_DIRFD, K_WPATH, K_MODE),
	C(259, "mknodat", 1, K_DIRFD, K_WPATH, K_MODE, K_INT),
	C(260, "fchownat", 1, K_DIRFD, K_WPATH, K_ID, K_ID, K_FLAGS),
	C(262, "newfstatat", 3, K_DIRFD, K_PATH, K_OUT, K_FLAGS),
	C(263, "unlinkat", 2, K_DIRFD, K_WPATH, K_FLAGS),
	C(264, "renameat", 2, K_DIRFD, K_WPATH, K_DIRFD, K_WPATH),
	C(265, "linkat", 1, K_DIRFD, K_WPATH, K_DIRFD, K_WPATH, K_FLAGS),
	C(266, "symlinkat", 1, K_WPATH, K_DIRFD, K_WPATH),
	C(267, "readlinkat", 1, K_DIRFD, K_PATH, K_OUT, K_LEN),
	C(268, "fchmodat", 1, K_DIRFD, K_WPATH, K_MODE),
	C(269, "faccessat", 1, K_DIRFD, K_PATH, K_SMALL),
	C(270, "pselect6", 1, K_SMALL, K_IN, K_IN, K_IN, K_TS, K_IN),
	C(271, "ppoll", 1, K_IN, K_SMALL, K_TS, K_IN, K_SIGSET),
	C(273, "set_robust_list", 1, K_ADDR, K_LEN),
	C(274, "get_robust_list", 1, K_PID, K_OUT, K_OUT),
	C(280, "utimensat", 1, K_DIRFD, K_WPATH, K_IN, K_FLAGS),
	C(292, "dup3", 2, K_FD, K_FD, K_FLAGS),
	C(293, "pipe2", 3, K_OUT, K_FLAGS),
	C(295, "preadv", 1, K_FD, K_IOV, K_SMALL, K_OFF),
	C(296, "pwritev", 1, K_FD, K_IOV, K_SMALL, K_OFF),
	C(297, "rt_tgsigqueueinfo", 1, K_PID, K_PID, K_SIG, K_IN),
	C(302, "prlimit64", 2, K_PID, K_SMALL, K_IN, K_OUT),
	C(306, "syncfs", 1, K_FD),
	C(316, "renameat2", 1, K_DIRFD, K_WPATH, K_DIRFD, K_WPATH, K_FLAGS),
	C(318, "getrandom", 2, K_OUT, K_LEN, K_FLAGS),
	C(332, "statx", 2, K_DIRFD, K_PATH, K_FLAGS, K_INT, K_OUT),
	C(435, "clone3", 1, K_IN, K_LEN),
	C(436, "close_range", 1, K_FD, K_FD, K_FLAGS),
	C(439, "faccessat2", 1, K_DIRFD, K_PATH, K_SMALL, K_FLAGS),
	/* never implemented anywhere: the ENOSYS path */
	C(1000, "nr1000", 1, K_INT, K_INT),
};

#define NCALLS ((int)(sizeof(calls) / sizeof(calls[0])))

/* ---- a worker's resources: fds, mappings, children, buffers ---- */

#define PG 4096UL
#define ARENA_PAGES 16

static char *arena;		/* RW pages, except: */
static char *guard;		/* arena + 8 pages: PROT_NONE, for straddling */
static char *rdonly;		/* arena + 9 pages: read-only */
static char *hole;		/* an address that was mapped and is not */

static int fds[64], nfds;
static u64 maps[32];
static int nmaps;
static int kids[32], nkids;
static int depth;
static long budget;

static void add_fd(long fd)
{
	if (fd < 0 || fd > 100000)
		return;
	if (nfds < 64)
		fds[nfds++] = (int)fd;
	else
		fds[below(64)] = (int)fd;
}

static const u64 kernel_addrs[] = {
	0xffff800000000000ULL, 0xffffffff80000000ULL, 0xffff888000000000ULL,
	0xffffffff81000000ULL, 0xfffffffffffff000ULL, 0x8000000000000000ULL,
	0x0000800000000000ULL, 0x00007ffffffff000ULL, 0xffffffffffffffffULL,
};

/* A pointer the kernel is to read from or write to. */
static u64 any_ptr(int out)
{
	switch (below(12)) {
	case 0: return 0;
	case 1: return PICK(kernel_addrs);
	case 2: return (u64)hole + below(PG);
	case 3: return (u64)guard - 1 - below(64);	/* runs into PROT_NONE */
	case 4: return out ? (u64)rdonly : (u64)arena + 1 + below(7);
	case 5: return (u64)arena + 1 + below(7);	/* misaligned */
	case 6: return nmaps ? maps[below(nmaps)] + below(2) * 8 : (u64)arena;
	case 7: return rnd();
	default: return (u64)arena + below(7 * PG) / 8 * 8;
	}
}

static u64 any_len(void)
{
	static const u64 lens[] = {
		0, 1, 7, 8, 64, 255, 256, 4095, 4096, 4097, 8192, 65536,
		1UL << 20, 0x7fffffff, 0x80000000, 0xffffffff, 1UL << 40,
		0x7fffffffffffffffULL, 0xffffffffffffffffULL, 0xfffffffffffff000ULL,
	};
	return chance(60) ? below(2 * PG) : PICK(lens);
}

static u64 any_int(void)
{
	static const u64 ints[] = {
		0, 1, 2, 3, 0xffffffffffffffffULL, 0x7fffffff, 0x80000000,
		0xffffffff, 0x80000000ULL << 32, 0x7fffffffffffffffULL, 4096, 255, 256,
	};
	return chance(50) ? below(64) : chance(50) ? PICK(ints) : rnd();
}

static u64 any_fd(void)
{
	static const u64 bad[] = {
		(u64)-1, (u64)-100, 1023, 1024, 65535, 0x7fffffff, 0x80000000,
		0xffffffff, 0x100000000ULL, 3, 0, 1, 2,
	};
	if (nfds && chance(85))
		return (u64)fds[below(nfds)];
	return PICK(bad);
}

/* A path anyone may read; an absolute pool plus pathological strings. */
static char longpath[8192], longname[512];

static u64 any_path(void)
{
	static const char *const paths[] = {
		"/", "/init", "/dev/null", "/dev/zero", "/dev", "/tmp", "/tmp/fz",
		"/nonexistent", "/nonexistent/x", "", ".", "..", "/tmp/fz/../..",
		"/init/x", "/dev/null/", "///tmp//fz/./", "/proc/self/maps",
		"/proc/self/fd/3", "/bin/busybox", "/proc", "/sys",
	};
	switch (below(10)) {
	case 0: return any_ptr(0);
	case 1: return (u64)(chance(50) ? longpath : longname);
	case 2: case 3: case 4: return (u64)PICK(paths);
	default: return 0;	/* caller picks a writable one */
	}
}

/* Paths under /tmp/fz (relative ones resolve in the worker's directory,
 * /tmp/fz/wN, or in a directory fd, which is never a system directory
 * for the creating calls' sake: see any_dirfd). */
static u64 any_wpath(void)
{
	static const char *const w[] = {
		"a", "b", "d", "d/a", "d/b", "d/d", "d/d/a", "l", "d/l",
		"/tmp/fz/a", "/tmp/fz/d", "/tmp/fz/d/a", "/tmp/fz/l", "../x",
		"fifo", "d/fifo", "./a", "d/../b", "a/", "d/", ".", "..",
	};
	if (chance(10))
		return chance(50) ? any_ptr(0) : (u64)longname;
	return (u64)PICK(w);
}

static const char *const fz_paths[] = {
	"/tmp/fz/a", "/tmp/fz/b", "/tmp/fz/d", "/tmp/fz/d/a", "/tmp/fz/d/b",
	"/tmp/fz/d/d", "/tmp/fz/d/d/a", "/tmp/fz/l", "/tmp/fz/d/l",
	"/tmp/fz/fifo", "/tmp/fz/d/fifo", "/tmp/fz",
};

static u64 any_fz_path(void)
{
	return chance(5) ? any_ptr(0) : (u64)PICK(fz_paths);
}

static int dirfds[8], ndirfds;

static u64 any_dirfd(int writable)
{
	if (chance(40))
		return (u64)AT_FDCWD;
	if (ndirfds && chance(70))
		return (u64)dirfds[below(ndirfds)];
	return writable ? (u64)AT_FDCWD : any_fd();
}

static u64 any_addr(void)
{
	switch (below(8)) {
	case 0: return 0;
	case 1: return PICK(kernel_addrs);
	case 2: return (u64)hole;
	case 3: return nmaps ? maps[below(nmaps)] : (u64)arena;
	case 4: return nmaps ? maps[below(nmaps)] + below(4) * PG : (u64)hole;
	case 5: return (u64)arena + below(ARENA_PAGES) * PG + (chance(30) ? below(PG) : 0);
	case 6: return 0x10000000ULL + below(1 << 16) * PG;
	default: return rnd() & ~(chance(80) ? PG - 1 : 0);
	}
}

static int self_pid, self_pgrp;

/* Never 1, -1, 0 (before setsid: init's group) or -(init's pgrp). */
static u64 any_pid(void)
{
	long p;
	switch (below(8)) {
	case 0: p = self_pid; break;
	case 1: p = nkids ? kids[below(nkids)] : 99999; break;
	case 2: p = nkids ? -kids[below(nkids)] : -self_pgrp; break;
	case 3: p = -self_pgrp; break;
	case 4: p = 0; break;
	case 5: p = 0x7fffffff; break;
	case 6: p = (long)(int)0x80000000; break;
	default: p = 2 + below(400); break;
	}
	if (p == 1 || p == -1 || p == -(long)(int)0x80000000)
		p = self_pid;
	return (u64)p;
}

/* A buffer pointer, filled with a structure worth parsing. */
static u64 fill_iov(void)
{
	struct { u64 base, len; } *iov = (void *)(arena + 6 * PG);
	int n = 1 + below(8);
	for (int i = 0; i < n; i++) {
		iov[i].base = chance(70) ? (u64)arena + below(4 * PG) : any_ptr(1);
		iov[i].len = chance(70) ? below(PG) : any_len();
	}
	return chance(85) ? (u64)iov : any_ptr(0);
}

/*
 * fcntl's third argument: an int, or (for the record-lock commands) a
 * struct flock that is usually valid, with small ranges so that the
 * workers' locks on the files under /tmp/fz meet and conflict.
 */
static u64 fill_flock(void)
{
	struct { short type, whence; long start, len; int pid; } *l =
		(void *)(arena + 7 * PG - 128);
	l->type = chance(90) ? (short)below(3) : (short)any_int();
	l->whence = chance(90) ? (short)below(3) : (short)any_int();
	l->start = chance(90) ? (long)below(64) : (long)any_int();
	l->len = chance(80) ? (long)below(64) : chance(50) ? -(long)below(8) : (long)any_int();
	l->pid = 0;
	return chance(50) ? any_int() : chance(90) ? (u64)l : any_ptr(0);
}

static u64 fill_ts(void)
{
	long *ts = (long *)(arena + 7 * PG - 64);
	ts[0] = chance(90) ? 0 : (long)any_int();
	ts[1] = chance(80) ? (long)below(2000000) : (long)any_int();
	ts[2] = 0;
	ts[3] = (long)below(1000);
	return chance(80) ? (u64)ts : chance(50) ? 0 : any_ptr(0);
}

static void scribble(void)
{
	u64 *p = (u64 *)(arena + below(6) * PG);
	for (int i = 0; i < 64; i++)
		p[i] = chance(50) ? below(64) : rnd();
}

static u64 arg_of(int kind, int nr)
{
	switch (kind) {
	case K_INT: return any_int();
	case K_FD: return any_fd();
	case K_DIRFD: return any_dirfd(0);
	case K_IN: scribble(); return any_ptr(0);
	case K_OUT: return any_ptr(1);
	case K_LEN: return any_len();
	case K_PATH: { u64 p = any_path(); return p ? p : any_wpath(); }
	case K_WPATH: return any_wpath();
	case K_FLAGS: return chance(50) ? below(1 << 12) : chance(50) ? any_int() : rnd();
	case K_MODE: return chance(80) ? below(010000) : rnd();
	case K_PID: return any_pid();
	case K_SIG: return chance(90) ? below(66) : any_int();
	case K_ADDR: return any_addr();
	case K_IOV: return fill_iov();
	case K_TS: return fill_ts();
	case K_OFF: return chance(60) ? below(3 * PG) : chance(50) ? any_len() : -(u64)below(PG);
	case K_ID: return chance(50) ? below(4) * 1000 : chance(50) ? (u64)-1 : rnd() & 0xffffffff;
	case K_SMALL: return chance(85) ? below(8) : any_int();
	case K_SIGSET: return chance(80) ? 8 : any_len();
	case K_FLOCK: return fill_flock();
	case K_STR: {
		static const char *const fs[] = { "tmpfs", "ramfs", "proc", "bogus", "" };
		return chance(85) ? (u64)PICK(fs) : any_ptr(0);
	}
	default: (void)nr; return 0;
	}
}

/* ---- making one call ---- */

static const struct call *pick_call(void)
{
	static int total;
	if (!total)
		for (int i = 0; i < NCALLS; i++)
			total += calls[i].weight;
	int w = (int)below(total);
	for (int i = 0; i < NCALLS; i++) {
		w -= calls[i].weight;
		if (w < 0)
			return &calls[i];
	}
	return &calls[0];
}

/* Arguments that would hit init or end the run legitimately: rewrite. */
static void make_safe(int nr, u64 *a)
{
	switch (nr) {
	case 2:		/* open: writing opens only under /tmp/fz */
		if (a[1] & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND))
			a[0] = any_wpath();
		break;
	case 257:	/* openat: the same, relative to a safe directory */
		if (a[2] & (O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND)) {
			a[0] = any_dirfd(1);
			a[1] = any_wpath();
		}
		break;
	case 258: case 259: case 260: case 263: case 268: case 280:
		a[0] = any_dirfd(1);
		break;
	case 264: case 265: case 316:
		a[0] = any_dirfd(1);
		a[2] = any_dirfd(1);
		break;
	case 266:
		a[1] = any_dirfd(1);
		break;
	case 165:	/* mount: never MS_BIND/MS_MOVE of a system tree, and
			 * only on absolute paths under /tmp/fz (a worker's cwd may
			 * be anywhere: mounting on ".." could cover /tmp or /) */
		a[3] &= ~(u64)(MS_BIND | MS_MOVE | MS_REMOUNT);
		a[1] = any_fz_path();
		break;
	case 166:
		a[0] = any_fz_path();
		break;
	case 169:	/* reboot: never the right first magic */
		if ((unsigned)a[0] == 0xfee1dead)
			a[0] = 0;
		break;
	case 13:	/* rt_sigaction: leave SIGKILL-able, keep handlers odd */
		break;
	case 59:	/* execve: argv/envp mostly NULL-terminated garbage */
		if (chance(50)) {
			u64 *v = (u64 *)(arena + 5 * PG);
			for (int i = 0; i < 4; i++)
				v[i] = chance(70) ? (u64)"x" : any_ptr(0);
			v[4] = 0;
			a[1] = (u64)v;
		}
		if (a[0] == (u64)"/init")
			a[0] = (u64)"/nonexistent";
		break;
	}
}

static void record(int nr, long ret)
{
	int slot = nr >= 0 && nr < NSLOT ? nr : NSLOT - 1;
	if (ret != -ENOSYS)
		__atomic_fetch_add(&sh->reached[slot], 1, __ATOMIC_RELAXED);
}

static void fuzz_loop(void);

/* A fork-like call returned: the child fuzzes on (a little), the parent
 * remembers it. */
static void after_fork(long ret)
{
	if (ret > 0) {
		if (nkids < 32)
			kids[nkids++] = (int)ret;
		return;
	}
	if (ret == 0) {
		__atomic_fetch_add(&sh->forks, 1, __ATOMIC_RELAXED);
		self_pid = (int)rawsys(SYS_getpid, 0, 0, 0, 0, 0, 0);
		nkids = 0;
		depth++;
		budget /= 2;
		rng_state ^= (u64)self_pid << 32;
		fuzz_loop();
		rawsys(SYS_exit_group, 0, 0, 0, 0, 0, 0);
	}
}

static void one_call(void)
{
	const struct call *c = pick_call();
	u64 a[6];
	long ret;

	for (int i = 0; i < 6; i++)
		a[i] = arg_of(c->k[i], c->nr);
	make_safe(c->nr, a);
	__atomic_fetch_add(&sh->calls[c->nr < NSLOT ? c->nr : NSLOT - 1], 1,
			   __ATOMIC_RELAXED);

	switch (c->nr) {
	case 57:	/* fork */
		if (depth >= 3 || nkids >= 8)
			return;
		ret = rawsys(c->nr, 0, 0, 0, 0, 0, 0);
		record(c->nr, ret);
		after_fork(ret);
		return;
	case 56:	/* clone: without CLONE_VM the child can run on */
		if (depth >= 3 || nkids >= 8)
			return;
		if (!(a[0] & CLONE_VM) && chance(70)) {
			a[0] = (a[0] & ~(u64)0xff) | SIGCHLD;
			a[1] = 0;
			ret = rawsys(c->nr, a[0], a[1], a[2], a[3], a[4], 0);
			record(c->nr, ret);
			after_fork(ret);
			return;
		}
		/* fall through */
	case 58: case 435:
		ret = rawsys_child_exits(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
		record(c->nr, ret);
		if (ret > 0 && nkids < 32)
			kids[nkids++] = (int)ret;
		return;
	}
	ret = rawsys(c->nr, a[0], a[1], a[2], a[3], a[4], a[5]);
	record(c->nr, ret);

	switch (c->nr) {
	case 2: case 32: case 33: case 85: case 292:
		add_fd(ret);
		break;
	case 257:
		add_fd(ret);
		if (ret >= 0 && (a[2] & O_DIRECTORY) && ndirfds < 8)
			dirfds[ndirfds++] = (int)ret;
		break;
	case 72:
		if (a[1] == F_DUPFD || a[1] == F_DUPFD_CLOEXEC)
			add_fd(ret);
		break;
	case 22: case 293:
		if (ret == 0 && a[0] >= (u64)arena && a[0] < (u64)guard - 8) {
			add_fd(((int *)a[0])[0]);
			add_fd(((int *)a[0])[1]);
		}
		break;
	case 9: case 25:
		if (ret >= 0 || ret < -4096) {
			if (nmaps < 32)
				maps[nmaps++] = (u64)ret;
			else
				maps[below(32)] = (u64)ret;
		}
		break;
	}
}

/* Sequences: open, dup, fork, close, mmap, pipe; the random calls above
 * then operate on what these made. */
static void setup_resources(void)
{
	long r;
	add_fd(rawsys(SYS_open, (long)"/dev/null", O_RDWR, 0, 0, 0, 0));
	add_fd(rawsys(SYS_open, (long)"/dev/zero", O_RDONLY, 0, 0, 0, 0));
	add_fd(rawsys(SYS_open, (long)"a", O_RDWR | O_CREAT, 0644, 0, 0, 0));
	r = rawsys(SYS_open, (long)".", O_RDONLY | O_DIRECTORY, 0, 0, 0, 0);
	add_fd(r);
	if (r >= 0)
		dirfds[ndirfds++] = (int)r;
	int *p = (int *)(arena + 6 * PG);
	if (rawsys(SYS_pipe2, (long)p, chance(50) ? O_NONBLOCK : 0, 0, 0, 0, 0) == 0) {
		add_fd(p[0]);
		add_fd(p[1]);
	}
	r = rawsys(SYS_mmap, 0, 4 * PG, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (r > 0)
		maps[nmaps++] = (u64)r;
	r = rawsys(SYS_mmap, 0, 2 * PG, PROT_READ | PROT_WRITE,
		   MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (r > 0)
		maps[nmaps++] = (u64)r;
}

static void fuzz_loop(void)
{
	while (budget-- > 0)
		one_call();
}

/* The canary: private memory of PID 1 that every worker inherits
 * copy-on-write and overwrites; the supervisor's copy must not change. */
#define CANARY_BYTES (64 * 1024)
static unsigned char canary[CANARY_BYTES];

static unsigned char canary_byte(size_t i) { return (unsigned char)(i * 131 + 7); }

static void tick(int sig) { (void)sig; }

static void worker(u64 seed, int index, long ncalls)
{
	char dir[64];

	rng_state = seed;
	memset(canary, 0x5a, sizeof canary);	/* COW: our copy only */
	self_pid = getpid();
	setsid();
	self_pgrp = self_pid;
	int null = open("/dev/null", O_RDWR);
	dup2(null, 0);
	dup2(null, 1);
	dup2(null, 2);
	if (null > 2)
		close(null);
	snprintf(dir, sizeof dir, "/tmp/fz/w%d", index);
	mkdir(dir, 0777);
	if (chdir(dir) < 0)
		_exit(2);
	arena = mmap(NULL, ARENA_PAGES * PG, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (arena == MAP_FAILED)
		_exit(2);
	guard = arena + 8 * PG;
	rdonly = arena + 9 * PG;
	hole = arena + 10 * PG;
	mprotect(guard, PG, PROT_NONE);
	mprotect(rdonly, PG, PROT_READ);
	munmap(hole, PG);
	memset(longpath, 'p', sizeof longpath - 1);
	for (size_t i = 0; i + 2 < sizeof longpath; i += 2)
		longpath[i] = '/';
	memset(longname, 'n', sizeof longname - 1);
	/* Some workers drop root: permission checks get fuzzed too. */
	if (chance(25)) {
		setgid(1000 + index % 4);
		setuid(1000 + index % 4);
	}
	/* A 20 ms ticker interrupts blocking calls (EINTR), unless the worker
	 * itself changes SIGALRM's action, mask or timer. */
	struct sigaction sa = { .sa_handler = tick };
	sigaction(SIGALRM, &sa, NULL);
	struct itimerval it = { { 0, 20000 }, { 0, 20000 } };
	setitimer(ITIMER_REAL, &it, NULL);
	budget = ncalls;
	setup_resources();
	fuzz_loop();
	rawsys(SYS_exit_group, 0, 0, 0, 0, 0, 0);
}

/* ---- the supervisor ---- */

static u64 param(const char *name, u64 dflt)
{
	const char *v = getenv(name);
	return v && *v ? strtoull(v, NULL, 0) : dflt;
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void say(const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	write(1, buf, n > (int)sizeof buf ? (int)sizeof buf : n);
}

static long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static void nap_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };
	nanosleep(&ts, NULL);
}

static int failures;

static void fail(const char *what)
{
	say("fuzz: FAIL %s\n", what);
	failures++;
}

/* Remove a tree, never crossing into another filesystem (a worker may
 * have mounted one under /tmp/fz): that is unmounted instead. */
static void remove_tree(int dirfd, const char *name, dev_t dev)
{
	struct stat st;
	if (fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) < 0)
		return;
	if (!S_ISDIR(st.st_mode)) {
		unlinkat(dirfd, name, 0);
		return;
	}
	int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
	if (fd < 0)
		return;
	if (st.st_dev != dev) {	/* a mount clean_tmp could not undo */
		close(fd);
		return;
	}
	fchmod(fd, 0700);
	DIR *d = fdopendir(fd);
	if (!d) {
		close(fd);
		return;
	}
	/* Read the names first: unlinking while reading may skip or repeat. */
	char (*names)[256] = malloc(256 * 256);
	int n = 0;
	struct dirent *e;
	while (names && n < 256 && (e = readdir(d)))
		if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
			snprintf(names[n++], 256, "%s", e->d_name);
	for (int i = 0; i < n; i++)
		remove_tree(fd, names[i], dev);
	free(names);
	closedir(d);
	unlinkat(dirfd, name, AT_REMOVEDIR);
}

/* Unmount what the workers mounted (only ever on fz_paths; MNT_DETACH,
 * three passes for stacked mounts), then remove the tree. */
static void clean_tmp(void)
{
	struct stat st;

	for (int pass = 0; pass < 3; pass++) {
		for (size_t i = 0; i < sizeof fz_paths / sizeof fz_paths[0]; i++)
			umount2(fz_paths[i], MNT_DETACH);
	}
	if (stat("/tmp", &st) == 0)
		remove_tree(AT_FDCWD, "/tmp/fz", st.st_dev);
	unlink("/tmp/x");
	unlink("/x");
}

/* Kill everything but init (kill(-1) from a child), reap it all. */
static int sweep(void)
{
	pid_t s = fork();
	if (s == 0) {
		kill(-1, SIGKILL);
		_exit(0);
	}
	long deadline = now_ms() + 20000;
	for (;;) {
		int st;
		pid_t r = waitpid(-1, &st, WNOHANG);
		if (r < 0 && errno == ECHILD)
			return 0;
		if (r > 0)
			continue;
		if (now_ms() > deadline)
			return -1;
		if (s < 0) {
			s = fork();
			if (s == 0) {
				kill(-1, SIGKILL);
				_exit(0);
			}
		}
		nap_ms(5);
	}
}

/* Leak counters from procfs: live processes (the /proc PID directories),
 * open files (/proc/sys/fs/file-nr) and inodes (/proc/sys/fs/inode-nr). */
struct counters {
	long tasks, files, inodes;
};

static long first_number(const char *path)
{
	char buf[128];
	int fd = open(path, O_RDONLY);
	ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
	if (fd >= 0)
		close(fd);
	if (n <= 0)
		return -1;
	buf[n] = 0;
	return strtol(buf, NULL, 10);
}

static int read_counters(struct counters *c)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	if (!d)
		return -1;
	c->tasks = 0;
	while ((e = readdir(d)))
		c->tasks += e->d_name[0] >= '1' && e->d_name[0] <= '9';
	closedir(d);
	c->files = first_number("/proc/sys/fs/file-nr");
	c->inodes = first_number("/proc/sys/fs/inode-nr");
	return c->files < 0 ? -1 : 0;
}

/* For a leak report: every process but init, as procfs sees it. */
static void show_processes(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char path[300], buf[1024];
		if (e->d_name[0] < '1' || e->d_name[0] > '9' || !strcmp(e->d_name, "1"))
			continue;
		snprintf(path, sizeof path, "/proc/%s/stat", e->d_name);
		int fd = open(path, O_RDONLY);
		ssize_t n = fd < 0 ? -1 : read(fd, buf, sizeof buf - 1);
		if (fd >= 0)
			close(fd);
		buf[n > 0 ? n : 0] = 0;
		say("fuzz:   left: %.200s\n", buf);
	}
	if (d)
		closedir(d);
}

/* Exact checks only on Tine: Linux has kernel threads and caches that
 * come and go on their own. */
static int on_tine(void)
{
	struct utsname u;
	return uname(&u) == 0 && strstr(u.release, "tine") != NULL;
}

static void check_invariants(int round, const struct counters *base, int have_base)
{
	char what[160];

	for (size_t i = 0; i < sizeof canary; i++)
		if (canary[i] != canary_byte(i)) {
			snprintf(what, sizeof what,
				 "round %d: init's private memory changed at canary+%zu", round, i);
			fail(what);
			break;
		}
	int p[2];
	char c = 0;
	if (pipe(p) < 0 || write(p[1], "k", 1) != 1 || read(p[0], &c, 1) != 1 || c != 'k') {
		snprintf(what, sizeof what, "round %d: pipe round trip", round);
		fail(what);
	}
	close(p[0]);
	close(p[1]);

	struct counters now;
	if (!have_base || read_counters(&now) < 0)
		return;
	if (now.tasks != base->tasks || now.files != base->files) {
		snprintf(what, sizeof what,
			 "round %d: leak: processes %ld -> %ld, open files %ld -> %ld (inodes %ld -> %ld)",
			 round, base->tasks, now.tasks, base->files, now.files,
			 base->inodes, now.inodes);
		fail(what);
		show_processes();
	}
}

static void summary(long ms, int rounds, int seeds)
{
	u64 total = 0, reached = 0;
	int distinct = 0, distinct_reached = 0;
	for (int i = 0; i < NSLOT; i++) {
		total += sh->calls[i];
		reached += sh->reached[i];
		distinct += sh->calls[i] != 0;
		distinct_reached += sh->reached[i] != 0;
	}
	say("fuzz: %ld s, %d rounds, %d seeds, %llu syscalls issued (%llu reached a handler), "
	    "%d distinct issued, %d distinct reached, %llu forked fuzzers\n",
	    ms / 1000, rounds, seeds, (unsigned long long)total,
	    (unsigned long long)reached, distinct, distinct_reached,
	    (unsigned long long)sh->forks);
}

static void power_off(void)
{
	if (failures && iopl(3) == 0)
		outb(1, 0xf4);
	reboot(RB_POWER_OFF);
	for (;;)
		pause();
}

int main(void)
{
	u64 seed = param("fuzz_seed", 1);
	long seconds = (long)param("fuzz_seconds", 60);
	int nworkers = (int)param("fuzz_workers", 8);
	long ncalls = (long)param("fuzz_calls", 2000);
	long only = getenv("fuzz_only") ? (long)param("fuzz_only", 0) : -1;
	long round_ms = (long)param("fuzz_round_ms", 1500);
	struct counters base;
	int have_base;

	for (size_t i = 0; i < sizeof canary; i++)
		canary[i] = canary_byte(i);
	sh = mmap(NULL, sizeof *sh, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		say("fuzz: cannot map the counters\n");
		failures++;
		power_off();
	}
	if (access("/proc/self", F_OK) < 0) {
		mkdir("/proc", 0555);
		mount("proc", "/proc", "proc", 0, NULL);
	}
	say("fuzz: seed=%llu seconds=%ld workers=%d calls=%ld%s\n",
	    (unsigned long long)seed, seconds, nworkers, ncalls,
	    only >= 0 ? " (replaying one worker)" : "");
	clean_tmp();
	have_base = on_tine() && read_counters(&base) == 0;
	if (have_base)
		say("fuzz: leak baseline: %ld processes, %ld open files, %ld inodes\n",
		    base.tasks, base.files, base.inodes);

	long start = now_ms();
	int rounds = 0, seeds = 0;
	while (now_ms() - start < seconds * 1000L) {
		long first = only >= 0 ? only : (long)rounds * nworkers;
		int n = only >= 0 ? 1 : nworkers;
		if (mkdir("/tmp/fz", 0777) < 0 || chmod("/tmp/fz", 0777) < 0) {
			struct stat st;
			int e = errno, r = lstat("/tmp/fz", &st);
			say("fuzz: cannot make /tmp/fz: errno %d (lstat %d, mode %o)\n",
			    e, r, r == 0 ? st.st_mode : 0);
		}
		say("fuzz: round %d workers %ld..%ld\n", rounds, first, first + n - 1);
		for (int i = 0; i < n; i++) {
			u64 wseed = seed * 0x100000001b3ULL + (u64)(first + i);
			pid_t pid = fork();
			if (pid == 0)
				worker(wseed, (int)((first + i) % 64), ncalls);
			if (pid > 0)
				seeds++;
		}
		long deadline = now_ms() + round_ms;
		while (now_ms() < deadline) {
			int st;
			pid_t r = waitpid(-1, &st, WNOHANG);
			if (r < 0 && errno == ECHILD)
				break;
			if (r <= 0)
				nap_ms(10);
		}
		setpriority(PRIO_PROCESS, 0, 0);
		if (sweep() < 0) {
			fail("processes survive kill(-1, SIGKILL) for 20 s");
			break;
		}
		clean_tmp();
		check_invariants(rounds, &base, have_base);
		rounds++;
		summary(now_ms() - start, rounds, seeds);
		if (failures || only >= 0)
			break;
	}
	say("fuzz: done\n");
	summary(now_ms() - start, rounds, seeds);
	say(failures ? "fuzz: FAILED\n" : "fuzz: PASSED\n");
	power_off();
	return 1;
}
