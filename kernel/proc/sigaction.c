/*
 * The system calls that look at or change a thread's own signal state:
 * rt_sigaction (handlers, shared by the threads of a CLONE_SIGHAND
 * group), rt_sigprocmask and rt_sigpending (the per-thread mask), and the
 * calls that wait for signals: pause, rt_sigsuspend, rt_sigtimedwait.
 * The sigset_t passed by the Linux ABI is 8 bytes; any other sigsetsize
 * is EINVAL.
 */
#include <tine/task.h>
#include <tine/signal.h>
#include <tine/errno.h>
#include <tine/string.h>
#include <tine/syscalls.h>
#include <tine/time.h>

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2
#define UNBLOCKABLE (sigmask(SIGKILL) | sigmask(SIGSTOP))

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= _NSIG;
}

/*
 * "Setting a signal action to SIG_IGN for a signal that is pending shall
 * cause the pending signal to be discarded, whether or not it is blocked"
 * (POSIX sigaction); the same for SIG_DFL when the default is to ignore.
 */
static void discard_if_ignored(int sig, const struct k_sigaction *ka)
{
	bool dfl_ignore = sig == SIGCHLD || sig == SIGCONT || sig == SIGURG || sig == SIGWINCH;
	struct task_struct *t = current;

	if (ka->handler != SIG_IGN && !(ka->handler == SIG_DFL && dfl_ignore))
		return;
	struct kernel_siginfo info;
	sigset_t only = sigmask(sig);
	while (dequeue_signal(t, only, &info))
		;
	struct list_head *pos;
	list_for_each(pos, &t->group_leader->thread_group) {
		struct task_struct *o = list_entry(pos, struct task_struct, thread_group);
		while (o != t && dequeue_signal(o, only, &info))
			;
	}
	if (t != t->group_leader)
		while (dequeue_signal(t->group_leader, only, &info))
			;
}

long sys_rt_sigaction(int sig, const void __user *act, void __user *oact, size_t sigsetsize)
{
	struct sighand_struct *sh = current->sighand;
	struct k_sigaction new, old;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	/* "EINVAL: an attempt was made to change the action for SIGKILL or SIGSTOP" */
	if (!valid_signal(sig) || (act && (sig == SIGKILL || sig == SIGSTOP)))
		return -EINVAL;
	if (act && copy_from_user(&new, act, sizeof(new)))
		return -EFAULT;
	u64 flags = spin_lock_irqsave(&sh->lock);
	old = sh->action[sig - 1];
	if (act) {
		new.mask &= ~UNBLOCKABLE;
		sh->action[sig - 1] = new;
	}
	spin_unlock_irqrestore(&sh->lock, flags);
	if (act)
		discard_if_ignored(sig, &new);
	if (oact && copy_to_user(oact, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

long sys_rt_sigprocmask(int how, const sigset_t __user *set, sigset_t __user *oset,
			size_t sigsetsize)
{
	struct task_struct *t = current;
	sigset_t old = t->blocked, s;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (set) {
		if (copy_from_user(&s, set, sizeof(s)))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			s = old | s;
			break;
		case SIG_UNBLOCK:
			s = old & ~s;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		set_current_blocked(s);
	}
	if (oset && copy_to_user(oset, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}

/* "the set of signals that are pending for delivery to the calling thread" */
long sys_rt_sigpending(sigset_t __user *uset, size_t sigsetsize)
{
	struct task_struct *t = current;

	if (sigsetsize > sizeof(sigset_t))
		return -EINVAL;
	sigset_t s = (t->pending.signal | t->signal->shared_pending.signal) & t->blocked;
	return copy_to_user(uset, &s, sigsetsize) ? -EFAULT : 0;
}

/*
 * Sleep interruptibly until a signal is pending.  There is no wait queue:
 * where names the sleep for /proc/PID/wchan and the trace, as Linux's
 * wchan names the function.
 */
static void sleep_for_signal(const char *where)
{
	for (;;) {
		current->state = TASK_INTERRUPTIBLE;
		current->wchan = where;
		if (signal_pending_current())
			break;
		schedule();
	}
	current->state = TASK_RUNNING;
	current->wchan = NULL;
}

/* pause: "returns only when a signal was caught and the handler returned" */
long sys_pause(void)
{
	sleep_for_signal("sys_pause");
	return -ERESTARTNOHAND;
}

/*
 * rt_sigsuspend: wait with a temporary mask.  The old mask comes back
 * after the handler runs (do_signal honours restore_sigmask), so the
 * handler's frame records the old one.
 */
long sys_rt_sigsuspend(const sigset_t __user *unewset, size_t sigsetsize)
{
	struct task_struct *t = current;
	sigset_t s;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&s, unewset, sizeof(s)))
		return -EFAULT;
	t->saved_sigmask = t->blocked;
	set_current_blocked(s);
	sleep_for_signal("sigsuspend");
	t->restore_sigmask = true;
	return -ERESTARTNOHAND;
}

/* Wait (unblocked) for one of mask, up to ns (or forever if !timed). */
static void wait_for_sigset(sigset_t mask, bool timed, u64 ns)
{
	struct task_struct *t = current;

	t->real_blocked = t->blocked;
	set_current_blocked(t->blocked & ~mask);
	if (timed) {
		t->state = TASK_INTERRUPTIBLE;
		schedule_timeout_ns(ns, NULL);
		t->state = TASK_RUNNING;
	} else {
		sleep_for_signal("do_sigtimedwait");
	}
	set_current_blocked(t->real_blocked);
	t->real_blocked = 0;
}

/*
 * rt_sigtimedwait: "suspends execution of the calling thread until one of
 * the signals in set is pending"; EAGAIN if the timeout expires first,
 * EINTR if another signal's handler interrupts it.
 */
long sys_rt_sigtimedwait(const sigset_t __user *uset, void __user *uinfo,
			 const void __user *uts_, size_t sigsetsize)
{
	struct task_struct *t = current;
	const struct timespec_user __user *uts = uts_;
	struct kernel_siginfo info;
	struct timespec_user ts;
	sigset_t mask;
	u64 ns = 0;

	if (sigsetsize != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, uset, sizeof(mask)))
		return -EFAULT;
	mask &= ~UNBLOCKABLE;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || (u64)ts.tv_nsec >= NSEC_PER_SEC)
			return -EINVAL;
		ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	}
	int sig = dequeue_signal(t, mask, &info);
	if (!sig && (!uts || ns)) {
		wait_for_sigset(mask, uts != NULL, ns);
		sig = dequeue_signal(t, mask, &info);
	}
	if (!sig)
		return signal_pending_current() ? -EINTR : -EAGAIN;
	if (uinfo && copy_siginfo_to_user(uinfo, &info))
		return -EFAULT;
	return sig;
}
