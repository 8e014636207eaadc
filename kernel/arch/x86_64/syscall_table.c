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

	/* time */
	[228] = SYS(sys_clock_gettime),
};
