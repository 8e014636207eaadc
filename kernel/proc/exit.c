/*
 * The end of a task: exit and exit_group release the address space, files
 * and fs, reparent the children (to another thread of the group, else the
 * nearest PR_SET_CHILD_SUBREAPER ancestor, else init), and leave a zombie
 * holding the exit status until the parent collects it with wait4/waitid.
 * A parent that ignores SIGCHLD (or set SA_NOCLDWAIT) never sees zombies:
 * its children are reaped at once.  Reaping frees the PID and the task.
 */
#include <tine/task.h>
#include <tine/kernel_lock.h>
#include <tine/wait_status.h>
#include <tine/cpu.h>
#include <tine/mm.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/pid.h>
#include <tine/errno.h>
#include <tine/panic.h>
#include <tine/string.h>
#include <tine/syscalls.h>
#include <tine/futex.h>
#include <tine/time.h>
#include <tine/trace.h>

/* Linux's mm_release: wake a vfork parent and a pthread_join()er. */
static void mm_release(struct task_struct *t)
{
	exit_robust_list(t);
	if (t->clear_child_tid) {
		if (t->mm && t->mm->mm_users > 1) {
			put_user_u32(0, t->clear_child_tid);
			futex_wake((u64)t->clear_child_tid, 1, true);
		}
		t->clear_child_tid = NULL;
	}
	complete_vfork_done(t);
}

static void exit_mm(struct task_struct *t)
{
	struct mm_struct *mm = t->mm;
	if (!mm)
		return;
	mm_release(t);
	t->mm = NULL;
	mmput(mm);
}

static bool task_alive(const struct task_struct *t)
{
	return !t->exit_state && !(t->signal && t->signal->group_exit && t != current);
}

/* Who adopts the children of an exiting task (Linux find_new_reaper). */
static struct task_struct *find_new_reaper(struct task_struct *dying)
{
	struct list_head *pos;

	list_for_each(pos, &dying->group_leader->thread_group) {
		struct task_struct *t = list_entry(pos, struct task_struct, thread_group);
		if (t != dying && !t->exit_state && !t->signal->group_exit)
			return t;
	}
	if (dying != dying->group_leader && !dying->group_leader->exit_state &&
	    !dying->signal->group_exit)
		return dying->group_leader;
	for (struct task_struct *a = dying->real_parent; a && a->pid > 1;
	     a = a->real_parent) {
		if (a->group_leader->is_child_subreaper && task_alive(a))
			return a;
	}
	return init_task_ptr;
}

static void reparent_children(struct task_struct *dying)
{
	struct list_head *pos, *tmp;
	struct task_struct *reaper = find_new_reaper(dying);

	list_for_each_safe(pos, tmp, &dying->children) {
		struct task_struct *c = list_entry(pos, struct task_struct, sibling);
		list_del(&c->sibling);
		trace_task_reparent(c, reaper);
		c->real_parent = c->parent = reaper;
		list_add_tail(&c->sibling, &reaper->children);
		if (c->pdeath_signal)
			send_sig(c->pdeath_signal, c);
		/* Linux's reparent_leader(): "We don't want people slaying
		 * init" -- outside the thread group the new parent is told with
		 * SIGCHLD, whatever exit signal clone() gave, so a plain wait
		 * sees it. */
		if (thread_group_leader(c) && reaper->tgid != dying->tgid)
			c->exit_signal = SIGCHLD;
		/* A zombie that was already reported must be reported again. */
		if (c->exit_state == EXIT_ZOMBIE && thread_group_leader(c) &&
		    c->signal->nr_threads == 0 && do_notify_parent(c, c->exit_signal))
			release_task(c);
	}
}

/* The group is fully dead: report the leader to its parent. */
static void notify_group_dead(struct task_struct *leader)
{
	if (leader->exit_signal >= 0 && do_notify_parent(leader, leader->exit_signal))
		leader->exit_state = EXIT_DEAD;	/* parent ignores SIGCHLD */
	else if (leader->exit_signal < 0)
		leader->exit_state = EXIT_DEAD;
}

/*
 * Become a zombie (or, for a thread or an ignored child, dead at once).
 * Returns true if the task can be freed as soon as it has switched away.
 */
