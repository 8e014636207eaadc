/*
 * wait4 and waitid: a parent collecting the status of its children.  A
 * zombie child is reaped (its PID and task freed) unless WNOWAIT asks only
 * to look; stopped and continued children are reported under WUNTRACED /
 * WCONTINUED.  The parent sleeps interruptibly on its signal_struct's
 * wait_chldexit queue, which exit_notify and the stop code wake.
 */
#include <tine/task.h>
#include <tine/wait_status.h>
#include <tine/errno.h>
#include <tine/string.h>
#include <tine/syscalls.h>
#include <tine/time.h>
#include <tine/trace.h>

struct wait_opts {
	int which;			/* P_ALL, P_PID, P_PGID */
	pid_t id;
	int options;
	bool is_waitid;
	/* result */
	pid_t pid;
	int status;			/* wait4 status word */
	int si_code, si_status;
	uid_t uid;
	u64 utime_ns, stime_ns;
	u64 nvcsw, nivcsw, maxrss_kb;
	u64 min_flt;
};

static bool selects(const struct wait_opts *w, const struct task_struct *c)
{
	switch (w->which) {
	case P_PID:
		return c->tgid == w->id;
	case P_PGID:
		return c->signal->pgrp == w->id;
	default:
		return true;
	}
}

/* __WCLONE picks children that report with another signal than SIGCHLD. */
static bool right_kind(const struct wait_opts *w, const struct task_struct *c)
{
	if (w->options & __WALL)
		return true;
	return ((c->exit_signal != SIGCHLD) == !!(w->options & __WCLONE));
}

static void fill_result(struct wait_opts *w, struct task_struct *c)
{
	w->pid = c->tgid;
	w->uid = c->cred ? c->cred->uid : 0;
	w->utime_ns = c->utime_ns + c->signal->cutime_ns;
	w->stime_ns = c->stime_ns + c->signal->cstime_ns;
	w->nvcsw = c->nvcsw;
	w->nivcsw = c->nivcsw;
	w->min_flt = c->min_flt + c->signal->min_flt + c->signal->cmin_flt;
}

/* The exit status of a zombie as wait4's word and waitid's code/status. */
static void exit_result(struct wait_opts *w, struct task_struct *c)
{
	int code = c->exit_code;
	fill_result(w, c);
	w->status = code;
	if ((code & 0x7f) == 0) {
		w->si_code = CLD_EXITED;
		w->si_status = (code >> 8) & 0xff;
	} else {
		w->si_code = (code & WCOREFLAG) ? CLD_DUMPED : CLD_KILLED;
		w->si_status = code & 0x7f;
	}
}

static int wait_task_zombie(struct wait_opts *w, struct task_struct *c)
{
	if (w->is_waitid && !(w->options & WEXITED))
		return 0;
	exit_result(w, c);
	if (w->options & WNOWAIT)
		return 1;
	struct signal_struct *ps = current->signal;
	ps->cutime_ns += c->utime_ns + c->signal->cutime_ns;
	ps->cstime_ns += c->stime_ns + c->signal->cstime_ns;
	ps->cmin_flt += c->min_flt + c->signal->min_flt + c->signal->cmin_flt;
	release_task(c);
	return 1;
}

static int wait_task_stopped(struct wait_opts *w, struct task_struct *c)
{
	struct signal_struct *sig = c->signal;
	int wanted = w->is_waitid ? WSTOPPED : WUNTRACED;

	if (!(w->options & wanted) || sig->notify_parent_cld != CLD_STOPPED)
		return 0;
	fill_result(w, c);
	w->status = W_STOPCODE(sig->stop_signal);
	w->si_code = CLD_STOPPED;
	w->si_status = sig->stop_signal;
	if (!(w->options & WNOWAIT))
		sig->notify_parent_cld = 0;
	return 1;
}

static int wait_task_continued(struct wait_opts *w, struct task_struct *c)
{
	struct signal_struct *sig = c->signal;

	if (!(w->options & WCONTINUED) || sig->notify_parent_cld != CLD_CONTINUED)
		return 0;
	fill_result(w, c);
	w->status = W_CONTINUED;
	w->si_code = CLD_CONTINUED;
	w->si_status = SIGCONT;
	if (!(w->options & WNOWAIT))
		sig->notify_parent_cld = 0;
	return 1;
}

/* One pass over the children: 1 found, 0 none ready, -ECHILD none at all. */
static int wait_scan(struct wait_opts *w)
{
	bool any = false;
	struct list_head *tp;
	struct task_struct *leader = current->group_leader;
	struct task_struct *thread = leader;

	/* Children of every thread in the group count (unless __WNOTHREAD). */
	tp = &leader->thread_group;
	do {
		if (!(w->options & __WNOTHREAD) || thread == current) {
			struct list_head *pos, *tmp;
			list_for_each_safe(pos, tmp, &thread->children) {
				struct task_struct *c = list_entry(pos, struct task_struct, sibling);
				if (!selects(w, c) || !right_kind(w, c))
					continue;
				any = true;
				if (c->exit_state == EXIT_ZOMBIE && c->signal->nr_threads == 0) {
					if (wait_task_zombie(w, c))
						return 1;
				} else if (!c->exit_state) {
					if (wait_task_stopped(w, c) || wait_task_continued(w, c))
						return 1;
				}
			}
		}
		tp = tp->next;
		thread = list_entry(tp, struct task_struct, thread_group);
	} while (tp != &leader->thread_group);
	return any ? 0 : -ECHILD;
}

