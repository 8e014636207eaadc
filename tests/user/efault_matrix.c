/* efault_matrix: every implemented system call that takes a user pointer,
 * called with a NULL, a kernel-half and an unmapped pointer in that
 * argument (the others valid), fails exactly as on Linux 6.1: the
 * expected results in efault_matrix.h were printed by this program on the
 * oracle (build it with -DGENERATE and run it there), never guessed.
 * A result is the errno, or 0 for success.  Left out, because NULL is
 * valid there: execve's argv (an empty argv: Linux would run the program)
 * and the timeouts of ppoll, select, pselect6 and rt_sigtimedwait (wait
 * forever). */
#include "t.h"
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <time.h>

static int zero_fd, file_fd, dir_fd, pipe_r, pipe_w;
static pid_t zombie;
static char good[4096] __attribute__((aligned(4096)));
static struct iovec bad_iov;
static const char *const FILE_PATH = "/tmp/efault_matrix.file";
static const char *const LINK_PATH = "/tmp/efault_matrix.link";
static const char *const NEW_PATH = "/tmp/efault_matrix.new";
static struct timespec ts0;
static struct timeval tv0;

/* A zombie child to wait for (the wait calls copy a status out). */
static pid_t make_zombie(void)
{
	pid_t pid = fork();
	if (pid == 0)
		_exit(7);
	siginfo_t si;
	CHECK_OK("waitid WNOWAIT", waitid(P_PID, pid, &si, WEXITED | WNOWAIT));
	return pid;
}

