/*
 * Resource limits and usage: getrlimit/setrlimit/prlimit64, getrusage,
 * times, sysinfo, nice values (getpriority/setpriority), CPU affinity and
 * prctl.  Limits live in signal_struct, shared by the threads of a process
 * and copied by fork, as in Linux.
 */
#include <tine/task.h>
#include <tine/cpu.h>
#include <tine/errno.h>
#include <tine/string.h>
#include <tine/syscalls.h>
#include <tine/time.h>
#include <tine/page.h>
#include <tine/mm.h>

#define PRIO_PROCESS 0
#define PRIO_PGRP 1
#define PRIO_USER 2

static long do_prlimit(struct task_struct *t, unsigned int res,
		       const struct rlimit *new, struct rlimit *old)
{
	if (res >= RLIM_NLIMITS)
		return -EINVAL;
	struct rlimit *r = &t->signal->rlim[res];
	if (new) {
		if (new->rlim_cur > new->rlim_max)
			return -EINVAL;
		/* Raising the hard limit needs CAP_SYS_RESOURCE. */
		if (new->rlim_max > r->rlim_max && current->cred->euid != 0)
			return -EPERM;
		if (res == RLIMIT_NOFILE && new->rlim_max > 1048576)
			return -EPERM;	/* fs.nr_open */
	}
	if (old)
		*old = *r;
	if (new)
		*r = *new;
	return 0;
}

long sys_getrlimit(unsigned int res, void __user *rl)
{
	struct rlimit old;
	long err = do_prlimit(current, res, NULL, &old);
	return err ? err : copy_to_user(rl, &old, sizeof(old));
}

long sys_setrlimit(unsigned int res, const void __user *rl)
{
	struct rlimit new;
	if (copy_from_user(&new, rl, sizeof(new)))
		return -EFAULT;
	return do_prlimit(current, res, &new, NULL);
}