static long do_wait(struct wait_opts *w)
{
	struct signal_struct *sig = current->signal;
	trace_sched_process_wait(w->which, w->id);
	long r = wait_scan(w);

	if (r != 0 || (w->options & WNOHANG))
		return r;
	long err = wait_event_interruptible(sig->wait_chldexit,
					    (r = wait_scan(w)) != 0);
	return err ? err : r;
}

struct timeval_user {
	s64 tv_sec, tv_usec;
};

struct rusage_user {
	struct timeval_user ru_utime, ru_stime;
	s64 ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt,
	    ru_nswap, ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv,
	    ru_nsignals, ru_nvcsw, ru_nivcsw;
};

static void ns_to_timeval(u64 ns, struct timeval_user *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / 1000;
}

static long put_rusage(const struct wait_opts *w, void __user *ru)
{
	struct rusage_user r;

	memset(&r, 0, sizeof(r));
	ns_to_timeval(w->utime_ns, &r.ru_utime);
	ns_to_timeval(w->stime_ns, &r.ru_stime);
	r.ru_nvcsw = w->nvcsw;
	r.ru_nivcsw = w->nivcsw;
	r.ru_minflt = w->min_flt;
	return copy_to_user(ru, &r, sizeof(r));
}

static long wait_result_pid_selector(pid_t pid, struct wait_opts *w)
{
	if (pid == -1) {
		w->which = P_ALL;
	} else if (pid < -1) {
		w->which = P_PGID;
		w->id = -pid;
	} else if (pid == 0) {
		w->which = P_PGID;
		w->id = current->signal->pgrp;
	} else {
		w->which = P_PID;
		w->id = pid;
	}
	return 0;
}

long sys_wait4(pid_t pid, int __user *status, int options, void __user *ru)
{
	struct wait_opts w;

	if (options & ~(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (pid == (pid_t)0x80000000)	/* -INT_MIN has no process group */
		return -ESRCH;
	memset(&w, 0, sizeof(w));
	wait_result_pid_selector(pid, &w);
	w.options = options | WEXITED;
	long ret = do_wait(&w);
	if (ret <= 0)
		return ret;
	/* Linux's wait4 fills status first; a bad pointer then gives EFAULT. */
	if (status && put_user_u32(w.status, status))
		return -EFAULT;
	if (ru && put_rusage(&w, ru))
		return -EFAULT;
	return w.pid;
}

struct siginfo_chld {
	int si_signo, si_errno, si_code, pad;
	int si_pid;
	u32 si_uid;
	int si_status, pad2;
	s64 si_utime, si_stime;
	u8 rest[128 - 48];
};

long sys_waitid(int which, pid_t id, void __user *info, int options, void __user *ru)
{
	struct wait_opts w;

	if (options & ~(WNOHANG | WNOWAIT | WEXITED | WSTOPPED | WCONTINUED |
			__WNOTHREAD | __WCLONE | __WALL))
		return -EINVAL;
	if (!(options & (WEXITED | WSTOPPED | WCONTINUED)))
		return -EINVAL;
	memset(&w, 0, sizeof(w));
	w.is_waitid = true;
	w.options = options;
	switch (which) {
	case P_ALL:
		w.which = P_ALL;
		break;
	case P_PID:
		if (id <= 0)
			return -EINVAL;
		w.which = P_PID;
		w.id = id;
		break;
	case P_PGID:
		if (id < 0)
			return -EINVAL;
		w.which = P_PGID;
		w.id = id ? id : current->signal->pgrp;
		break;
	default:
		return -EINVAL;
	}
	long ret = do_wait(&w);
	if (ret < 0)
		return ret;
	if (ru && ret > 0 && put_rusage(&w, ru))
		return -EFAULT;
	if (info) {
		struct siginfo_chld si;
		memset(&si, 0, sizeof(si));
		if (ret > 0) {
			si.si_signo = SIGCHLD;
			si.si_code = w.si_code;
			si.si_pid = w.pid;
			si.si_uid = w.uid;
			si.si_status = w.si_status;
			si.si_utime = w.utime_ns / (NSEC_PER_SEC / 100);
			si.si_stime = w.stime_ns / (NSEC_PER_SEC / 100);
		}
		if (copy_to_user(info, &si, sizeof(si)))
			return -EFAULT;
	}
	return 0;
}
