/*
 * Signals: generation and delivery, as Linux's kernel/signal.c does them.
 * A signal is "generated" into a pending set: the thread's own (tkill,
 * tgkill, faults) or the thread group's shared one (kill).  Standard
 * signals coalesce (one pending instance, its siginfo kept); real-time ones
 * (>= SIGRTMIN) queue one sigqueue entry per send.  Generation discards
 * ignored signals, does SIGCONT's and the stop signals' side effects at
 * once, and wakes one thread that can take the signal.  "Delivery" happens
 * on the way back to user mode, in do_signal(): the next unblocked signal
 * is dequeued (synchronous faults first, then the lowest number), and
 * either its default action runs (terminate, core, stop, continue, ignore)
 * or a handler frame is pushed (sigframe.c).  Interrupted system calls are
 * restarted or fail with EINTR here too.  sighand->lock guards the pending
 * sets and the handlers; it is an interrupt-off lock, since the tty and
 * the timer send signals from interrupt context.
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
#include <tine/cpu.h>
#include <tine/trace.h>

#define M(sig) sigmask(sig)
#define SIG_KERNEL_ONLY_MASK (M(SIGKILL) | M(SIGSTOP))
#define SIG_KERNEL_STOP_MASK (M(SIGSTOP) | M(SIGTSTP) | M(SIGTTIN) | M(SIGTTOU))
#define SIG_KERNEL_IGNORE_MASK (M(SIGCONT) | M(SIGCHLD) | M(SIGWINCH) | M(SIGURG))
#define SIG_KERNEL_COREDUMP_MASK (M(SIGQUIT) | M(SIGILL) | M(SIGTRAP) | \
	M(SIGABRT) | M(SIGFPE) | M(SIGSEGV) | M(SIGBUS) | M(SIGSYS) | \
	M(SIGXCPU) | M(SIGXFSZ))
#define SYNCHRONOUS_MASK (M(SIGSEGV) | M(SIGBUS) | M(SIGILL) | M(SIGTRAP) | \
	M(SIGFPE) | M(SIGSYS))

/* Real-time signals have no default-action class: they terminate. */
static bool in_mask(int sig, sigset_t mask)
{
	return sig < SIGRTMIN && (mask & M(sig));
}

static bool sig_kernel_stop(int sig)
{
	return in_mask(sig, SIG_KERNEL_STOP_MASK);
}

static bool in_interrupt(void)
{
	return this_cpu()->irq_regs != NULL;
}

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
	list_init(&sig->real_timer);
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
	if (--sig->count)
		return;
	itimer_cancel(sig);
	flush_sigqueue(&sig->shared_pending);
	kfree(sig);
}

/* Drop every signal of set from p (and its sigqueue entries). */
static void flush_sigqueue_mask(struct signal_struct *owner, sigset_t set,
				struct sigpending *p)
{
	struct list_head *pos, *tmp;

	p->signal &= ~set;
	p->kernel_sent &= ~set;
	list_for_each_safe(pos, tmp, &p->list) {
		struct sigqueue *q = list_entry(pos, struct sigqueue, list);
		if (set & M(q->info.si_signo)) {
			list_del(&q->list);
			if (owner)
				owner->nr_sigqueue--;
			kfree(q);
		}
	}
}

void flush_sigqueue(struct sigpending *p)
{
	flush_sigqueue_mask(NULL, ~0ULL, p);
}

/* Remove set from the group's and every thread's pending sets. */
static void flush_group_pending(struct task_struct *p, sigset_t set)
{
	struct task_struct *leader = p->group_leader;
	struct list_head *pos = &leader->thread_group;

	flush_sigqueue_mask(p->signal, set, &p->signal->shared_pending);
	do {
		struct task_struct *t = list_entry(pos, struct task_struct, thread_group);
		flush_sigqueue_mask(p->signal, set, &t->pending);
		pos = pos->next;
	} while (pos != &leader->thread_group);
}

