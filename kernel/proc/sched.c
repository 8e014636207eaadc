/*
 * The scheduler: one runqueue of TASK_RUNNING tasks served round-robin with
 * a time slice, preemption from the timer tick (at the next return to user
 * mode, since kernel code is not preempted), an idle task that halts the
 * CPU, and the sleep/wake-up machinery (wait queues and timed sleeps).
 * Nice values scale the time slice, so a nicer task gets a smaller share.
 * docs/scheduler.md explains the choices.
 */
#include <tine/sched.h>
#include <tine/task.h>
#include <tine/cpu.h>
#include <tine/mm.h>
#include <tine/time.h>
#include <tine/errno.h>
#include <tine/spinlock.h>
#include <tine/panic.h>
#include <tine/ptrace.h>
#include <tine/trace.h>

static LIST_HEAD(runqueue);
static LIST_HEAD(timed_sleepers);	/* sorted by wake_at_ns */
static spinlock_t rq_lock = SPINLOCK_INIT("rq_lock");
static int nr_running;
u64 jiffies;
u64 nr_context_switches;

static int slice_for(const struct task_struct *t)
{
	/* nice -20 gets 8 ticks, 0 gets 4, 19 gets 1 */
	int s = TIME_SLICE_TICKS - t->nice / 5;
	return s < 1 ? 1 : s;
}

static void enqueue(struct task_struct *t)
{
	if (t->on_rq || t == cpu0.idle)
		return;
	list_add_tail(&t->run_list, &runqueue);
	t->on_rq = true;
	nr_running++;
}

static void dequeue(struct task_struct *t)
{
	if (!t->on_rq)
		return;
	list_del(&t->run_list);
	t->on_rq = false;
	nr_running--;
}

int sched_nr_running(void)
{
	return nr_running;
}

/* Make t runnable if its state is one of those in mask (Linux's wake_up_state). */
void wake_up_state(struct task_struct *t, int mask)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	if (t->state & mask) {
		trace_sched_wakeup(t);
		t->state = TASK_RUNNING;
		t->wchan = NULL;
		enqueue(t);
		if (t != current)
			current->need_resched = true;
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

void wake_up_process(struct task_struct *t)
{
	wake_up_state(t, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

void sched_add_new(struct task_struct *t)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	t->state = TASK_RUNNING;
	t->time_slice = slice_for(t);
	trace_sched_wakeup_new(t);
	enqueue(t);
	spin_unlock_irqrestore(&rq_lock, flags);
}

static void wake_timed_sleepers(u64 now)
{
	struct list_head *pos, *tmp;

	list_for_each_safe(pos, tmp, &timed_sleepers) {
		struct task_struct *t = list_entry(pos, struct task_struct, timer_link);
		if (t->wake_at_ns > now)
			break;
		list_del(&t->timer_link);
		t->wake_at_ns = 0;
		wake_up_process(t);
	}
}

/*
 * The load average, computed as Linux does: every 5 seconds, each of the
 * three figures decays toward the number of tasks that are runnable or in
 * uninterruptible sleep, with time constants of 1, 5 and 15 minutes, in
 * fixed point with 11 fractional bits.
 */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_FREQ (5 * HZ)
static const u64 load_exp[3] = { 1884, 2014, 2037 };
static u64 avenrun[3];

static u64 nr_active(void)
{
	u64 n = nr_running;
	struct list_head *pos;
	if (current != cpu0.idle && !current->on_rq && current->state == TASK_RUNNING)
		n++;
	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (t->state == TASK_UNINTERRUPTIBLE && !t->exit_state)
			n++;
	}
	return n;
}

static void calc_global_load(void)
{
	u64 active = nr_active() * FIXED_1;
	for (int i = 0; i < 3; i++) {
		u64 load = avenrun[i] * load_exp[i] + active * (FIXED_1 - load_exp[i]);
		avenrun[i] = (load + (FIXED_1 / 2)) >> FSHIFT;
	}
}

/* The three averages scaled to 16 fractional bits, as sysinfo(2) wants. */
void loadavg_get(u64 loads[3])
{
	for (int i = 0; i < 3; i++)
		loads[i] = avenrun[i] << (16 - FSHIFT);
}

/* Charge the tick that just ended to user or system time. */
static void account_tick(struct task_struct *t)
{
	const struct pt_regs *r = cpu0.irq_regs;
	if (r && user_mode(r)) {
		t->utime_ns += NSEC_PER_SEC / HZ;
		cpu0.user_ticks++;
	} else {
		t->stime_ns += NSEC_PER_SEC / HZ;
		cpu0.system_ticks++;
	}
}

/* Timer interrupt: account the tick, wake sleepers, age the time slice. */
void sched_tick(void)
{
	struct task_struct *t = current;

	jiffies++;
	if (jiffies % LOAD_FREQ == 0)
		calc_global_load();
	wake_timed_sleepers(ktime_get_ns());
	itimer_tick(ktime_get_ns());		/* ITIMER_REAL: SIGALRM */
	if (t == cpu0.idle) {
		cpu0.idle_ticks++;
		if (nr_running)
			t->need_resched = true;
		return;
	}
	account_tick(t);
	if (--t->time_slice <= 0) {
		t->time_slice = slice_for(t);
		if (nr_running > 1 || (nr_running == 1 && !t->on_rq))
			t->need_resched = true;
	}
}

/*
 * A new task's first code after its first switch: schedule() switched to it
 * with rq_lock held and interrupts off, and never returns here to release
 * them, so do that now.
 */
void schedule_tail(void)
{
	finish_task_switch(cpu0.last_task);
	spin_unlock_irqrestore(&rq_lock, 0x200);
	if (current->set_child_tid)	/* CLONE_CHILD_SETTID: in the child's mm */
		put_user_u32(current->pid, current->set_child_tid);
}

static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	trace_sched_switch(prev, next);
	if (next->mm && next->mm != prev->mm)
		switch_pgd(next->mm->pgd);
	if (prev->mm)
		__asm__ volatile("fxsave (%0)" : : "r"(prev->thread.fpu) : "memory");
	if (next->mm) {
		__asm__ volatile("fxrstor (%0)" : : "r"(next->thread.fpu) : "memory");
		if (next->thread.fsbase != prev->thread.fsbase || !prev->mm)
			wrmsr(MSR_FS_BASE, next->thread.fsbase);
	}
	cpu0.current_task = next;
	cpu0.kernel_rsp = (u64)next->kstack + KSTACK_SIZE;
	cpu0.tss.rsp0 = cpu0.kernel_rsp;
	nr_context_switches++;
	cpu0.last_task = prev;
	switch_to_asm(&prev->thread.rsp, next->thread.rsp);
	/* Now running as next, possibly much later: */
	finish_task_switch(cpu0.last_task);
}

