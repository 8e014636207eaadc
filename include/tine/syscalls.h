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

/* kernel/mm/ (memory) */
long sys_brk(u64 addr);
long sys_mmap(u64 addr, u64 len, u64 prot, u64 flags, u64 fd, u64 off);
long sys_munmap(u64 addr, u64 len);
long sys_mprotect(u64 addr, u64 len, u64 prot);
long sys_mremap(u64 addr, u64 old_len, u64 new_len, u64 flags, u64 new_addr);
long sys_madvise(u64 addr, u64 len, int advice);

/* kernel/fs/ (files) */
long sys_read(int fd, char __user *buf, size_t n);
long sys_write(int fd, const char __user *buf, size_t n);
long sys_writev(int fd, const void __user *iov, int iovcnt);
long sys_ioctl(int fd, unsigned int cmd, unsigned long arg);

/* kernel/lib/time */
long sys_clock_gettime(int clk, void __user *tp);

#endif