/* Calls fn on every live thread of p's group. */
static void for_each_thread(struct task_struct *p, void (*fn)(struct task_struct *))
{
	struct task_struct *leader = p->group_leader;
	struct list_head *pos = &leader->thread_group;

	do {
		struct task_struct *t = list_entry(pos, struct task_struct, thread_group);
		if (!t->exit_state || t == leader)
			fn(t);
		pos = pos->next;
	} while (pos != &leader->thread_group);
}

/*
 * Wake t so it notices a signal: from an interruptible sleep, and from a
 * job-control stop too when resume (SIGKILL, SIGCONT).
 */
static void signal_wake_up(struct task_struct *t, bool resume)
{
	wake_up_state(t, TASK_INTERRUPTIBLE | (resume ? TASK_STOPPED : 0));
	kick_process(t);	/* running on another CPU: look now */
}

static void wake_stopped(struct task_struct *t)
{
	signal_wake_up(t, true);
}

static void wake_to_stop(struct task_struct *t)
{
	if (t != current)
		signal_wake_up(t, false);
}

/*
 * Linux's sig_task_ignored: the handler is SIG_IGN, or SIG_DFL with
 * "ignore" as the default action.  "The only signals that can be sent to
 * process ID 1 are those for which init has explicitly installed signal
 * handlers" (kill(2)): for init a SIG_DFL signal is ignored too.
 */
static bool sig_task_ignored(struct task_struct *t, int sig)
{
	u64 h = t->sighand->action[sig - 1].handler;

	if (t->tgid == 1 && h == SIG_DFL)
		return true;
	if (sig == SIGKILL || sig == SIGSTOP)
		return false;
	return h == SIG_IGN || (h == SIG_DFL && in_mask(sig, SIG_KERNEL_IGNORE_MASK));
}

/* A blocked signal is never discarded: the handler may change before unblock. */
static bool sig_ignored(struct task_struct *t, int sig)
{
	if ((t->blocked | t->real_blocked) & M(sig))
		return false;
	return sig_task_ignored(t, sig);
}

/*
 * Tell t's parent that the group stopped or continued: SIGCHLD with
 * CLD_STOPPED/CLD_CONTINUED unless the parent set SA_NOCLDSTOP, and a
 * wake-up of its wait4()s either way (WUNTRACED/WCONTINUED).
 */
static void do_notify_parent_cldstop(struct task_struct *t, int why)
{
	struct task_struct *leader = t->group_leader;
	struct task_struct *parent = leader->parent;
	struct kernel_siginfo info;

	if (!parent || !parent->sighand)
		return;
	memset(&info, 0, sizeof(info));
	info.si_signo = SIGCHLD;
	info.si_code = why;
	info.si_pid = leader->tgid;
	info.si_uid = t->cred ? t->cred->uid : 0;
	info.si_status = why == CLD_CONTINUED ? SIGCONT : t->signal->stop_signal;
	if (!(parent->sighand->action[SIGCHLD - 1].flags & SA_NOCLDSTOP))
		group_send_sig_info(SIGCHLD, &info, parent);
	wake_up(&parent->signal->wait_chldexit);
}

/*
 * Generation-time side effects (Linux's prepare_signal).  "When SIGCONT is
 * sent, the process is continued and any pending stop signals are
 * discarded; when a stop signal is sent, any pending SIGCONT is discarded"
 * (signal(7)).  Returns false if the signal is to be dropped.
 */
static bool prepare_signal(int sig, struct task_struct *p)
{
	struct signal_struct *s = p->signal;

	if (s->group_exit)
		return sig == SIGKILL;	/* dying: only the kill that finishes it */
	if (sig_kernel_stop(sig)) {
		flush_group_pending(p, M(SIGCONT));
	} else if (sig == SIGCONT) {
		flush_group_pending(p, SIG_KERNEL_STOP_MASK);
		if (s->stopped) {
			s->stopped = false;
			s->notify_parent_cld = CLD_CONTINUED;
			s->wait_continued = true;
			do_notify_parent_cldstop(p, CLD_CONTINUED);
		}
		for_each_thread(p, wake_stopped);
	}
	return !sig_ignored(p, sig);
}