long sys_prlimit64(pid_t pid, unsigned int res, const void __user *newp, void __user *oldp)
{
	struct rlimit new, old;
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	if (!t || t->exit_state)
		return -ESRCH;
	if (newp && copy_from_user(&new, newp, sizeof(new)))
		return -EFAULT;
	long err = do_prlimit(t, res, newp ? &new : NULL, oldp ? &old : NULL);
	if (!err && oldp && copy_to_user(oldp, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

struct rusage_k {
	s64 utime_sec, utime_usec, stime_sec, stime_usec;
	s64 maxrss, ixrss, idrss, isrss, minflt, majflt, nswap, inblock,
	    oublock, msgsnd, msgrcv, nsignals, nvcsw, nivcsw;
};

static void group_times(struct task_struct *leader, u64 *ut, u64 *st, u64 *vcsw,
			u64 *ivcsw, u64 *minflt)
{
	struct list_head *pos = &leader->thread_group;
	struct task_struct *t = leader;
	*ut = *st = *vcsw = *ivcsw = 0;
	*minflt = leader->signal->min_flt;	/* its threads that have exited */
	do {
		*ut += t->utime_ns;
		*st += t->stime_ns;
		*vcsw += t->nvcsw;
		*ivcsw += t->nivcsw;
		*minflt += t->min_flt;
		pos = pos->next;
		t = list_entry(pos, struct task_struct, thread_group);
	} while (pos != &leader->thread_group);
}

long sys_getrusage(int who, void __user *ru)
{
	struct rusage_k r;
	u64 ut, st, vcsw = 0, ivcsw = 0, minflt = 0;

	memset(&r, 0, sizeof(r));
	if (who == RUSAGE_SELF) {
		group_times(current->group_leader, &ut, &st, &vcsw, &ivcsw,
			    &minflt);
		if (current->mm)
			r.maxrss = current->mm->hiwater_rss * 4;
	} else if (who == RUSAGE_CHILDREN) {
		ut = current->signal->cutime_ns;
		st = current->signal->cstime_ns;
		minflt = current->signal->cmin_flt;
	} else if (who == RUSAGE_THREAD) {
		ut = current->utime_ns;
		st = current->stime_ns;
		vcsw = current->nvcsw;
		ivcsw = current->nivcsw;
		minflt = current->min_flt;
	} else {
		return -EINVAL;
	}
	r.utime_sec = ut / NSEC_PER_SEC;
	r.utime_usec = (ut % NSEC_PER_SEC) / 1000;
	r.stime_sec = st / NSEC_PER_SEC;
	r.stime_usec = (st % NSEC_PER_SEC) / 1000;
	r.nvcsw = vcsw;
	r.nivcsw = ivcsw;
	r.minflt = minflt;
	return copy_to_user(ru, &r, sizeof(r));
}

/* times(2): clock ticks (USER_HZ = 100), and the return value is uptime. */
long sys_times(void __user *buf)
{
	u64 ut, st, v, iv, mf;
	group_times(current->group_leader, &ut, &st, &v, &iv, &mf);
	s64 t[4] = { (s64)(ut / 10000000), (s64)(st / 10000000),
		     (s64)(current->signal->cutime_ns / 10000000),
		     (s64)(current->signal->cstime_ns / 10000000) };
	if (buf && copy_to_user(buf, t, sizeof(t)))
		return -EFAULT;
	return ktime_get_ns() / 10000000;
}

struct sysinfo_k {
	s64 uptime;
	u64 loads[3];
	u64 totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	u16 procs, pad;
	u32 pad2;
	u64 totalhigh, freehigh;
	u32 mem_unit;
	char _f[4];
};

long sys_sysinfo(void __user *info)
{
	struct sysinfo_k s;
	memset(&s, 0, sizeof(s));
	s.uptime = ktime_get_ns() / NSEC_PER_SEC;
	loadavg_get(s.loads);
	s.totalram = nr_total_pages() * PAGE_SIZE;
	s.freeram = nr_free_pages() * PAGE_SIZE;
	s.procs = nr_live_tasks();
	s.mem_unit = 1;
	return copy_to_user(info, &s, sizeof(s));
}

static bool prio_match(struct task_struct *t, int which, int who)
{
	if (t->exit_state || !t->signal)
		return false;
	switch (which) {
	case PRIO_PROCESS:
		return t->tgid == (who ? who : current->tgid) || t->pid == who;
	case PRIO_PGRP:
		return t->signal->pgrp == (who ? who : current->signal->pgrp);
	case PRIO_USER:
		return t->cred->uid == (u32)(who ? who : (int)current->cred->uid);
	}
	return false;
}

/* getpriority returns 20 - nice (1..40) so that it is never negative. */
long sys_getpriority(int which, int who)
{
	struct list_head *pos;
	long best = -ESRCH;
	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (prio_match(t, which, who) && 20 - t->nice > best)
			best = 20 - t->nice;
	}
	return best;
}

long sys_setpriority(int which, int who, int niceval)
{
	struct list_head *pos;
	long err = -ESRCH;
	if (which < PRIO_PROCESS || which > PRIO_USER)
		return -EINVAL;
	if (niceval < -20)
		niceval = -20;
	if (niceval > 19)
		niceval = 19;
	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (!prio_match(t, which, who))
			continue;
		if (niceval < t->nice && current->cred->euid != 0) {
			err = -EACCES;	/* lowering nice needs CAP_SYS_NICE */
			continue;
		}
		t->nice = niceval;
		err = 0;
	}
	return err;
}

static u64 online_mask(void)
{
	return nr_cpus >= 64 ? ~0ULL : (1ULL << nr_cpus) - 1;
}

/* The mask is one u64: Tine has at most MAX_CPUS CPUs. */
long sys_sched_getaffinity(pid_t pid, unsigned int len, void __user *mask)
{
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	if (!t)
		return -ESRCH;
	if (len < sizeof(u64) || (len & (sizeof(u64) - 1)))
		return -EINVAL;
	u64 m = t->cpus_allowed & online_mask();
	if (copy_to_user(mask, &m, sizeof(m)))
		return -EFAULT;
	return sizeof(u64);
}

/* Only CPUs that are online count; a mask with none of them is EINVAL. */
long sys_sched_setaffinity(pid_t pid, unsigned int len, const void __user *mask)
{
	u64 m = 0;
	struct task_struct *t = pid ? find_task_by_pid(pid) : current;
	if (!t)
		return -ESRCH;
	if (copy_from_user(&m, mask, MIN(len, sizeof(m))))
		return -EFAULT;
	const struct cred *c = current->cred;
	if (c->euid != 0 && c->euid != t->cred->uid && c->euid != t->cred->euid)
		return -EPERM;
	if (!(m & online_mask()))
		return -EINVAL;
	set_cpus_allowed(t, m);
	return 0;
}

/* getcpu(2): the CPU the caller runs on now (it may move at any moment). */
long sys_getcpu(unsigned int __user *cpu, unsigned int __user *node, void __user *cache)
{
	(void)cache;
	if (cpu && put_user_u32(smp_processor_id(), cpu))
		return -EFAULT;
	if (node && put_user_u32(0, node))
		return -EFAULT;
	return 0;
}

#define PR_SET_PDEATHSIG 1
#define PR_GET_PDEATHSIG 2
#define PR_GET_DUMPABLE 3
#define PR_SET_DUMPABLE 4
#define PR_SET_NAME 15
#define PR_GET_NAME 16
#define PR_SET_CHILD_SUBREAPER 36
#define PR_GET_CHILD_SUBREAPER 37

long sys_prctl(int option, u64 a2, u64 a3, u64 a4, u64 a5)
{
	(void)a3; (void)a4; (void)a5;
	struct task_struct *t = current;
	switch (option) {
	case PR_SET_PDEATHSIG:
		if (a2 > _NSIG)
			return -EINVAL;
		t->pdeath_signal = a2;
		return 0;
	case PR_GET_PDEATHSIG:
		return put_user_u32(t->pdeath_signal, (void __user *)a2);
	case PR_GET_DUMPABLE:
		return 1;
	case PR_SET_DUMPABLE:
		return a2 <= 1 ? 0 : -EINVAL;
	case PR_SET_NAME: {
		char name[TASK_COMM_LEN];
		long n = strncpy_from_user(name, (const char __user *)a2, TASK_COMM_LEN);
		if (n < 0)
			return n;
		name[TASK_COMM_LEN - 1] = 0;
		memcpy(t->comm, name, TASK_COMM_LEN);
		return 0;
	}
	case PR_GET_NAME:
		return copy_to_user((void __user *)a2, t->comm, TASK_COMM_LEN);
	case PR_SET_CHILD_SUBREAPER:
		t->group_leader->is_child_subreaper = a2 != 0;
		return 0;
	case PR_GET_CHILD_SUBREAPER:
		return put_user_u32(t->group_leader->is_child_subreaper, (void __user *)a2);
	default:
		return -EINVAL;
	}
}
