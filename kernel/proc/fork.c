/*
 * Creating tasks: fork, vfork, clone and clone3 all come to kernel_clone(),
 * and the clone flags decide, one line per sub-structure, whether the child
 * shares the parent's (takes a reference) or gets a copy.  A process is a
 * task with fresh copies; a thread is one that shares mm, files, fs and the
 * signal structures.  The address-space copy is copy-on-write (mm/mm.c).
 */
#include <tine/task.h>
#include <tine/trace.h>
#include <tine/clone.h>
#include <tine/cpu.h>
#include <tine/ptrace.h>
#include <tine/mm.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/pid.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/time.h>
#include <tine/syscalls.h>
#include <tine/printk.h>
#include <tine/page.h>

/* Linux's rules for flag combinations (kernel/fork.c copy_process). */
static int check_clone_flags(u64 flags)
{
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & CLONE_PARENT) && current->tgid == 1)
		return -EINVAL;		/* init has no parent to share */
	if (flags & CLONE_NAMESPACES) {
		pr_warn("clone: namespaces are not supported (flags %llx)\n",
			(unsigned long long)flags);
		return -EINVAL;
	}
	return 0;
}

static int copy_mm(u64 flags, struct task_struct *p)
{
	struct mm_struct *mm = current->mm;
	if (!mm)
		return 0;
	if (flags & CLONE_VM) {
		mmget(mm);
		p->mm = mm;
		return 0;
	}
	p->mm = dup_mm(mm);
	return p->mm ? 0 : -ENOMEM;
}

static int copy_files(u64 flags, struct task_struct *p)
{
	struct files_struct *f = current->files;
	if (!f)
		return 0;
	if (flags & CLONE_FILES) {
		f->count++;
		p->files = f;
		return 0;
	}
	p->files = dup_files(f);
	return p->files ? 0 : -ENOMEM;
}

static int copy_fs(u64 flags, struct task_struct *p)
{
	struct fs_struct *fs = current->fs;
	if (!fs)
		return 0;
	if (flags & CLONE_FS) {
		fs->users++;
		p->fs = fs;
		return 0;
	}
	p->fs = copy_fs_struct(fs);
	return p->fs ? 0 : -ENOMEM;
}

static int copy_sighand(u64 flags, struct task_struct *p)
{
	if (flags & CLONE_SIGHAND) {
		current->sighand->count++;
		p->sighand = current->sighand;
		return 0;
	}
	p->sighand = sighand_alloc();
	if (!p->sighand)
		return -ENOMEM;
	memcpy(p->sighand->action, current->sighand->action,
	       sizeof(p->sighand->action));
	return 0;
}

static int copy_signal(u64 flags, struct task_struct *p)
{
	struct signal_struct *cur = current->signal;
	if (flags & CLONE_THREAD) {
		cur->count++;
		cur->nr_threads++;
		p->signal = cur;
		return 0;
	}
	struct signal_struct *sig = signal_alloc();
	if (!sig)
		return -ENOMEM;
	memcpy(sig->rlim, cur->rlim, sizeof(sig->rlim));
	sig->pgrp = cur->pgrp;
	sig->session = cur->session;
	sig->tty = cur->tty;
	p->signal = sig;
	return 0;
}

/* Undo whatever copy_process() had set up; each put is a no-op on NULL. */
static void cleanup_child(struct task_struct *p)
{
	if (p->mm)
		mmput(p->mm);
	if (p->files)
		put_files_struct(p->files);
	if (p->fs)
		put_fs_struct(p->fs);
	if (p->sighand)
		put_sighand(p->sighand);
	if (p->signal)
		put_signal_struct(p->signal);
	if (p->cred)
		put_cred(p->cred);
	if (p->pid > 0)
		pid_free(p->pid);
	free_task(p);
}

/*
 * The child's kernel stack: its pt_regs are the parent's (so it returns to
 * the same instruction), with rax = 0 so fork() returns 0 there; below them
 * the frame switch_to_asm pops on its first run, returning to ret_from_fork.
 */
