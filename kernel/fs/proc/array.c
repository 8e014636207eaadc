/*
 * /proc/PID/stat, status and statm (Linux's fs/proc/array.c): one pass over
 * the task, its thread group, its address space and its signal state fills
 * a struct proc_task_info, and the formatters in format.c turn that into
 * Linux's text.  Per-process files add up their threads' CPU times and
 * context switches, as Linux does for the thread-group leader's files.
 */
#include <tine/proc_fs.h>
#include <tine/task.h>
#include <tine/mm.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/tty.h>
#include <tine/string.h>
#include <tine/errno.h>

/* Linux's PF_* task flags that Tine can honestly report. */
#define PF_EXITING	0x00000004
#define PF_FORKNOEXEC	0x00000040
#define PF_KTHREAD	0x00200000

/* Capabilities 0..CAP_LAST_CAP (40) exist; Linux shows no bits above. */
#define CAP_VALID_MASK	0x1ffffffffffUL

#define NS_PER_TICK (1000000000 / USER_HZ)

/* The controlling tty as stat's tty_nr: the console is ttyS0 (4:64). */
static void tty_fields(struct task_struct *t, struct proc_task_info *p)
{
	struct tty_struct *tty = t->signal ? t->signal->tty : NULL;

	p->tty_nr = tty ? (s32)new_encode_dev(4, 64) : 0;
	p->tpgid = tty && tty->pgrp ? tty->pgrp : -1;
}

/* data_vm, stack_vm, exec_vm as Linux's vm_stat_account() classes them. */
static void vma_classes(struct mm_struct *mm, struct proc_task_info *p)
{
	for (int i = 0; i < vma_count(&mm->mmap); i++) {
		struct vm_area_struct *v = vma_at(&mm->mmap, i);
		u64 pages = (v->vm_end - v->vm_start) / 4096;
		u64 f = v->vm_flags;

		if (f & VM_GROWSDOWN)
			p->stack_vm += pages;
		else if ((f & (VM_WRITE | VM_SHARED)) == VM_WRITE)
			p->data_vm += pages;
		else if ((f & (VM_EXEC | VM_WRITE)) == VM_EXEC)
			p->exec_vm += pages;
	}
}

static void mm_fields(struct mm_struct *mm, struct proc_task_info *p)
{
	p->has_mm = true;
	p->total_vm = mm->total_vm;
	p->hiwater_vm = mm->hiwater_vm;
	p->rss_anon = mm->rss_anon;
	p->rss_file = mm->rss_file;
	p->hiwater_rss = mm->hiwater_rss;
	p->start_code = mm->start_code;
	p->end_code = mm->end_code;
	p->start_stack = mm->start_stack;
	p->start_data = mm->start_data;
	p->end_data = mm->end_data;
	p->start_brk = mm->start_brk;
	p->arg_start = mm->arg_start;
	p->arg_end = mm->arg_end;
	p->env_start = mm->env_start;
	p->env_end = mm->env_end;
	vma_classes(mm, p);
	p->pte_pages = mm_pgtable_pages(mm);
}

static void sig_fields(struct task_struct *t, struct proc_task_info *p)
{
	struct signal_struct *sig = t->signal;

	p->sig_pending = t->pending.signal;
	p->blocked = t->blocked;
	if (sig) {
		p->shared_pending = sig->shared_pending.signal;
		p->sigq = sig->nr_sigqueue;
		p->sigq_max = sig->rlim[RLIMIT_SIGPENDING].rlim_cur;
		p->rsslim = sig->rlim[5].rlim_cur;	/* RLIMIT_RSS */
		p->pgrp = sig->pgrp;
		p->session = sig->session;
		p->cutime = sig->cutime_ns / NS_PER_TICK;
		p->cstime = sig->cstime_ns / NS_PER_TICK;
		p->cmin_flt = sig->cmin_flt;
		p->num_threads = sig->nr_threads;
	}
	for (int s = 1; t->sighand && s <= _NSIG; s++) {
		u64 h = t->sighand->action[s - 1].handler;

		if (h == SIG_IGN)
			p->ignored |= sigmask(s);
		else if (h != SIG_DFL)
			p->caught |= sigmask(s);
	}
}

