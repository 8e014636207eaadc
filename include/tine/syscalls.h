/*
 * Every system call Tine implements, grouped by the file that defines it.
 * Each takes its Linux arguments with their real types and returns a value
 * or -errno.  The dispatch table is kernel/arch/x86_64/syscall_table.c.
 */
#ifndef TINE_SYSCALLS_H
#define TINE_SYSCALLS_H

#include <tine/types.h>
#include <tine/uaccess.h>

struct pt_regs;

/* kernel/proc/ (tasks) */
long sys_getpid(void);
long sys_getppid(void);
long sys_gettid(void);
long sys_exit(int code);
long sys_exit_group(int code);
long sys_fork(void);
long sys_vfork(void);
long sys_clone(u64 flags, u64 newsp, int __user *parent_tid, int __user *child_tid, u64 tls);
long sys_clone3(void __user *uargs, size_t size);
long sys_execve(const char __user *path, const char __user *const __user *argv,
		const char __user *const __user *envp);
long sys_wait4(pid_t pid, int __user *status, int options, void __user *ru);
long sys_waitid(int which, pid_t pid, void __user *info, int options, void __user *ru);
long sys_set_tid_address(int __user *tidptr);
long sys_arch_prctl(int code, u64 addr);
long sys_sched_yield(void);
long sys_uname(void __user *buf);
long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg);
long sys_iopl(unsigned int level);
long sys_kill(pid_t pid, int sig);
long sys_set_robust_list(void __user *head, size_t len);
long sys_get_robust_list(int pid, void __user *head_ptr, size_t __user *len_ptr);
long sys_futex(u64 uaddr, int op, u32 val, const void __user *timeout,
	       u64 uaddr2, u32 val3);

/* kernel/proc/sigaction.c, sigframe.c, kill.c, pgrp.c, itimer.c (signals) */
long sys_rt_sigaction(int sig, const void __user *act, void __user *oact, size_t sigsetsize);
long sys_rt_sigprocmask(int how, const u64 __user *set, u64 __user *oset, size_t sigsetsize);
long sys_rt_sigreturn(void);
long sys_rt_sigpending(u64 __user *set, size_t sigsetsize);
long sys_rt_sigsuspend(const u64 __user *set, size_t sigsetsize);
long sys_rt_sigtimedwait(const u64 __user *set, void __user *info,
			 const void __user *ts, size_t sigsetsize);
long sys_rt_sigqueueinfo(pid_t pid, int sig, const void __user *info);
long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, const void __user *info);
long sys_sigaltstack(const void __user *ss, void __user *oss);
long sys_pause(void);
long sys_tkill(pid_t tid, int sig);
long sys_tgkill(pid_t tgid, pid_t tid, int sig);
long sys_alarm(unsigned int seconds);
long sys_getitimer(int which, void __user *value);
long sys_setitimer(int which, const void __user *value, void __user *ovalue);
long sys_setpgid(pid_t pid, pid_t pgid);
long sys_getpgid(pid_t pid);
long sys_getpgrp(void);
long sys_setsid(void);
long sys_getsid(pid_t pid);

/* kernel/proc/cred.c */
long sys_getuid(void);
long sys_geteuid(void);
long sys_getgid(void);
long sys_getegid(void);
long sys_setuid(u32 uid);
long sys_setgid(u32 gid);
long sys_setreuid(u32 r, u32 e);
long sys_setregid(u32 r, u32 e);
long sys_setresuid(u32 r, u32 e, u32 s);
long sys_setresgid(u32 r, u32 e, u32 s);
long sys_getresuid(u32 __user *r, u32 __user *e, u32 __user *s);
long sys_getresgid(u32 __user *r, u32 __user *e, u32 __user *s);
long sys_getgroups(int size, u32 __user *list);
long sys_setgroups(int size, const u32 __user *list);

/* kernel/proc/resource.c */
long sys_getrlimit(unsigned int res, void __user *rl);
long sys_setrlimit(unsigned int res, const void __user *rl);
long sys_prlimit64(pid_t pid, unsigned int res, const void __user *newp, void __user *oldp);
long sys_getrusage(int who, void __user *ru);
long sys_times(void __user *buf);
long sys_sysinfo(void __user *info);
long sys_getpriority(int which, int who);
long sys_setpriority(int which, int who, int niceval);
long sys_sched_getaffinity(pid_t pid, unsigned int len, void __user *mask);
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *cache);
long sys_sched_setaffinity(pid_t pid, unsigned int len, const void __user *mask);
long sys_prctl(int option, u64 a2, u64 a3, u64 a4, u64 a5);

/* kernel/proc/time.c */
long sys_clock_getres(int clk, void __user *tp);
long sys_gettimeofday(void __user *tv, void __user *tz);
long sys_time(void __user *tloc);
long sys_nanosleep(const void __user *req, void __user *rem);
long sys_clock_nanosleep(int clk, int flags, const void __user *req, void __user *rem);

/* kernel/mm/ (memory) */
long sys_brk(u64 addr);
long sys_mmap(u64 addr, u64 len, u64 prot, u64 flags, u64 fd, u64 off);
long sys_munmap(u64 addr, u64 len);
long sys_mprotect(u64 addr, u64 len, u64 prot);
long sys_mremap(u64 addr, u64 old_len, u64 new_len, u64 flags, u64 new_addr);
long sys_madvise(u64 addr, u64 len, int advice);
long sys_mincore(u64 addr, u64 len, u8 __user *vec);