static void setup_child_stack(struct task_struct *p, u64 stack, u64 tls, u64 flags)
{
	*p->regs = *current->regs;
	p->regs->rax = 0;
	if (stack)
		p->regs->rsp = stack;
	u64 *frame = (u64 *)p->regs - 7;
	memset(frame, 0, 7 * sizeof(u64));
	frame[6] = (u64)ret_from_fork;
	p->thread.rsp = (u64)frame;
	/* The parent's live FPU registers are its truth: save them to copy. */
	__asm__ volatile("fxsave (%0)" : : "r"(current->thread.fpu) : "memory");
	memcpy(p->thread.fpu, current->thread.fpu, sizeof(p->thread.fpu));
	p->thread.fsbase = (flags & CLONE_SETTLS) ? tls : current->thread.fsbase;
}

static void link_child(struct task_struct *p, u64 flags)
{
	struct task_struct *cur = current;

	if (flags & CLONE_THREAD) {
		p->tgid = cur->tgid;
		p->group_leader = cur->group_leader;
		list_add_tail(&p->thread_group, &cur->group_leader->thread_group);
	} else {
		p->tgid = p->pid;
		p->group_leader = p;
	}
	if (flags & (CLONE_PARENT | CLONE_THREAD)) {
		p->real_parent = cur->real_parent;
	} else {
		p->real_parent = cur;
	}
	p->parent = p->real_parent;
	/* Only a thread group leader is its parent's child: wait() sees
	 * processes, never their threads. */
	if (!(flags & CLONE_THREAD))
		list_add_tail(&p->sibling, &p->real_parent->children);
	task_list_add(p);
}

/*
 * kernel.threads-max: how many tasks may exist.  Linux's default
 * (set_max_threads) lets kernel stacks take at most an eighth of RAM, and
 * is never less than MIN_THREADS; a write (sysctl_max_threads) must lie in
 * [1, MAX_THREADS] or gets EINVAL.
 */
static int max_threads;

int threads_max_get(void)
{
	if (!max_threads) {
		u64 n = nr_total_pages() / (8 * KSTACK_SIZE / PAGE_SIZE);
		max_threads = n < MIN_THREADS ? MIN_THREADS :
			      n > MAX_THREADS ? MAX_THREADS : (int)n;
	}
	return max_threads;
}

int threads_max_set(int v)
{
	if (v < 1 || v > MAX_THREADS)
		return -EINVAL;
	max_threads = v;
	return 0;
}

static struct task_struct *copy_process(u64 flags, u64 stack, int __user *ctid,
					u64 tls, int exit_signal, long *err)
{
	struct task_struct *cur = current, *p;

	*err = check_clone_flags(flags);
	if (*err)
		return NULL;
	uid_t uid = cur->cred->uid;
	if (uid != 0 && count_user_processes(uid) >=
	    (int)cur->signal->rlim[RLIMIT_NPROC].rlim_cur) {
		*err = -EAGAIN;
		return NULL;
	}
	/* fork(2): "EAGAIN ... the system-wide limit on the number of
	 * threads, as defined by /proc/sys/kernel/threads-max" (root too). */
	if (nr_tasks_get() >= threads_max_get()) {
		*err = -EAGAIN;
		return NULL;
	}
	p = alloc_task();
	if (!p) {
		*err = -ENOMEM;
		return NULL;
	}
	p->pid = pid_alloc();
	if (p->pid < 0) {
		*err = -EAGAIN;
		p->pid = 0;
		goto fail;
	}
	memcpy(p->comm, cur->comm, sizeof(p->comm));
	p->nice = cur->nice;
	p->cpu = cur->cpu;
	p->cpus_allowed = cur->cpus_allowed;
	p->blocked = cur->blocked;
	p->start_time_ns = ktime_get_ns();
	p->cred = cur->cred;
	get_cred(p->cred);
	/* "CLONE_PARENT re-uses the old parent" (Linux's copy_process), and
	 * the caller's own exit signal with it: the common parent never asked
	 * for the signal in clone's flags. */
	if (flags & CLONE_THREAD)
		p->exit_signal = -1;
	else if (flags & CLONE_PARENT)
		p->exit_signal = cur->group_leader->exit_signal;
	else
		p->exit_signal = exit_signal;
	if (flags & CLONE_CHILD_SETTID)
		p->set_child_tid = ctid;
	if (flags & CLONE_CHILD_CLEARTID)
		p->clear_child_tid = ctid;
	*err = copy_mm(flags, p);
	if (!*err)
		*err = copy_files(flags, p);
	if (!*err)
		*err = copy_fs(flags, p);
	if (!*err)
		*err = copy_sighand(flags, p);
	if (!*err)
		*err = copy_signal(flags, p);
	if (*err)
		goto fail;
	/* Let kill terminate fork in the middle, as Linux does: a parent
	 * killed while it was on its way into fork (on another CPU, between
	 * the kill's IPI and its next look at its signals) must not leave a
	 * child that the kill never saw. */
	if (fatal_signal_pending(cur)) {
		*err = -EINTR;
		goto fail;
	}
	/* From here on nothing can fail: the child becomes visible. */
	setup_child_stack(p, stack, tls, flags);
	link_child(p, flags);
	return p;
fail:
	cleanup_child(p);
	return NULL;
}

