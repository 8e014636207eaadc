/*
 * Small system calls about the process itself and the machine: identity
 * (getpid, gettid, getppid), uname, reboot, arch_prctl (TLS base),
 * set_tid_address, iopl, sched_yield.
 */
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/errno.h>
#include <tine/string.h>
#include <tine/cpu.h>
#include <tine/ptrace.h>
#include <tine/printk.h>
#include <tine/panic.h>

long sys_getpid(void)
{
	return current->tgid;
}

long sys_gettid(void)
{
	return current->pid;
}

long sys_getppid(void)
{
	return current->group_leader->real_parent->tgid;
}

long sys_sched_yield(void)
{
	current->need_resched = true;
	return 0;
}

long sys_set_tid_address(int __user *tidptr)
{
	current->clear_child_tid = tidptr;
	return current->pid;
}

struct new_utsname {
	char sysname[65], nodename[65], release[65], version[65], machine[65],
	     domainname[65];
};

char utsname_nodename[65] = "(none)";

long sys_uname(void __user *buf)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Linux", sizeof(u.sysname));
	strlcpy(u.nodename, utsname_nodename, sizeof(u.nodename));
	/* Programs gate features on the release: say which Linux we mimic. */
	strlcpy(u.release, "6.1.0-tine", sizeof(u.release));
	strlcpy(u.version, "#1 Tine", sizeof(u.version));
	strlcpy(u.machine, "x86_64", sizeof(u.machine));
	strlcpy(u.domainname, "(none)", sizeof(u.domainname));
	return copy_to_user(buf, &u, sizeof(u));
}

#define ARCH_SET_GS 0x1001
#define ARCH_SET_FS 0x1002
#define ARCH_GET_FS 0x1003
#define ARCH_GET_GS 0x1004

long sys_arch_prctl(int code, u64 addr)
{
	switch (code) {
	case ARCH_SET_FS:
		if (addr >= USER_TOP)
			return -EPERM;
		current->thread.fsbase = addr;
		wrmsr(MSR_FS_BASE, addr);
		return 0;
	case ARCH_GET_FS:
		return put_user_u64(current->thread.fsbase, (void __user *)addr);
	default:
		return -EINVAL;
	}
}

/* iopl(3) lets a root process use in/out (the test runner's exit port). */
long sys_iopl(unsigned int level)
{
	if (level > 3)
		return -EINVAL;
	if (current->cred->euid != 0)
		return -EPERM;
	current->regs->rflags = (current->regs->rflags & ~0x3000ULL) | ((u64)level << 12);
	return 0;
}

#define LINUX_REBOOT_MAGIC1 0xfee1dead
#define LINUX_REBOOT_CMD_RESTART 0x01234567
#define LINUX_REBOOT_CMD_HALT 0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF 0x4321fedc
#define LINUX_REBOOT_CMD_CAD_ON 0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF 0x00000000

void machine_power_off(void) __attribute__((noreturn));
void machine_restart(void) __attribute__((noreturn));

long sys_reboot(int magic1, int magic2, unsigned int cmd, void __user *arg)
{
	(void)arg;
	if (current->cred->euid != 0)
		return -EPERM;
	if ((u32)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != 672274793 && magic2 != 85072278 && magic2 != 369367448 &&
	     magic2 != 537993216))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_POWER_OFF:
	case LINUX_REBOOT_CMD_HALT:
		printk(KERN_NOTICE "reboot: Power down\n");
		machine_power_off();
	case LINUX_REBOOT_CMD_RESTART:
		printk(KERN_NOTICE "reboot: Restarting system\n");
		machine_restart();
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