/* kernel/fs/ (files) */
long sys_read(int fd, char __user *buf, size_t n);
long sys_write(int fd, const char __user *buf, size_t n);
long sys_writev(int fd, const void __user *iov, int iovcnt);
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);
struct stat;
struct statx;
struct pollfd;
struct timespec_user;
struct timeval_user;
struct sigset_argpack;
long sys_fchmodat(int dfd, const char __user *path, mode_t mode);
long sys_chmod(const char __user *path, mode_t mode);
long sys_fchmod(int fd, mode_t mode);
long sys_fchownat(int dfd, const char __user *path, uid_t uid, gid_t gid, int flags);
long sys_chown(const char __user *path, uid_t uid, gid_t gid);
long sys_lchown(const char __user *path, uid_t uid, gid_t gid);
long sys_fchown(int fd, uid_t uid, gid_t gid);
long sys_utimensat(int dfd, const char __user *path, const struct timespec_user __user *utimes, int flags);
long sys_faccessat2(int dfd, const char __user *path, int mode, int flags);
long sys_faccessat(int dfd, const char __user *path, int mode);
long sys_access(const char __user *path, int mode);
long sys_umask(int mask);
long sys_truncate(const char __user *path, s64 len);
long sys_ftruncate(int fd, s64 len);
long sys_chdir(const char __user *path);
long sys_fchdir(int fd);
long sys_getcwd(char __user *buf, size_t size);
long sys_getdents64(int fd, void __user *buf, unsigned int count);
long sys_dup(int oldfd);
long sys_dup2(int oldfd, int newfd);
long sys_dup3(int oldfd, int newfd, int flags);
long sys_fcntl(int fd, unsigned int cmd, unsigned long arg);
long sys_mkdirat(int dfd, const char __user *path, mode_t mode);
long sys_mkdir(const char __user *path, mode_t mode);
long sys_mknodat(int dfd, const char __user *path, mode_t mode, unsigned int dev);
long sys_mknod(const char __user *path, mode_t mode, unsigned int dev);
long sys_symlinkat(const char __user *utarget, int dfd, const char __user *upath);
long sys_symlink(const char __user *target, const char __user *path);
long sys_linkat(int olddfd, const char __user *oldpath, int newdfd, const char __user *newpath, int flags);
long sys_link(const char __user *oldpath, const char __user *newpath);
long sys_unlinkat(int dfd, const char __user *path, int flags);
long sys_unlink(const char __user *path);
long sys_rmdir(const char __user *path);
long sys_openat(int dfd, const char __user *upath, int flags, mode_t mode);
long sys_open(const char __user *path, int flags, mode_t mode);
long sys_creat(const char __user *path, mode_t mode);
long sys_close(int fd);
long sys_close_range(unsigned int first, unsigned int last, unsigned int flags);
long sys_pipe2(int __user *ufds, int flags);
long sys_pipe(int __user *fds);
long sys_pread64(int fd, char __user *buf, size_t n, s64 off);
long sys_pwrite64(int fd, const char __user *buf, size_t n, s64 off);
long sys_readv(int fd, const void __user *iov, int cnt);
long sys_preadv(int fd, const void __user *iov, int cnt, s64 off);
long sys_pwritev(int fd, const void __user *iov, int cnt, s64 off);
long sys_lseek(int fd, s64 off, int whence);
long sys_fsync(int fd);
long sys_fdatasync(int fd);
long sys_sync(void);
long sys_syncfs(int fd);
long sys_renameat2(int olddfd, const char __user *oldpath, int newdfd, const char __user *newpath, unsigned int flags);
long sys_renameat(int olddfd, const char __user *oldpath, int newdfd, const char __user *newpath);
long sys_rename(const char __user *oldpath, const char __user *newpath);
long sys_poll(struct pollfd __user *fds, unsigned int nfds, int timeout_ms);
long sys_ppoll(struct pollfd __user *fds, unsigned int nfds, struct timespec_user __user *tsp, const u64 __user *sigmask, size_t sigsetsize);
long sys_select(int nfds, void __user *inp, void __user *outp, void __user *exp, struct timeval_user __user *tvp);
long sys_pselect6(int nfds, void __user *inp, void __user *outp, void __user *exp, struct timespec_user __user *tsp, const struct sigset_argpack __user *usig);
long sys_newfstatat(int dfd, const char __user *path, struct stat __user *st, int flags);
long sys_stat(const char __user *path, struct stat __user *st);
long sys_lstat(const char __user *path, struct stat __user *st);
long sys_fstat(int fd, struct stat __user *st);
long sys_statx(int dfd, const char __user *path, int flags, unsigned int mask, struct statx __user *ubuf);
long sys_readlinkat(int dfd, const char __user *path, char __user *buf, int bufsiz);
long sys_readlink(const char __user *path, char __user *buf, int bufsiz);
long sys_mount(const char __user *source, const char __user *target, const char __user *fstype, unsigned long flags, const void __user *data);
long sys_umount2(const char __user *target, int flags);
long sys_getrandom(char __user *buf, size_t n, unsigned int flags);

/* kernel/lib/time */
long sys_clock_gettime(int clk, void __user *tp);

#endif
