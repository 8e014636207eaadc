/*
 * Process groups and sessions, and the kernel's side of job control.
 * Each process's signal_struct names its process group and session (fork
 * inherits both); setpgid/setsid move it, with Linux's EPERM/ESRCH/EACCES
 * rules.  A terminal has a session and a foreground group (tty.c); a
 * background process touching it gets SIGTTIN/SIGTTOU (tty_job_control).
 * When a process exits, a process group it leaves orphaned that has
 * stopped members gets SIGHUP and SIGCONT, and a session leader's exit
 * hangs up its terminal's foreground group (exit_job_control).
 * Groups and sessions are found by scanning the task list [tasklist_lock].
 */
#include <tine/task.h>
#include <tine/signal.h>
#include <tine/errno.h>
#include <tine/syscalls.h>
#include <tine/tty.h>

/* Calls fn(p, arg) on each live process (group leader); stops when fn is true. */
static struct task_struct *find_process(bool (*fn)(struct task_struct *, long), long arg)
{
	struct list_head *pos;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (thread_group_leader(t) && t->signal && !t->exit_state && fn(t, arg))
			return t;
	}
	return NULL;
}

static bool in_pgrp(struct task_struct *p, long pgrp)
{
	return p->signal->pgrp == pgrp;
}

static bool in_pgrp_of_session(struct task_struct *p, long pgrp)
{
	return p->signal->pgrp == pgrp && p->signal->session == current->signal->session;
}

/* The process (thread group) with this id, or current for 0. */
static struct task_struct *process_by_pid(pid_t pid)
{
	if (pid == 0)
		return current->group_leader;
	struct task_struct *t = find_task_by_pid(pid);
	return t && !t->exit_state ? t->group_leader : NULL;
}

/*
 * setpgid: "EACCES: an attempt was made to change the process group ID of
 * one of the children of the calling process and the child had already
 * performed an execve"; "EPERM: an attempt was made to move a process into
 * a process group in a different session, or to change the process group
 * ID of one of the children of the calling process and the child was in a
 * different session, or to change the process group ID of a session
 * leader"; "ESRCH: pid is not the calling process and not a child of the
 * calling process" (setpgid(2)).
 */
long sys_setpgid(pid_t pid, pid_t pgid)
{
	struct task_struct *me = current->group_leader;

	if (!pid)
		pid = me->tgid;
	if (!pgid)
		pgid = pid;
	if (pgid < 0)
		return -EINVAL;
	struct task_struct *p = find_task_by_pid(pid);
	if (!p || p->exit_state)
		return -ESRCH;
	if (!thread_group_leader(p))
		return -EINVAL;
	if (p->real_parent && p->real_parent->tgid == me->tgid) {
		if (p->signal->session != me->signal->session)
			return -EPERM;
		if (p->did_exec)
			return -EACCES;
	} else if (p != me) {
		return -ESRCH;
	}
	if (p->signal->session == p->tgid)
		return -EPERM;		/* a session leader */
	if (pgid != pid && !find_process(in_pgrp_of_session, pgid))
		return -EPERM;
	p->signal->pgrp = pgid;
	return 0;
}

long sys_getpgid(pid_t pid)
{
	struct task_struct *p = process_by_pid(pid);
	return p ? p->signal->pgrp : -ESRCH;
}

long sys_getpgrp(void)
{
	return current->signal->pgrp;
}

long sys_getsid(pid_t pid)
{
	struct task_struct *p = process_by_pid(pid);
	return p ? p->signal->session : -ESRCH;
}

/*
 * setsid: "EPERM: the process group ID of any process equals the PID of
 * the calling process" (setsid(2)).  The new session has no controlling
 * terminal.
 */
long sys_setsid(void)
{
	struct task_struct *me = current->group_leader;
	pid_t sid = me->tgid;

	if (find_process(in_pgrp, sid))
		return -EPERM;
	me->signal->session = sid;
	me->signal->pgrp = sid;
	me->signal->tty = NULL;
	return sid;
}

/*
 * Linux's will_become_orphaned_pgrp: "a process group is orphaned when the
 * parent of every member is either itself a member of the group or is not
 * a member of the group's session" (POSIX).  ignored is leaving, and so
 * are the children of gone (their parent is dying).
 */