static bool exit_notify(struct task_struct *t)
{
	struct task_struct *leader = t->group_leader;

	if (t->signal->nr_threads == 0)
		exit_job_control(t);	/* SIGHUP for a session, orphaned groups */
	reparent_children(t);
	t->exit_state = EXIT_ZOMBIE;
	if (t != leader) {
		/* A thread is never waited for; the last one reports the group. */
		list_del(&t->thread_group);
		t->signal->min_flt += t->min_flt;	/* the group keeps its count */
		if (t->signal->nr_threads == 0 && leader->exit_state == EXIT_ZOMBIE) {
			notify_group_dead(leader);
			if (leader->exit_state == EXIT_DEAD && leader != current)
				release_task(leader);
		}
		t->exit_state = EXIT_DEAD;
		return true;
	}
	if (t->signal->nr_threads == 0)
		notify_group_dead(t);
	return t->exit_state == EXIT_DEAD;
}

void do_exit(int code)
{
	struct task_struct *t = current;

	if (t->tgid == 1 && t->signal->nr_threads <= 1)
		panic("Attempted to kill init! exitcode=0x%08x", code);
	t->exit_code = code;
	t->signal->nr_threads--;
	if (t->signal->group_exit)
		t->exit_code = t->signal->group_exit_code;
	exit_mm(t);
	if (t->files) {
		put_files_struct(t->files);
		t->files = NULL;
	}
	if (t->fs) {
		put_fs_struct(t->fs);
		t->fs = NULL;
	}
	trace_sched_process_exit(t);
	u64 flags = spin_lock_irqsave(&tasklist_lock);
	t->state = TASK_DEAD;
	if (exit_notify(t))
		release_task(t);	/* freed once we have switched away */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	schedule();
	panic("do_exit: a dead task was scheduled again");
}

/* exit_group: every thread of the process dies with this status. */
void do_group_exit(int code)
{
	struct signal_struct *sig = current->signal;

	/* Killed by a sibling's execve (de_thread): just this thread goes. */
	if (sig->group_exit_task && sig->group_exit_task != current)
		do_exit(0);
	if (!sig->group_exit) {
		sig->group_exit = true;
		sig->group_exit_code = code;
		struct list_head *pos;
		list_for_each(pos, &current->group_leader->thread_group) {
			struct task_struct *t = list_entry(pos, struct task_struct, thread_group);
			if (t != current)
				send_sig(SIGKILL, t);
		}
		if (current != current->group_leader && !current->group_leader->exit_state)
			send_sig(SIGKILL, current->group_leader);
	}
	do_exit(sig->group_exit_code);
}

long sys_exit(int code)
{
	do_exit((code & 0xff) << 8);
}

long sys_exit_group(int code)
{
	do_group_exit((code & 0xff) << 8);
}

/*
 * Free what is left of a dead task: unlink it from its parent and the task
 * list, return its PID, drop the shared structures it still held.
 */
void release_task(struct task_struct *t)
{
	BUG_ON(t->released);
	trace_task_reap(t);
	list_del(&t->sibling);
	task_list_del(t);
	pid_free(t->pid);
	if (t->sighand)
		put_sighand(t->sighand);
	if (t->signal)
		put_signal_struct(t->signal);
	if (t->cred)
		put_cred(t->cred);
	t->exit_state = EXIT_DEAD;
	t->released = true;
	if (t->switched_out_dead)
		free_task(t);
}

/*
 * Called on the next task's stack after a switch away from prev.  A dead
 * task's stack is only free to go once nothing runs on it any more.
 * prev_state is prev's state seen at the switch, under the run-queue lock:
 * prev itself may be running again on another CPU by now (Linux's
 * finish_task_switch takes it for the same reason).
 */
void finish_task_switch(struct task_struct *prev, int prev_state)
{
	if (prev_state != TASK_DEAD)
		return;
	lock_kernel();		/* the idle task runs without it */
	BUG_ON(prev->switched_out_dead);
	prev->switched_out_dead = true;
	if (prev->released)
		free_task(prev);
	unlock_kernel();
}