static void cred_fields(struct task_struct *t, struct proc_task_info *p)
{
	struct cred *c = t->cred;

	p->uid[0] = c->uid; p->uid[1] = c->euid;
	p->uid[2] = c->suid; p->uid[3] = c->fsuid;
	p->gid[0] = c->gid; p->gid[1] = c->egid;
	p->gid[2] = c->sgid; p->gid[3] = c->fsgid;
	if (c->group_info) {
		p->groups = c->group_info->gid;
		p->ngroups = c->group_info->ngroups;
	}
	p->cap_inh = c->cap_inheritable & CAP_VALID_MASK;
	p->cap_prm = c->cap_permitted & CAP_VALID_MASK;
	p->cap_eff = c->cap_effective & CAP_VALID_MASK;
	p->cap_bnd = CAP_VALID_MASK;
}

/* CPU times, faults and switches: the thread's own, or the group's for a
 * leader (with the faults of its exited threads, as do_task_stat sums). */
static void time_fields(struct task_struct *t, struct proc_task_info *p, bool whole)
{
	u64 ut = 0, st = 0, minflt = 0;
	struct list_head *pos;

	list_for_each(pos, &task_list) {
		struct task_struct *q = list_entry(pos, struct task_struct, tasks);

		if (q == t || (whole && q->tgid == t->tgid)) {
			ut += q->utime_ns;
			st += q->stime_ns;
			minflt += q->min_flt;
		}
	}
	if (whole && t->signal)
		minflt += t->signal->min_flt;
	p->min_flt = minflt;
	p->utime = ut / NS_PER_TICK;
	p->stime = st / NS_PER_TICK;
	p->nvcsw = t->nvcsw;
	p->nivcsw = t->nivcsw;
}

void proc_task_info_get(struct task_struct *t, struct proc_task_info *p)
{
	memset(p, 0, sizeof(*p));
	strlcpy(p->comm, t->comm, sizeof(p->comm));
	p->state = task_state_char(t);
	p->sleeping_in_kernel = p->state == 'S' || p->state == 'D';
	p->pid = t->pid;
	p->tgid = t->tgid;
	p->ppid = t->real_parent && t->pid != 1 ? t->real_parent->tgid : 0;
	p->flags = (t->did_exec ? 0 : PF_FORKNOEXEC) |
		   (t->exit_state ? PF_EXITING : 0) |
		   (!t->mm && !t->exit_state ? PF_KTHREAD : 0);
	p->nice = t->nice;
	p->num_threads = 1;
	p->start_time = t->start_time_ns / NS_PER_TICK;
	p->rsslim = RLIM_INFINITY;
	p->exit_signal = t->exit_signal;
	p->processor = t->cpu;
	p->exit_code = t->exit_state ? t->exit_code : 0;
	if (t->fs)
		p->umask = t->fs->umask;
	if (t->files)
		p->fdsize = t->files->max_fds;
	tty_fields(t, p);
	sig_fields(t, p);
	cred_fields(t, p);
	time_fields(t, p, thread_group_leader(t));
	if (t->mm && !t->exit_state)
		mm_fields(t->mm, p);
}

static int show_with(struct proc_buf *pb, s32 pid,
		     void (*fmt)(struct proc_buf *, const struct proc_task_info *))
{
	struct task_struct *t = proc_task(pid);
	struct proc_task_info info;

	if (!t)
		return -ESRCH;
	proc_task_info_get(t, &info);
	fmt(pb, &info);
	return 0;
}

int proc_pid_stat(struct proc_buf *pb, s32 pid)
{
	return show_with(pb, pid, proc_format_stat);
}

int proc_pid_status(struct proc_buf *pb, s32 pid)
{
	return show_with(pb, pid, proc_format_status);
}

int proc_pid_statm(struct proc_buf *pb, s32 pid)
{
	return show_with(pb, pid, proc_format_statm);
}