static bool will_become_orphaned_pgrp(pid_t pgrp, struct task_struct *ignored,
				      struct task_struct *gone)
{
	struct list_head *pos;

	list_for_each(pos, &task_list) {
		struct task_struct *p = list_entry(pos, struct task_struct, tasks);
		if (!thread_group_leader(p) || !p->signal || p->signal->pgrp != pgrp)
			continue;
		if (p == ignored || p->exit_state || !p->real_parent)
			continue;
		struct task_struct *parent = p->real_parent->group_leader;
		if (parent->tgid == 1 || parent == gone)
			continue;
		if (parent->signal->pgrp != pgrp &&
		    parent->signal->session == p->signal->session)
			return false;
	}
	return true;
}

static bool is_stopped(struct task_struct *p, long pgrp)
{
	return p->signal->pgrp == pgrp && p->signal->stopped;
}

bool is_current_pgrp_orphaned(void)
{
	return will_become_orphaned_pgrp(current->signal->pgrp, NULL, NULL);
}

/* "If the exit causes a process group to become orphaned, and if any
 * member of the newly-orphaned group is stopped, then SIGHUP followed by
 * SIGCONT is sent to each process in it" (_exit(2)). */
static void kill_orphaned_pgrp(struct task_struct *p, struct task_struct *parent,
			       struct task_struct *ignored, struct task_struct *gone)
{
	pid_t pgrp = p->signal->pgrp;

	if (!parent || parent->signal->pgrp == pgrp ||
	    parent->signal->session != p->signal->session)
		return;
	if (will_become_orphaned_pgrp(pgrp, ignored, gone) && find_process(is_stopped, pgrp)) {
		kill_pgrp(pgrp, SIGHUP);
		kill_pgrp(pgrp, SIGCONT);
	}
}

static bool has_ctty(struct task_struct *p, long tty)
{
	if (p->signal->tty == (struct tty_struct *)tty)
		p->signal->tty = NULL;
	return false;
}

/* A session leader is gone: its terminal's foreground group hangs up. */
static void disassociate_ctty(struct task_struct *leader)
{
	struct tty_struct *tty = leader->signal->tty;

	if (!tty || tty->session != leader->tgid)
		return;
	if (tty->pgrp > 0) {
		kill_pgrp(tty->pgrp, SIGHUP);
		kill_pgrp(tty->pgrp, SIGCONT);
	}
	tty->session = 0;
	tty->pgrp = 0;
	find_process(has_ctty, (long)tty);
	leader->signal->tty = NULL;
}

/*
 * The process t (its whole thread group) is exiting; its children are
 * not yet reparented.  Called from exit_notify.
 */
void exit_job_control(struct task_struct *t)
{
	struct list_head *pos;

	if (t->signal->session == t->tgid)
		disassociate_ctty(t);
	kill_orphaned_pgrp(t, t->real_parent ? t->real_parent->group_leader : NULL, t, NULL);
	list_for_each(pos, &t->children) {
		struct task_struct *c = list_entry(pos, struct task_struct, sibling);
		if (!c->exit_state && thread_group_leader(c))
			kill_orphaned_pgrp(c, t, NULL, t);
	}
}

/*
 * Linux's job-control check for a terminal access by a background
 * process: sig is SIGTTIN (read) or SIGTTOU (write with TOSTOP, or a
 * termios/pgrp change).  Returns 0 to go ahead, -EIO, or -ERESTARTSYS
 * after stopping the caller's group with sig.
 */
int tty_job_control(struct tty_struct *tty, int sig)
{
	struct task_struct *t = current;
	struct signal_struct *s = t->signal;

	if (s->tty != tty || !tty->pgrp || s->pgrp == tty->pgrp)
		return 0;
	bool ignored = t->sighand->action[sig - 1].handler == SIG_IGN ||
		       (t->blocked & sigmask(sig));
	if (ignored)
		return sig == SIGTTOU ? 0 : -EIO;
	if (is_current_pgrp_orphaned())
		return -EIO;
	kill_pgrp(s->pgrp, sig);
	return -ERESTARTSYS;
}

/* For TIOCSPGRP: 0 if pgrp is a process group of the caller's session. */
int getpgid_in_session(pid_t pgrp)
{
	return find_process(in_pgrp_of_session, pgrp) ? 0 : -EPERM;
}