/* Can thread t take sig now (Linux's wants_signal)? */
static bool wants_signal(int sig, struct task_struct *t)
{
	if (t->blocked & M(sig))
		return false;
	if (t->exit_state)
		return false;
	if (sig == SIGKILL)
		return true;
	if (t->state == TASK_STOPPED)
		return false;
	return t == current || !(t->pending.signal & ~t->blocked);
}

static void kill_one_thread(struct task_struct *t)
{
	t->pending.signal |= M(SIGKILL);
	signal_wake_up(t, true);
}

/*
 * The signal is pending: find a thread to handle it and wake it.  A signal
 * whose default action kills (and that is not a core dump) takes the whole
 * group down at once, stopped or not, as in Linux's complete_signal.
 */
static void complete_signal(int sig, struct task_struct *p, bool group)
{
	struct task_struct *t = p;
	struct signal_struct *s = p->signal;

	if (!wants_signal(sig, p)) {
		if (!group)
			return;
		struct list_head *pos;
		t = NULL;
		list_for_each(pos, &p->group_leader->thread_group) {
			struct task_struct *c = list_entry(pos, struct task_struct, thread_group);
			if (wants_signal(sig, c)) {
				t = c;
				break;
			}
		}
		if (!t && wants_signal(sig, p->group_leader))
			t = p->group_leader;
		if (!t)
			return;		/* stays pending until someone unblocks it */
	}
	bool fatal = !in_mask(sig, SIG_KERNEL_IGNORE_MASK | SIG_KERNEL_STOP_MASK) &&
		     p->sighand->action[sig - 1].handler == SIG_DFL &&
		     !(t->real_blocked & M(sig));
	/* Not while a thread execs: de_thread's SIGKILLs are for the others. */
	if (fatal && !in_mask(sig, SIG_KERNEL_COREDUMP_MASK) && !s->group_exit &&
	    !s->group_exit_task) {
		s->group_exit = true;
		s->group_exit_code = sig;
		s->stopped = false;
		for_each_thread(p, kill_one_thread);
		return;
	}
	signal_wake_up(t, sig == SIGKILL);
}

/* A sigqueue entry, charged to the target; NULL if none can be had. */
static struct sigqueue *sigqueue_alloc(struct task_struct *t, bool override)
{
	struct signal_struct *s = t->signal;

	if (in_interrupt())
		return NULL;	/* kmalloc is not interrupt-safe */
	if (!override && (u64)s->nr_sigqueue >= s->rlim[RLIMIT_SIGPENDING].rlim_cur)
		return NULL;
	struct sigqueue *q = kzalloc(sizeof(*q));
	if (q)
		s->nr_sigqueue++;
	return q;
}

/*
 * Linux's __send_signal.  info NULL means "sent by the kernel" (SI_KERNEL).
 * Caller holds sighand->lock.
 */
static int __send_signal(int sig, struct kernel_siginfo *info, struct task_struct *t,
			 bool group)
{
	if (!prepare_signal(sig, t)) {
		trace_signal_generate(sig, info, t, group, TRACE_SIGNAL_IGNORED);
		return 0;
	}
	struct sigpending *pending = group ? &t->signal->shared_pending : &t->pending;
	if (sig < SIGRTMIN && (pending->signal & M(sig))) {
		trace_signal_generate(sig, info, t, group, TRACE_SIGNAL_ALREADY_PENDING);
		return 0;	/* standard signals coalesce */
	}
	/* Standard signals and kernel/kill() ones may exceed RLIMIT_SIGPENDING. */
	bool override = sig < SIGRTMIN || !info || info->si_code >= 0;
	struct sigqueue *q = sigqueue_alloc(t, override);
	if (q) {
		if (info) {
			q->info = *info;
		} else {
			q->info.si_code = SI_KERNEL;
		}
		q->info.si_signo = sig;
		list_add_tail(&q->list, &pending->list);
	} else if (sig >= SIGRTMIN && info && info->si_code != SI_USER) {
		trace_signal_generate(sig, info, t, group, TRACE_SIGNAL_OVERFLOW_FAIL);
		return -EAGAIN;	/* a queued signal that cannot be queued */
	} else if (!info) {
		pending->kernel_sent |= M(sig);
	}
	trace_signal_generate(sig, info, t, group, q || !info ? TRACE_SIGNAL_DELIVERED
							  : TRACE_SIGNAL_LOSE_INFO);
	pending->signal |= M(sig);
	complete_signal(sig, t, group);
	return 0;
}