#define S(...) syscall(__VA_ARGS__)
#define CASES(X)                                                              \
	X(read_buf, S(SYS_read, zero_fd, P, 16))                              \
	X(write_buf, S(SYS_write, pipe_w, P, 16))                             \
	X(pread_buf, S(SYS_pread64, file_fd, P, 16, 0))                       \
	X(pwrite_buf, S(SYS_pwrite64, file_fd, P, 16, 0))                     \
	X(readv_iov, S(SYS_readv, zero_fd, P, 1))                             \
	X(readv_base, (bad_iov.iov_base = P, S(SYS_readv, zero_fd, &bad_iov, 1))) \
	X(writev_iov, S(SYS_writev, pipe_w, P, 1))                            \
	X(writev_base, (bad_iov.iov_base = P, S(SYS_writev, pipe_w, &bad_iov, 1))) \
	X(preadv_iov, S(SYS_preadv, file_fd, P, 1, 0, 0))                     \
	X(pwritev_iov, S(SYS_pwritev, file_fd, P, 1, 0, 0))                   \
	X(open_path, S(SYS_open, P, O_RDONLY))                                \
	X(openat_path, S(SYS_openat, AT_FDCWD, P, O_RDONLY))                  \
	X(creat_path, S(SYS_creat, P, 0600))                                  \
	X(stat_path, S(SYS_stat, P, good))                                    \
	X(stat_buf, S(SYS_stat, "/", P))                                      \
	X(lstat_path, S(SYS_lstat, P, good))                                  \
	X(lstat_buf, S(SYS_lstat, "/", P))                                    \
	X(fstat_buf, S(SYS_fstat, file_fd, P))                                \
	X(newfstatat_path, S(SYS_newfstatat, AT_FDCWD, P, good, 0))           \
	X(newfstatat_buf, S(SYS_newfstatat, AT_FDCWD, "/", P, 0))             \
	X(statx_path, S(SYS_statx, AT_FDCWD, P, 0, 0x7ff, good))              \
	X(statx_buf, S(SYS_statx, AT_FDCWD, "/", 0, 0x7ff, P))                \
	X(access_path, S(SYS_access, P, F_OK))                                \
	X(faccessat_path, S(SYS_faccessat, AT_FDCWD, P, F_OK))                \
	X(faccessat2_path, S(SYS_faccessat2, AT_FDCWD, P, F_OK, 0))           \
	X(readlink_path, S(SYS_readlink, P, good, 64))                        \
	X(readlink_buf, S(SYS_readlink, LINK_PATH, P, 64))                    \
	X(readlinkat_buf, S(SYS_readlinkat, AT_FDCWD, LINK_PATH, P, 64))      \
	X(chdir_path, S(SYS_chdir, P))                                        \
	X(mkdir_path, S(SYS_mkdir, P, 0700))                                  \
	X(mkdirat_path, S(SYS_mkdirat, AT_FDCWD, P, 0700))                    \
	X(rmdir_path, S(SYS_rmdir, P))                                        \
	X(unlink_path, S(SYS_unlink, P))                                      \
	X(unlinkat_path, S(SYS_unlinkat, AT_FDCWD, P, 0))                     \
	X(link_old, S(SYS_link, P, NEW_PATH))                                 \
	X(link_new, S(SYS_link, FILE_PATH, P))                                \
	X(linkat_old, S(SYS_linkat, AT_FDCWD, P, AT_FDCWD, NEW_PATH, 0))      \
	X(symlink_target, S(SYS_symlink, P, NEW_PATH))                        \
	X(symlink_path, S(SYS_symlink, "x", P))                               \
	X(symlinkat_path, S(SYS_symlinkat, "x", AT_FDCWD, P))                 \
	X(rename_old, S(SYS_rename, P, NEW_PATH))                             \
	X(rename_new, S(SYS_rename, FILE_PATH, P))                            \
	X(renameat_old, S(SYS_renameat, AT_FDCWD, P, AT_FDCWD, NEW_PATH))     \
	X(renameat2_new, S(SYS_renameat2, AT_FDCWD, FILE_PATH, AT_FDCWD, P, 0)) \
	X(chmod_path, S(SYS_chmod, P, 0600))                                  \
	X(fchmodat_path, S(SYS_fchmodat, AT_FDCWD, P, 0600))                  \
	X(chown_path, S(SYS_chown, P, 0, 0))                                  \
	X(lchown_path, S(SYS_lchown, P, 0, 0))                                \
	X(fchownat_path, S(SYS_fchownat, AT_FDCWD, P, 0, 0, 0))               \
	X(truncate_path, S(SYS_truncate, P, 0))                               \
	X(mknod_path, S(SYS_mknod, P, S_IFIFO | 0600, 0))                     \
	X(mknodat_path, S(SYS_mknodat, AT_FDCWD, P, S_IFIFO | 0600, 0))       \
	X(utimensat_times, S(SYS_utimensat, AT_FDCWD, FILE_PATH, P, 0))       \
	X(execve_path, S(SYS_execve, P, (char *[]){ "x", NULL }, NULL))       \
	X(execve_argv, P ? S(SYS_execve, "/tests/efault_matrix", P, NULL) : 0) \
	X(execve_envp, S(SYS_execve, "/nonexistent-efault", (char *[]){ "x", NULL }, P)) \
	X(mount_target, S(SYS_mount, "none", P, "tmpfs", 0, NULL))            \
	X(mount_type, S(SYS_mount, "none", "/tmp", P, 0, NULL))               \
	X(umount2_path, S(SYS_umount2, P, 0))                                 \
	X(getcwd_buf, S(SYS_getcwd, P, 4096))                                 \
	X(getdents64_buf, S(SYS_getdents64, dir_fd, P, 4096))                 \
	X(pipe_fds, S(SYS_pipe, P))                                           \
	X(pipe2_fds, S(SYS_pipe2, P, 0))                                      \
	X(poll_fds, S(SYS_poll, P, 1, 0))                                     \
	X(ppoll_fds, S(SYS_ppoll, P, 1, &ts0, NULL, 8))                       \
	X(ppoll_ts, P ? S(SYS_ppoll, NULL, 0, P, NULL, 8) : 0)                        \
	X(select_set, S(SYS_select, 1, P, NULL, NULL, &tv0))                  \
	X(select_tv, P ? S(SYS_select, 0, NULL, NULL, NULL, P) : 0)                   \
	X(pselect6_set, S(SYS_pselect6, 1, P, NULL, NULL, &ts0, NULL))        \
	X(pselect6_ts, P ? S(SYS_pselect6, 0, NULL, NULL, NULL, P, NULL) : 0)         \
	X(ioctl_fionread, S(SYS_ioctl, pipe_r, FIONREAD, P))                  \
	X(fcntl_getlk, S(SYS_fcntl, file_fd, F_GETLK, P))                     \
	X(mincore_vec, S(SYS_mincore, good, 4096, P))                         \
	X(nanosleep_req, S(SYS_nanosleep, P, NULL))                           \
	X(clock_nanosleep_req, S(SYS_clock_nanosleep, CLOCK_MONOTONIC, 0, P, NULL)) \
	X(getitimer_val, S(SYS_getitimer, ITIMER_REAL, P))                    \
	X(setitimer_new, S(SYS_setitimer, ITIMER_REAL, P, NULL))              \
	X(wait4_status, S(SYS_wait4, zombie, P, 0, NULL))                     \
	X(wait4_rusage, S(SYS_wait4, zombie, NULL, 0, P))                     \
	X(waitid_info, S(SYS_waitid, P_PID, zombie, P, WEXITED, NULL))        \
	X(uname_buf, S(SYS_uname, P))                                         \
	X(getrlimit_buf, S(SYS_getrlimit, RLIMIT_NOFILE, P))                  \
	X(setrlimit_buf, S(SYS_setrlimit, RLIMIT_NOFILE, P))                  \
	X(prlimit64_new, S(SYS_prlimit64, 0, RLIMIT_NOFILE, P, NULL))         \
	X(prlimit64_old, S(SYS_prlimit64, 0, RLIMIT_NOFILE, NULL, P))         \
	X(getrusage_buf, S(SYS_getrusage, RUSAGE_SELF, P))                    \
	X(sysinfo_buf, S(SYS_sysinfo, P))                                     \
	X(times_buf, S(SYS_times, P))                                         \
	X(gettimeofday_tv, S(SYS_gettimeofday, P, NULL))                      \
	X(time_buf, S(SYS_time, P))                                           \
	X(clock_gettime_ts, S(SYS_clock_gettime, CLOCK_MONOTONIC, P))         \
	X(clock_getres_ts, S(SYS_clock_getres, CLOCK_MONOTONIC, P))           \
	X(getgroups_list, S(SYS_getgroups, 1, P))                             \
	X(setgroups_list, S(SYS_setgroups, 1, P))                             \
	X(getresuid_r, S(SYS_getresuid, P, good, good + 8))                   \
	X(getresgid_r, S(SYS_getresgid, P, good, good + 8))                   \
	X(rt_sigaction_act, S(SYS_rt_sigaction, SIGUSR1, P, NULL, 8))         \
	X(rt_sigaction_old, S(SYS_rt_sigaction, SIGUSR1, NULL, P, 8))         \
	X(rt_sigprocmask_set, S(SYS_rt_sigprocmask, SIG_BLOCK, P, NULL, 8))   \
	X(rt_sigprocmask_old, S(SYS_rt_sigprocmask, SIG_BLOCK, NULL, P, 8))   \
	X(rt_sigpending_set, S(SYS_rt_sigpending, P, 8))                      \
	X(rt_sigtimedwait_set, S(SYS_rt_sigtimedwait, P, NULL, &ts0, 8))      \
	X(rt_sigtimedwait_ts, P ? S(SYS_rt_sigtimedwait, good, NULL, P, 8) : 0)       \
	X(rt_sigqueueinfo_info, S(SYS_rt_sigqueueinfo, getpid(), SIGUSR1, P)) \
	X(rt_tgsigqueueinfo_info, S(SYS_rt_tgsigqueueinfo, getpid(), gettid(), SIGUSR1, P)) \
	X(rt_sigsuspend_set, S(SYS_rt_sigsuspend, P, 8))                      \
	X(sigaltstack_new, S(SYS_sigaltstack, P, NULL))                       \
	X(sigaltstack_old, S(SYS_sigaltstack, NULL, P))                       \
	X(futex_wait, S(SYS_futex, P, FUTEX_WAIT_PRIVATE, 0, &ts0, NULL, 0))  \
	X(futex_wake, S(SYS_futex, P, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0))  \
	X(get_robust_list_head, S(SYS_get_robust_list, 0, P, good))           \
	X(sched_getaffinity_mask, S(SYS_sched_getaffinity, 0, 128, P))        \
	X(sched_setaffinity_mask, S(SYS_sched_setaffinity, 0, 128, P))        \
	X(getrandom_buf, S(SYS_getrandom, P, 16, 0))                          \
	X(arch_prctl_get_fs, S(SYS_arch_prctl, 0x1003, P))                    \
	X(prctl_get_name, S(SYS_prctl, PR_GET_NAME, P, 0, 0, 0))              \
	X(prctl_set_name, S(SYS_prctl, PR_SET_NAME, P, 0, 0, 0))              \
	X(clone3_args, S(SYS_clone3, P, 88))

