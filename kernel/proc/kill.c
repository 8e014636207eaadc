/*
 * Sending signals from user space: kill (to a process, a process group,
 * or everyone), tkill and tgkill (to one thread), rt_sigqueueinfo and
 * rt_tgsigqueueinfo (with a caller-supplied siginfo).  Each checks
 * permission first, as Linux's check_kill_permission: "the real or
 * effective user ID of the sending process must equal the real or saved
 * set-user-ID of the target process", unless the sender is privileged or
 * it is SIGCONT within the same session (kill(2)).  Signal 0 checks only.
 */
#include <tine/task.h>
#include <tine/signal.h>
#include <tine/errno.h>
#include <tine/string.h>
#include <tine/syscalls.h>

static int check_kill_permission(int sig, struct task_struct *t)
{
	const struct cred *c = current->cred, *tc = t->cred;

	if (t->tgid == current->tgid || !tc)
		return 0;
	if (c->euid == 0 || c->euid == tc->uid || c->euid == tc->suid ||
	    c->uid == tc->uid || c->uid == tc->suid)
		return 0;
	if (sig == SIGCONT && t->signal->session == current->signal->session)
		return 0;
	return -EPERM;
}

static void user_siginfo(struct kernel_siginfo *info, int sig, int code)
{
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	info->si_code = code;
	info->si_pid = current->tgid;
	info->si_uid = current->cred->uid;
}

/* To a whole process, after the permission check. */
static int send_to_process(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	int err = check_kill_permission(sig, p);
	if (err || !sig)
		return err;
	return group_send_sig_info(sig, info, p->group_leader);
}

/* Every process of group pgrp: 0 if any got it, else the last error. */
static int kill_pgrp_info(int sig, struct kernel_siginfo *info, pid_t pgrp)
{
	struct list_head *pos;
	int err = -ESRCH;
	bool success = false;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (!thread_group_leader(t) || !t->signal || t->signal->pgrp != pgrp)
			continue;
		err = send_to_process(sig, info, t);
		success |= !err;
	}
	return success ? 0 : err;
}

/* kill(-1): "all processes for which the calling process has permission
 * to send signals, except for process 1 (init)" and, in Linux, itself. */
static int kill_everyone(int sig, struct kernel_siginfo *info)
{
	struct list_head *pos;
	int count = 0, ret = 0;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (!thread_group_leader(t) || t->tgid <= 1 || t->tgid == current->tgid ||
		    !t->signal || t->signal->nr_threads == 0)
			continue;
		int err = send_to_process(sig, info, t);
		count++;
		if (err != -EPERM)
			ret = err;
	}
	return count ? ret : -ESRCH;
}

long sys_kill(pid_t pid, int sig)
{
	struct kernel_siginfo info;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	user_siginfo(&info, sig, SI_USER);
	if (pid > 0) {
		struct task_struct *t = find_task_by_pid(pid);
		return t ? send_to_process(sig, &info, t) : -ESRCH;
	}
	if (pid == -1)
		return kill_everyone(sig, &info);
	if (pid == (pid_t)0x80000000)
		return -ESRCH;
	return kill_pgrp_info(sig, &info, pid == 0 ? current->signal->pgrp : -pid);
}

/* One thread, tgid (if > 0) saying which process it must belong to. */
static long do_send_specific(pid_t tgid, pid_t tid, int sig, struct kernel_siginfo *info)
{
	struct task_struct *t = find_task_by_pid(tid);

	if (!t || (tgid > 0 && t->tgid != tgid) || t->exit_state)
		return -ESRCH;
	int err = check_kill_permission(sig, t);
	if (err || !sig)
		return err;
	return send_sig_info(sig, info, t);
}

long sys_tkill(pid_t tid, int sig)
{
	struct kernel_siginfo info;

	if (tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	user_siginfo(&info, sig, SI_TKILL);
	return do_send_specific(0, tid, sig, &info);
}

long sys_tgkill(pid_t tgid, pid_t tid, int sig)
{
	struct kernel_siginfo info;

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	user_siginfo(&info, sig, SI_TKILL);
	return do_send_specific(tgid, tid, sig, &info);
}

/*
 * "a process can't use rt_sigqueueinfo to send a signal with si_code
 * >= 0 or SI_TKILL to another process, since it would pretend to be the
 * kernel or kill()" (Linux's rule, EPERM).
 */
static long get_queue_info(struct kernel_siginfo *info, const void __user *uinfo,
			   int sig, pid_t target)
{
	if (copy_siginfo_from_user(info, uinfo))
		return -EFAULT;
	if ((info->si_code >= 0 || info->si_code == SI_TKILL) && target != current->tgid)
		return -EPERM;
	info->si_signo = sig;
	return 0;
}

long sys_rt_sigqueueinfo(pid_t pid, int sig, const void __user *uinfo)
{
	struct kernel_siginfo info;

	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	long err = get_queue_info(&info, uinfo, sig, pid);
	if (err)
		return err;
	struct task_struct *t = pid > 0 ? find_task_by_pid(pid) : NULL;
	return t ? send_to_process(sig, &info, t) : -ESRCH;
}

long sys_rt_tgsigqueueinfo(pid_t tgid, pid_t tid, int sig, const void __user *uinfo)
{
	struct kernel_siginfo info;

	if (tgid <= 0 || tid <= 0 || sig < 0 || sig > _NSIG)
		return -EINVAL;
	long err = get_queue_info(&info, uinfo, sig, tgid);
	if (err)
		return err;
	return do_send_specific(tgid, tid, sig, &info);
}
