/*
 * Signals (first cut): sending, the pending sets, default actions and the
 * SIGCHLD bookkeeping exit needs.  Handlers, frames, masks and job control
 * grow here (issue 6).  A signal is "generated" into a task's or the
 * group's pending set and "delivered" on the way back to user mode, in
 * do_signal().
 */
#include <tine/task.h>
#include <tine/signal.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/printk.h>
#include <tine/ptrace.h>
#include <tine/wait_status.h>
#include <tine/syscalls.h>

struct sighand_struct *sighand_alloc(void)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh));
	if (!sh)
		return NULL;
	sh->count = 1;
	spin_lock_init(&sh->lock, "sighand->lock");
	return sh;
}

struct signal_struct *signal_alloc(void)
{
	struct signal_struct *sig = kzalloc(sizeof(*sig));
	if (!sig)
		return NULL;
	sig->count = 1;
	sig->nr_threads = 1;
	list_init(&sig->shared_pending.list);
	init_waitqueue_head(&sig->wait_chldexit, "do_wait");
	return sig;
}

void put_sighand(struct sighand_struct *sh)
{
	if (--sh->count == 0)
		kfree(sh);
}

void put_signal_struct(struct signal_struct *sig)
{
	if (--sig->count == 0)
		kfree(sig);
}

static bool sig_ignored(struct task_struct *t, int sig)
{
	u64 h = t->sighand->action[sig - 1].handler;
	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	if (h == SIG_IGN)
		return true;
	/* Default action "ignore": SIGCHLD, SIGURG, SIGWINCH, SIGCONT. */
	return h == SIG_DFL && (sig == SIGCHLD || sig == SIGURG || sig == SIGWINCH);
}

/* Wake t if it sleeps interruptibly, so it notices the signal. */
static void signal_wake_up(struct task_struct *t)
{
	if (t->state == TASK_INTERRUPTIBLE)
		wake_up_process(t);
	t->need_resched = true;
}

int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
	(void)info;
	if (sig <= 0 || sig > _NSIG)
		return -EINVAL;
	if (t->exit_state)
		return 0;
	/* Init gets only the signals it has installed a handler for. */
	if (t->tgid == 1 && t->sighand->action[sig - 1].handler == SIG_DFL)
		return 0;
	if (sig_ignored(t, sig))
		return 0;
	t->pending.signal |= sigmask(sig);
	signal_wake_up(t);
	return 0;
}

int send_sig(int sig, struct task_struct *t)
{
	return send_sig_info(sig, NULL, t);
}

int kill_pgrp(pid_t pgrp, int sig)
{
	struct list_head *pos;
	int found = 0;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (t->signal && t->signal->pgrp == pgrp && thread_group_leader(t)) {
			send_sig(sig, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

bool signal_pending_current(void)
{
	struct task_struct *t = current;
	return (t->pending.signal & ~t->blocked) != 0 ||
	       (t->pending.signal & sigmask(SIGKILL));
}

/* A fault in user mode: the signal cannot be blocked or ignored. */
void force_sig_fault(int sig, int code, u64 addr)
{
	struct task_struct *t = current;

	if (sig == SIGSEGV)
		pr_info("%s[%d]: segfault at %llx code %d\n", t->comm, t->pid,
			(unsigned long long)addr, code);
	t->sighand->action[sig - 1].handler = SIG_DFL;
	t->blocked &= ~sigmask(sig);
	t->pending.signal |= sigmask(sig);
	if (t->tgid == 1) {
		/* Init cannot be spared a fault: Linux kills it, and so panics. */
		printk(KERN_ERR "init: fatal signal %d at %llx (code %d)\n", sig,
		       (unsigned long long)addr, code);
		do_group_exit(sig);
	}
}

/*
 * Tell the parent that t has exited.  Returns true when the parent does not
 * want zombies (SIGCHLD ignored or SA_NOCLDWAIT): the caller reaps t.
 */
bool do_notify_parent(struct task_struct *t, int sig)
{
	struct task_struct *p = t->parent;
	struct k_sigaction *ka = &p->sighand->action[SIGCHLD - 1];
	bool autoreap = false;

	if (sig == SIGCHLD && (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT)))
		autoreap = true;
	if (sig > 0 && !autoreap)
		send_sig(sig, p);
	wake_up(&p->signal->wait_chldexit);
	return autoreap;
}

void flush_signal_handlers_on_exec(struct task_struct *t)
{
	for (int i = 0; i < _NSIG; i++) {
		struct k_sigaction *ka = &t->sighand->action[i];
		if (ka->handler != SIG_IGN)
			ka->handler = SIG_DFL;
		ka->flags = 0;
		ka->restorer = 0;
		ka->mask = 0;
	}
}

/* Default action of a signal nobody handles: terminate, core, stop, ignore. */
static bool sig_kernel_coredump(int sig)
{
	return sig == SIGQUIT || sig == SIGILL || sig == SIGTRAP || sig == SIGABRT ||
	       sig == SIGBUS || sig == SIGFPE || sig == SIGSEGV || sig == SIGXCPU ||
	       sig == SIGXFSZ || sig == SIGSYS;
}

/* On the way back to user mode: act on the first deliverable signal. */
void do_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;
	sigset_t ready = t->pending.signal & ~t->blocked;
	(void)regs;

	ready |= t->pending.signal & sigmask(SIGKILL);
	if (!ready)
		return;
	int sig = __builtin_ctzll(ready) + 1;
	t->pending.signal &= ~sigmask(sig);
	if (sig_ignored(t, sig))
		return;
	do_group_exit(sig | (sig_kernel_coredump(sig) ? WCOREFLAG : 0));
}

long sys_kill(pid_t pid, int sig)
{
	if (sig < 0 || sig > _NSIG)
		return -EINVAL;
	if (pid > 0) {
		struct task_struct *t = find_task_by_pid(pid);
		if (!t || t->exit_state)
			return t ? 0 : -ESRCH;
		return sig ? send_sig(sig, t->group_leader) : 0;
	}
	if (pid == -1) {
		struct list_head *pos;
		int found = 0;
		list_for_each(pos, &task_list) {
			struct task_struct *t = list_entry(pos, struct task_struct, tasks);
			if (t->tgid > 1 && t->tgid != current->tgid && thread_group_leader(t)) {
				if (sig)
					send_sig(sig, t);
				found = 1;
			}
		}
		return found ? 0 : -ESRCH;
	}
	return kill_pgrp(pid == 0 ? current->signal->pgrp : -pid, sig);
}