/*
 * Pick the next task and switch to it.  The caller has set its own state:
 * still TASK_RUNNING means "preempted, requeue me", anything else means it
 * sleeps (or dies) and leaves the runqueue.
 */
void schedule(void)
{
	struct task_struct *prev = current, *next;
	u64 flags = spin_lock_irqsave(&rq_lock);

	prev->need_resched = false;
	if (prev->state == TASK_RUNNING)
		enqueue(prev);		/* preempted or yielding: stay runnable */
	else
		dequeue(prev);		/* going to sleep, stopping or dying */
	if (list_empty(&runqueue)) {
		next = cpu0.idle;
	} else {
		next = list_first_entry(&runqueue, struct task_struct, run_list);
		/* Rotate: the chosen task goes to the back for next time. */
		list_del(&next->run_list);
		list_add_tail(&next->run_list, &runqueue);
	}
	if (next != prev) {
		if (prev->state == TASK_RUNNING)
			prev->nivcsw++;
		else
			prev->nvcsw++;
		if (next->time_slice <= 0)
			next->time_slice = slice_for(next);
		context_switch(prev, next);
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/*
 * Sleep, in the state the caller has already set, until woken, or until ns
 * have passed.  Setting the state first is what makes a wake-up between
 * the caller's last check and this call impossible to lose.  Returns
 * -ERESTARTSYS if a signal is pending afterwards, and the time left in *left.
 */
long schedule_timeout_ns(u64 ns, u64 *left)
{
	struct task_struct *t = current;
	u64 deadline = ktime_get_ns() + ns;
	u64 flags = spin_lock_irqsave(&rq_lock);

	if (t->state == TASK_INTERRUPTIBLE && signal_pending_current()) {
		t->state = TASK_RUNNING;
	} else {
		struct list_head *pos;
		t->wake_at_ns = deadline;
		list_for_each(pos, &timed_sleepers) {
			if (list_entry(pos, struct task_struct, timer_link)->wake_at_ns > deadline)
				break;
		}
		list_add_tail(&t->timer_link, pos);	/* before pos: stays sorted */
	}
	spin_unlock_irqrestore(&rq_lock, flags);
	schedule();
	flags = spin_lock_irqsave(&rq_lock);
	if (t->wake_at_ns) {
		list_del(&t->timer_link);
		t->wake_at_ns = 0;
	}
	spin_unlock_irqrestore(&rq_lock, flags);
	if (left) {
		u64 now = ktime_get_ns();
		*left = now < deadline ? deadline - now : 0;
	}
	return signal_pending_current() ? -ERESTARTSYS : 0;
}

void init_waitqueue_head(struct wait_queue_head *wq, const char *name)
{
	list_init(&wq->head);
	wq->name = name;
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e,
		     int state)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	struct task_struct *t = current;
	if (!e->task) {			/* first call for this entry */
		e->task = t;
		list_init(&e->link);
	}
	if (list_empty(&e->link))
		list_add_tail(&e->link, &wq->head);
	t->state = state;
	t->wchan = wq->name;
	spin_unlock_irqrestore(&rq_lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e)
{
	(void)wq;
	u64 flags = spin_lock_irqsave(&rq_lock);
	current->state = TASK_RUNNING;
	current->wchan = NULL;
	if (e->task == current && !list_empty(&e->link))
		list_del(&e->link);
	spin_unlock_irqrestore(&rq_lock, flags);
}

void wake_up(struct wait_queue_head *wq)
{
	struct list_head *pos, *tmp;
	u64 flags = spin_lock_irqsave(&rq_lock);

	list_for_each_safe(pos, tmp, &wq->head) {
		struct wait_queue_entry *e = list_entry(pos, struct wait_queue_entry, link);
		list_del(&e->link);
		struct task_struct *t = e->task;
		if (t->state == TASK_INTERRUPTIBLE || t->state == TASK_UNINTERRUPTIBLE) {
			trace_sched_wakeup(t);
			t->state = TASK_RUNNING;
			t->wchan = NULL;
			enqueue(t);
			current->need_resched = true;
		}
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

char task_state_char(const struct task_struct *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (t->exit_state == EXIT_DEAD)
		return 'X';
	switch (t->state) {
	case TASK_RUNNING:
		return 'R';
	case TASK_INTERRUPTIBLE:
		return 'S';
	case TASK_UNINTERRUPTIBLE:
		return 'D';
	case TASK_STOPPED:
		return 'T';
	}
	return '?';
}

/* The idle task: run whenever nothing else can, halting until an interrupt. */
void cpu_idle(void)
{
	for (;;) {
		__asm__ volatile("cli");
		if (nr_running)
			schedule();
		else
			cpu_relax_halt();
		__asm__ volatile("sti");
	}
}