#define FUTEX_WAIT_PRIVATE 128
#define FUTEX_WAKE_PRIVATE 129
#define PR_SET_NAME 15
#define PR_GET_NAME 16

enum {
#define ENUM(name, expr) C_##name,
	CASES(ENUM)
	NCASES
};

static const char *const names[] = {
#define NAME(name, expr) #name,
	CASES(NAME)
};

/* The result of case i with pointer P: the errno, or 0 on success. */
static int run_case(int i, void *P)
{
	long r = -1;
	errno = 0;
	switch (i) {
#define RUN(name, expr) case C_##name: r = (expr); break;
	CASES(RUN)
	}
	int e = r < 0 ? errno : 0;
	if (i == C_wait4_status || i == C_wait4_rusage || i == C_waitid_info) {
		waitpid(zombie, NULL, WNOHANG);	/* Linux reaps it anyway */
		zombie = make_zombie();
	}
	unlink(NEW_PATH);
	rmdir(NEW_PATH);
	return e;
}

struct expect { const char *name; int null, kernel, unmapped; };
#ifndef GENERATE
#include "efault_matrix.h"
#endif

int main(void)
{
	void *unmapped = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(unmapped != MAP_FAILED, "mmap: expected success, got errno %d", errno);
	CHECK_OK("munmap", munmap(unmapped, 4096));
	void *const ptrs[3] = { NULL, (void *)0xffff888000000000UL, unmapped };

	signal(SIGUSR1, SIG_IGN);
	CHECK_OK("open /dev/zero", zero_fd = open("/dev/zero", O_RDONLY));
	CHECK_OK("create file", file_fd = open(FILE_PATH, O_RDWR | O_CREAT | O_TRUNC, 0600));
	write_all(file_fd, "0123456789abcdef", 16);
	CHECK_OK("open /", dir_fd = open("/", O_RDONLY | O_DIRECTORY));
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pipe_r = p[0];
	pipe_w = p[1];
	write_all(pipe_w, "x", 1);
	unlink(LINK_PATH);
	CHECK_OK("symlink", symlink("x", LINK_PATH));
	bad_iov.iov_len = 16;
	zombie = make_zombie();

	int got[NCASES][3];
	for (int i = 0; i < NCASES; i++)
		for (int k = 0; k < 3; k++)
			got[i][k] = run_case(i, ptrs[k]);
	unlink(FILE_PATH);
	unlink(LINK_PATH);
	waitpid(zombie, NULL, 0);

#ifdef GENERATE
	printf("/* efault_matrix.h: printed by efault_matrix -DGENERATE on Linux %s. */\n",
	       "6.1 (the oracle); { call_argument, NULL, kernel address, unmapped }");
	printf("static const struct expect expected[] = {\n");
	for (int i = 0; i < NCASES; i++)
		printf("\t{ \"%s\", %d, %d, %d },\n", names[i], got[i][0], got[i][1], got[i][2]);
	printf("};\n");
	return 0;
#else
	static const char *const kinds[3] = { "NULL", "kernel address", "unmapped" };
	int bad = 0;
	CHECK_EQ("cases in efault_matrix.h", NCASES, (int)(sizeof expected / sizeof expected[0]));
	for (int i = 0; i < NCASES; i++) {
		CHECK(!strcmp(expected[i].name, names[i]), "case %d: expected %s, got %s",
		      i, expected[i].name, names[i]);
		const int want[3] = { expected[i].null, expected[i].kernel, expected[i].unmapped };
		for (int k = 0; k < 3; k++)
			if (got[i][k] != want[k]) {
				fprintf(stderr, "FAIL: %s with a %s pointer: expected %s (%d), got %s (%d)\n",
					names[i], kinds[k], want[k] ? strerror(want[k]) : "success",
					want[k], got[i][k] ? strerror(got[i][k]) : "success", got[i][k]);
				bad++;
			}
	}
	return bad ? 1 : 0;
#endif
}