static int send_signal_locked(int sig, struct kernel_siginfo *info,
			      struct task_struct *t, bool group)
{
	if (sig <= 0 || sig > _NSIG)
		return -EINVAL;
	if (!t->sighand || !t->signal || (t->exit_state && !group))
		return 0;
	if (group && t->signal->nr_threads == 0)
		return 0;	/* the whole group is dead */
	u64 flags = spin_lock_irqsave(&t->sighand->lock);
	int ret = __send_signal(sig, info, t, group);
	spin_unlock_irqrestore(&t->sighand->lock, flags);
	return ret;
}

/* Thread-directed, as tkill/tgkill and faults. */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t)
{
	return send_signal_locked(sig, info, t, false);
}

/* Process-directed, as kill(2): any thread of p's group may take it. */
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p)
{
	return send_signal_locked(sig, info, p, true);
}

/* From the kernel to one thread (SIGPIPE, pdeath_signal, SIGKILL at exec). */
int send_sig(int sig, struct task_struct *t)
{
	return send_sig_info(sig, NULL, t);
}

/* From the kernel to every process of a group (tty signals, hangup). */
int kill_pgrp(pid_t pgrp, int sig)
{
	struct list_head *pos;
	int found = 0;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (t->signal && t->signal->pgrp == pgrp && thread_group_leader(t) &&
		    t->signal->nr_threads > 0) {
			group_send_sig_info(sig, NULL, t);
			found = 1;
		}
	}
	return found ? 0 : -ESRCH;
}

/* Is t on its way to dying (SIGKILL, or a fatal signal took its group)? */
bool fatal_signal_pending(const struct task_struct *t)
{
	return (t->pending.signal & M(SIGKILL)) || (t->signal && t->signal->group_exit);
}

bool signal_pending_current(void)
{
	struct task_struct *t = current;
	struct signal_struct *s = t->signal;

	if (!s)
		return false;
	sigset_t pending = t->pending.signal | s->shared_pending.signal;
	return (pending & ~t->blocked) || s->stopped || s->group_exit ||
	       (t->pending.signal & M(SIGKILL));
}

/*
 * A synchronous signal the task itself caused (a fault).  Linux's
 * force_sig_info: if it is blocked or ignored, the blocking and ignoring
 * are undone ("the process is killed"), but a handler still runs.
 */
void force_sig_fault(int sig, int code, u64 addr)
{
	struct task_struct *t = current;
	struct k_sigaction *ka = &t->sighand->action[sig - 1];
	struct kernel_siginfo info;

	if (sig == SIGSEGV && ka->handler == SIG_DFL)
		pr_info("%s[%d]: segfault at %llx code %d\n", t->comm, t->pid,
			(unsigned long long)addr, code);
	u64 flags = spin_lock_irqsave(&t->sighand->lock);
	if (ka->handler == SIG_IGN || (t->blocked & M(sig))) {
		ka->handler = SIG_DFL;
		t->blocked &= ~M(sig);
	}
	spin_unlock_irqrestore(&t->sighand->lock, flags);
	if (t->tgid == 1 && ka->handler == SIG_DFL) {
		/* Init cannot be spared a fault: Linux kills it, and so panics. */
		printk(KERN_ERR "init: fatal signal %d at %llx (code %d)\n", sig,
		       (unsigned long long)addr, code);
		do_group_exit(sig);
	}
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_code = code;
	info.si_addr = addr;
	send_sig_info(sig, &info, t);
}