long kernel_clone(u64 flags, u64 stack, int __user *ptid, int __user *ctid,
		  u64 tls, int exit_signal)
{
	long err;
	struct vfork_done vfork;

	struct task_struct *p = copy_process(flags, stack, ctid, tls, exit_signal, &err);
	if (!p)
		return err;
	pid_t pid = p->pid;
	if (flags & CLONE_PARENT_SETTID)
		put_user_u32(pid, ptid);
	if (flags & CLONE_VFORK) {
		vfork.done = false;
		init_waitqueue_head(&vfork.wq, "vfork");
		p->vfork_done = &vfork;
	}
	trace_sched_process_fork(p, flags);
	sched_add_new(p);
	if (flags & CLONE_VFORK)
		wait_event(vfork.wq, vfork.done);
	return pid;
}

/* The child has exec'd or is exiting: release a vfork parent. */
void complete_vfork_done(struct task_struct *t)
{
	struct vfork_done *v = t->vfork_done;
	if (!v)
		return;
	t->vfork_done = NULL;
	v->done = true;
	wake_up(&v->wq);
}

long sys_fork(void)
{
	return kernel_clone(0, 0, NULL, NULL, 0, SIGCHLD);
}

long sys_vfork(void)
{
	return kernel_clone(CLONE_VFORK | CLONE_VM, 0, NULL, NULL, 0, SIGCHLD);
}

/* x86-64 argument order: flags, newsp, parent_tid, child_tid, tls. */
long sys_clone(u64 flags, u64 newsp, int __user *parent_tid,
	       int __user *child_tid, u64 tls)
{
	return kernel_clone(flags & ~(u64)CSIGNAL, newsp, parent_tid, child_tid,
			    tls, flags & CSIGNAL);
}

struct clone_args {
	u64 flags, pidfd, child_tid, parent_tid, exit_signal, stack,
	    stack_size, tls, set_tid, set_tid_size, cgroup;
};

long sys_clone3(void __user *uargs, size_t size)
{
	struct clone_args a;

	if (size < 64 || size > PAGE_SIZE)
		return -EINVAL;
	memset(&a, 0, sizeof(a));
	if (copy_from_user(&a, uargs, MIN(size, sizeof(a))))
		return -EFAULT;
	if (a.exit_signal > 64 || (a.flags & CSIGNAL) || a.set_tid || a.cgroup)
		return -EINVAL;
	if ((a.stack == 0) != (a.stack_size == 0))
		return -EINVAL;
	if (a.flags & CLONE_PIDFD)
		return -EINVAL;		/* pidfds are not implemented yet */
	return kernel_clone(a.flags, a.stack ? a.stack + a.stack_size : 0,
			    (int __user *)a.parent_tid, (int __user *)a.child_tid,
			    a.tls, (int)a.exit_signal);
}
