/*
 * The system call table: Linux x86-64 numbers to Tine's sys_* functions.
 * An empty slot means "not implemented": do_syscall() returns -ENOSYS and
 * logs the call's name once.  Every handler is called with the six argument
 * registers; handlers that take fewer simply ignore the rest (the x86-64
 * calling convention makes that safe).
 */
#include <tine/syscalls.h>
#include <tine/syscall_table.h>

#define SYS(f) ((syscall_fn)(void *)(f))

const syscall_fn syscall_table[NR_SYSCALLS] = {
	/* files */
	[0] = SYS(sys_read),
	[1] = SYS(sys_write),
	[16] = SYS(sys_ioctl),
	[20] = SYS(sys_writev),

	/* memory */
	[9] = SYS(sys_mmap),
	[10] = SYS(sys_mprotect),
	[11] = SYS(sys_munmap),
	[12] = SYS(sys_brk),
	[25] = SYS(sys_mremap),
	[28] = SYS(sys_madvise),

	/* tasks */
	[24] = SYS(sys_sched_yield),
	[39] = SYS(sys_getpid),
	[56] = SYS(sys_clone),
	[57] = SYS(sys_fork),
	[58] = SYS(sys_vfork),
	[59] = SYS(sys_execve),
	[60] = SYS(sys_exit),
	[61] = SYS(sys_wait4),
	[63] = SYS(sys_uname),
	[110] = SYS(sys_getppid),
	[158] = SYS(sys_arch_prctl),
	[169] = SYS(sys_reboot),
	[172] = SYS(sys_iopl),
	[186] = SYS(sys_gettid),
	[218] = SYS(sys_set_tid_address),
	[231] = SYS(sys_exit_group),
	[247] = SYS(sys_waitid),
	[435] = SYS(sys_clone3),
	[62] = SYS(sys_kill),
	[202] = SYS(sys_futex),
	[273] = SYS(sys_set_robust_list),
	[274] = SYS(sys_get_robust_list),
	[97] = SYS(sys_getrlimit),
	[98] = SYS(sys_getrusage),
	[99] = SYS(sys_sysinfo),
	[100] = SYS(sys_times),
	[102] = SYS(sys_getuid),
	[104] = SYS(sys_getgid),
	[105] = SYS(sys_setuid),
	[106] = SYS(sys_setgid),
	[107] = SYS(sys_geteuid),
	[108] = SYS(sys_getegid),
	[113] = SYS(sys_setreuid),
	[114] = SYS(sys_setregid),
	[115] = SYS(sys_getgroups),
	[116] = SYS(sys_setgroups),
	[117] = SYS(sys_setresuid),
	[118] = SYS(sys_getresuid),
	[119] = SYS(sys_setresgid),
	[120] = SYS(sys_getresgid),
	[140] = SYS(sys_getpriority),
	[141] = SYS(sys_setpriority),
	[157] = SYS(sys_prctl),
	[160] = SYS(sys_setrlimit),
	[203] = SYS(sys_sched_setaffinity),
	[204] = SYS(sys_sched_getaffinity),
	[302] = SYS(sys_prlimit64),

	/* time */
	[228] = SYS(sys_clock_gettime),
	[35] = SYS(sys_nanosleep),
	[96] = SYS(sys_gettimeofday),
	[201] = SYS(sys_time),
	[229] = SYS(sys_clock_getres),
	[230] = SYS(sys_clock_nanosleep),
};