/* The kernel's "this process must die of sig" (a frame it cannot build). */
void force_sig(int sig)
{
	force_sig_fault(sig, SI_KERNEL, 0);
}

/*
 * Tell the parent that t's group has exited.  "If the disposition of
 * SIGCHLD is set to SIG_IGN or SA_NOCLDWAIT is set, children do not become
 * zombies" (sigaction(2)); a SIGCHLD handler still runs with SA_NOCLDWAIT.
 * Returns true when the caller should reap t at once.
 */
bool do_notify_parent(struct task_struct *t, int sig)
{
	struct task_struct *p = t->parent;
	struct k_sigaction *ka = &p->sighand->action[SIGCHLD - 1];
	bool autoreap = false;
	struct kernel_siginfo info;
	int code = t->exit_code;

	if (sig == SIGCHLD && (ka->handler == SIG_IGN || (ka->flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (ka->handler == SIG_IGN)
			sig = 0;
	}
	memset(&info, 0, sizeof(info));
	info.si_signo = sig;
	info.si_pid = t->tgid;
	info.si_uid = t->cred ? t->cred->uid : 0;
	info.si_utime = t->utime_ns / 10000000;
	info.si_stime = t->stime_ns / 10000000;
	if ((code & 0x7f) == 0) {
		info.si_code = CLD_EXITED;
		info.si_status = (code >> 8) & 0xff;
	} else {
		info.si_code = (code & WCOREFLAG) ? CLD_DUMPED : CLD_KILLED;
		info.si_status = code & 0x7f;
	}
	if (sig > 0)
		group_send_sig_info(sig, &info, p);
	wake_up(&p->signal->wait_chldexit);
	return autoreap;
}

/*
 * execve: "the dispositions of any signals that are being caught are reset
 * to the default; the dispositions of ignored signals are left unchanged"
 * (signal(7)); the mask and pending signals survive; "any alternate signal
 * stack is not preserved" (execve(2)).
 */
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
	t->sas_ss_sp = t->sas_ss_size = 0;
	t->sas_ss_flags = 0;
}

/* Set the mask of the current thread; SIGKILL and SIGSTOP cannot be blocked. */
void set_current_blocked(sigset_t set)
{
	struct task_struct *t = current;
	u64 flags = spin_lock_irqsave(&t->sighand->lock);
	t->blocked = set & ~SIG_KERNEL_ONLY_MASK;
	spin_unlock_irqrestore(&t->sighand->lock, flags);
}

/* The next signal of p in mask: synchronous faults first, then the lowest. */
static int next_signal(struct sigpending *p, sigset_t mask)
{
	sigset_t ready = p->signal & mask;

	if (!ready)
		return 0;
	if (ready & SYNCHRONOUS_MASK)
		ready &= SYNCHRONOUS_MASK;
	return __builtin_ctzll(ready) + 1;
}

/* Take sig's first entry from p into info (Linux's collect_signal). */
static void collect_signal(struct signal_struct *owner, int sig,
			   struct sigpending *p, struct kernel_siginfo *info)
{
	struct list_head *pos;
	struct sigqueue *first = NULL;
	bool more = false;

	list_for_each(pos, &p->list) {
		struct sigqueue *q = list_entry(pos, struct sigqueue, list);
		if (q->info.si_signo != sig)
			continue;
		if (first) {
			more = true;
			break;
		}
		first = q;
	}
	memset(info, 0, sizeof(*info));
	info->si_signo = sig;
	if (first) {
		*info = first->info;
		list_del(&first->list);
		owner->nr_sigqueue--;
		kfree(first);
	} else if (p->kernel_sent & M(sig)) {
		info->si_code = SI_KERNEL;
	}
	if (!more) {
		p->signal &= ~M(sig);
		p->kernel_sent &= ~M(sig);
	}
}

/*
 * Dequeue the next signal in mask for t: its own pending set first, then
 * the group's.  Returns the signal number, or 0 with nothing dequeued.
 */
int dequeue_signal(struct task_struct *t, sigset_t mask, struct kernel_siginfo *info)
{
	struct sigpending *p = &t->pending;
	u64 flags = spin_lock_irqsave(&t->sighand->lock);
	int sig = next_signal(p, mask);

	if (!sig) {
		p = &t->signal->shared_pending;
		sig = next_signal(p, mask);
	}
	if (sig)
		collect_signal(t->signal, sig, p, info);
	spin_unlock_irqrestore(&t->sighand->lock, flags);
	return sig;
}

/* The reason a stopped task shows in the trace: the stop signal. */
static const char *stop_reason(int sig)
{
	switch (sig) {
	case SIGSTOP: return "SIGSTOP";
	case SIGTSTP: return "SIGTSTP";
	case SIGTTIN: return "SIGTTIN";
	case SIGTTOU: return "SIGTTOU";
	}
	return "signal_stop";
}

/* Sleep in TASK_STOPPED while the group is stopped and nothing kills it. */
static void do_stop_sleep(void)
{
	struct task_struct *t = current;
	u64 flags = spin_lock_irqsave(&t->sighand->lock);

	if (t->signal->stopped && !t->signal->group_exit &&
	    !(t->pending.signal & M(SIGKILL))) {
		t->state = TASK_STOPPED;
		t->wchan = stop_reason(t->signal->stop_signal);
	}
	spin_unlock_irqrestore(&t->sighand->lock, flags);
	schedule();
}

/*
 * Default action "stop": the whole group stops (state T), and the parent
 * hears of it through SIGCHLD CLD_STOPPED and wait4(WUNTRACED).
 */
static void do_signal_stop(int sig)
{
	struct task_struct *t = current;
	struct signal_struct *s = t->signal;
	u64 flags = spin_lock_irqsave(&t->sighand->lock);

	s->stopped = true;
	s->stop_signal = sig;
	s->notify_parent_cld = CLD_STOPPED;
	s->wait_continued = false;
	for_each_thread(t, wake_to_stop);	/* they stop in their do_signal */
	spin_unlock_irqrestore(&t->sighand->lock, flags);
	do_notify_parent_cldstop(t, CLD_STOPPED);
	do_stop_sleep();
}

/*
 * Linux's get_signal: loop until a signal needs a handler (returned, with
 * its action copied into *ka) or there is nothing left (0).  Default
 * actions run here; the terminating ones do not return.
 */
static int get_signal(struct k_sigaction *ka, struct kernel_siginfo *info)
{
	struct task_struct *t = current;
	struct signal_struct *s = t->signal;

	for (;;) {
		if (s->group_exit)
			do_group_exit(s->group_exit_code);
		if (t->pending.signal & M(SIGKILL))
			do_group_exit(SIGKILL);
		if (s->stopped) {
			do_stop_sleep();
			continue;
		}
		int sig = dequeue_signal(t, ~t->blocked, info);
		if (!sig)
			return 0;
		struct k_sigaction *act = &t->sighand->action[sig - 1];
		trace_signal_deliver(sig, info, act);
		if (act->handler == SIG_IGN)
			continue;
		if (act->handler != SIG_DFL) {
			*ka = *act;
			if (act->flags & SA_RESETHAND)
				act->handler = SIG_DFL;
			return sig;
		}
		if (in_mask(sig, SIG_KERNEL_IGNORE_MASK))
			continue;
		if (t->tgid == 1)
			continue;	/* init: SIG_DFL signals were sent by the kernel */
		if (sig_kernel_stop(sig)) {
			/* "a process in an orphaned group is not stopped by
			 * SIGTSTP, SIGTTIN or SIGTTOU" (POSIX job control) */
			if (sig != SIGSTOP && is_current_pgrp_orphaned())
				continue;
			do_signal_stop(sig);
			continue;
		}
		/* Linux sets the core flag only when a core was written, which
		 * needs RLIMIT_CORE > 0; Tine writes no file but reports the
		 * same status. */
		bool core = in_mask(sig, SIG_KERNEL_COREDUMP_MASK) &&
			    t->signal->rlim[RLIMIT_CORE].rlim_cur != 0;
		do_group_exit(sig | (core ? WCOREFLAG : 0));
	}
}

/* Back up over the 2-byte syscall instruction to run the call again. */
static void restart_syscall_insn(struct pt_regs *regs)
{
	regs->rax = regs->orig_rax;
	regs->rip -= 2;
}

/*
 * A handler is about to run over an interrupted system call: -ERESTARTSYS
 * restarts only under SA_RESTART, -ERESTARTNOINTR always, the others give
 * EINTR (Linux's handle_signal).
 */
static void restart_for_handler(struct pt_regs *regs, const struct k_sigaction *ka)
{
	if (regs->orig_rax == (u64)-1)
		return;
	switch ((s64)regs->rax) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->rax = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ka->flags & SA_RESTART)) {
			regs->rax = -EINTR;
			break;
		}
		restart_syscall_insn(regs);
		break;
	case -ERESTARTNOINTR:
		restart_syscall_insn(regs);
		break;
	}
}

/* No handler ran: every kind of interrupted call is simply restarted. */
static void restart_no_handler(struct pt_regs *regs)
{
	if (regs->orig_rax == (u64)-1)
		return;
	switch ((s64)regs->rax) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		restart_syscall_insn(regs);
		break;
	case -ERESTART_RESTARTBLOCK:
		regs->rax = -EINTR;	/* no restart_syscall(2) in Tine yet */
		break;
	}
}

/*
 * Run a handler: push its frame, then block sa_mask and (unless
 * SA_NODEFER) the signal itself while it runs.  A frame that cannot be
 * written kills the process with SIGSEGV, as in Linux.
 */
static void handle_signal(int sig, struct k_sigaction *ka,
			  struct kernel_siginfo *info, struct pt_regs *regs)
{
	struct task_struct *t = current;
	sigset_t oldset = t->restore_sigmask ? t->saved_sigmask : t->blocked;

	restart_for_handler(regs, ka);
	if (setup_rt_frame(sig, ka, info, oldset, regs) < 0) {
		force_sig(SIGSEGV);
		return;
	}
	t->restore_sigmask = false;
	sigset_t blocked = t->blocked | ka->mask;
	if (!(ka->flags & SA_NODEFER))
		blocked |= M(sig);
	set_current_blocked(blocked);
}

/* On the way back to user mode, with a signal pending (syscall.c). */
void do_signal(struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct k_sigaction ka;
	struct kernel_siginfo info;
	int sig = get_signal(&ka, &info);

	if (sig) {
		handle_signal(sig, &ka, &info, regs);
		return;
	}
	restart_no_handler(regs);
	if (t->restore_sigmask) {
		t->restore_sigmask = false;
		set_current_blocked(t->saved_sigmask);
	}
}

/*
 * execve's de_thread: SIGKILL every other thread of current's group
 * directly, without complete_signal's group-wide kill, which would take
 * the exec'ing thread too (Linux's zap_other_threads).
 */
void zap_other_threads(struct task_struct *t)
{
	struct list_head *pos;

	list_for_each(pos, &t->group_leader->thread_group) {
		struct task_struct *o = list_entry(pos, struct task_struct, thread_group);
		if (o != t)
			kill_one_thread(o);
	}
	if (t != t->group_leader && !t->group_leader->exit_state)
		kill_one_thread(t->group_leader);
}
