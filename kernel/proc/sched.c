/*
 * The scheduler: a runqueue of TASK_RUNNING tasks per CPU, each served
 * round-robin with a time slice, preemption from the timer tick (at the
 * next return to user mode, since kernel code is not preempted), an idle
 * task per CPU that halts it, placement of woken tasks on idle CPUs and
 * load balancing between queues, CPU affinity, and the sleep/wake-up
 * machinery (wait queues and timed sleeps).  Nice values scale the time
 * slice, so a nicer task gets a smaller share.  docs/scheduler.md and
 * docs/smp.md explain the choices.
 */
#include <tine/sched.h>
#include <tine/task.h>
#include <tine/cpu.h>
#include <tine/apic.h>
#include <tine/mm.h>
#include <tine/time.h>
#include <tine/errno.h>
#include <tine/spinlock.h>
#include <tine/kernel_lock.h>
#include <tine/panic.h>
#include <tine/ptrace.h>
#include <tine/trace.h>

/* Every run queue, the wait queues and the timed sleepers: one lock, since
 * moving a task between CPUs touches two queues and eight CPUs rarely
 * contend for it (docs/smp.md). */
static spinlock_t rq_lock = SPINLOCK_INIT("rq_lock");
static LIST_HEAD(timed_sleepers);	/* sorted by wake_at_ns */
u64 jiffies;
u64 nr_context_switches;

#define BALANCE_TICKS 4			/* a busy CPU looks for work this often */

static int slice_for(const struct task_struct *t)
{
	/* nice -20 gets 8 ticks, 0 gets 4, 19 gets 1 */
	int s = TIME_SLICE_TICKS - t->nice / 5;
	return s < 1 ? 1 : s;
}

static bool is_idle_task(const struct task_struct *t)
{
	return t->pid == 0;
}

static bool cpu_allowed(const struct task_struct *t, int cpu)
{
	return t->cpus_allowed & (1ULL << cpu);
}

static void enqueue(struct task_struct *t)
{
	if (t->on_rq || is_idle_task(t))
		return;
	list_add_tail(&t->run_list, &cpus[t->cpu]->runqueue);
	t->on_rq = true;
	cpus[t->cpu]->nr_running++;
}

static void dequeue(struct task_struct *t)
{
	if (!t->on_rq)
		return;
	list_del(&t->run_list);
	t->on_rq = false;
	cpus[t->cpu]->nr_running--;
}

/* Move a queued task that is not running to CPU cpu's queue. */
static void migrate(struct task_struct *t, int cpu)
{
	bool queued = t->on_rq;
	dequeue(t);
	t->cpu = cpu;
	if (queued)
		enqueue(t);
}

int sched_nr_running(void)
{
	int n = 0;
	for (int i = 0; i < nr_cpus; i++)
		n += cpus[i]->nr_running;
	return n;
}

/* Have CPU cpu call schedule() at its next chance. */
static void resched_cpu(int cpu)
{
	if (cpu == smp_processor_id())
		current->need_resched = true;
	else
		lapic_send_ipi(cpus[cpu]->apic_id, RESCHEDULE_VECTOR);
}

/*
 * Where a task that becomes runnable should run: where it ran last if that
 * CPU has nothing to do (its caches may still be warm), else the allowed
 * CPU with the shortest queue, preferring this one and then the last one.
 */
static int select_cpu(const struct task_struct *t)
{
	int me = smp_processor_id(), best = -1;

	if (cpu_allowed(t, t->cpu) && t->cpu < nr_cpus && cpus[t->cpu]->nr_running == 0)
		return t->cpu;
	for (int i = 0; i < nr_cpus; i++) {
		if (!cpu_allowed(t, i))
			continue;
		if (best < 0 || cpus[i]->nr_running < cpus[best]->nr_running ||
		    (cpus[i]->nr_running == cpus[best]->nr_running &&
		     (i == me || (i == t->cpu && best != me))))
			best = i;
	}
	return best < 0 ? me : best;
}

/* t becomes runnable: queue it on a CPU and have that CPU look at it. */
static void activate(struct task_struct *t)
{
	if (!t->on_rq)
		t->cpu = select_cpu(t);
	enqueue(t);
	resched_cpu(t->cpu);
}

static void wake_locked(struct task_struct *t, int mask)
{
	if (t->state & mask) {
		trace_sched_wakeup(t);
		t->state = TASK_RUNNING;
		t->wchan = NULL;
		activate(t);
	}
}

/* Make t runnable if its state is one of those in mask (Linux's wake_up_state). */
void wake_up_state(struct task_struct *t, int mask)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	wake_locked(t, mask);
	spin_unlock_irqrestore(&rq_lock, flags);
}

void wake_up_process(struct task_struct *t)
{
	wake_up_state(t, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
}

/* t is running on another CPU: interrupt it so it notices a signal now
 * rather than at its next tick (Linux's kick_process). */
void kick_process(struct task_struct *t)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	if (t != current && t->on_rq && cpus[t->cpu]->current_task == t)
		resched_cpu(t->cpu);
	spin_unlock_irqrestore(&rq_lock, flags);
}

void sched_add_new(struct task_struct *t)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	t->state = TASK_RUNNING;
	t->time_slice = slice_for(t);
	trace_sched_wakeup_new(t);
	t->cpu = select_cpu(t);
	enqueue(t);
	if (t->cpu != smp_processor_id())
		resched_cpu(t->cpu);
	spin_unlock_irqrestore(&rq_lock, flags);
}

/* sched_setaffinity: a queued task moves now, a running one at its next
 * schedule() (which sees that its CPU is no longer allowed). */
void set_cpus_allowed(struct task_struct *t, u64 mask)
{
	u64 flags = spin_lock_irqsave(&rq_lock);
	t->cpus_allowed = mask;
	if (!cpu_allowed(t, t->cpu)) {
		if (t->on_rq && cpus[t->cpu]->current_task == t)
			resched_cpu(t->cpu);
		else
			migrate(t, select_cpu(t));
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

static void wake_timed_sleepers(u64 now)
{
	struct list_head *pos, *tmp;
	u64 flags = spin_lock_irqsave(&rq_lock);

	list_for_each_safe(pos, tmp, &timed_sleepers) {
		struct task_struct *t = list_entry(pos, struct task_struct, timer_link);
		if (t->wake_at_ns > now)
			break;
		list_del(&t->timer_link);
		t->wake_at_ns = 0;
		wake_locked(t, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
	}
	spin_unlock_irqrestore(&rq_lock, flags);
}

/*
 * Load balancing: take one waiting task from the CPU with the longest
 * queue, if it has at least two more than this one (for an idle CPU: any
 * task waiting behind a running one).  Only tasks that are not running
 * there and may run here move.  Called with rq_lock held.
 */
static bool pull_task(struct cpu *c)
{
	struct cpu *busiest = NULL;

	for (int i = 0; i < nr_cpus; i++)
		if (cpus[i] != c && cpus[i]->nr_running >= c->nr_running + 2 &&
		    (!busiest || cpus[i]->nr_running > busiest->nr_running))
			busiest = cpus[i];
	if (!busiest)
		return false;
	struct list_head *pos;
	list_for_each(pos, &busiest->runqueue) {
		struct task_struct *t = list_entry(pos, struct task_struct, run_list);
		if (t != busiest->current_task && cpu_allowed(t, c->id)) {
			migrate(t, c->id);
			return true;
		}
	}
	return false;
}

/*
 * The load average, computed as Linux does: every 5 seconds, each of the
 * three figures decays toward the number of tasks that are runnable or in
 * uninterruptible sleep, over all CPUs, with time constants of 1, 5 and 15
 * minutes, in fixed point with 11 fractional bits.
 */
#define FSHIFT 11
#define FIXED_1 (1 << FSHIFT)
#define LOAD_FREQ (5 * HZ)
static const u64 load_exp[3] = { 1884, 2014, 2037 };
static u64 avenrun[3];

static u64 nr_active(void)
{
	u64 n = sched_nr_running();
	struct list_head *pos;
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

/*
 * Charge the time since this CPU's last tick to the current task, as user
 * or system time by where the tick interrupted it.  Not a fixed 1/HZ: when
 * QEMU's host thread for this CPU is descheduled, the ticks it missed
 * arrive as one, and charging 1/HZ would lose the rest (under load the
 * CPU time of a spinning task fell to half the time it spun).  But at most
 * MAX_TICK_CHARGE: a longer gap is the host's doing, and charging all of it
 * to whoever was current then (a task in the middle of going to sleep, in
 * one soak run 190 ms) is as wrong as losing it.
 */
#define MAX_TICK_CHARGE (3 * NSEC_PER_SEC / HZ)

static u64 tick_elapsed(struct cpu *c)
{
	u64 now = ktime_get_ns(), ns = NSEC_PER_SEC / HZ;

	if (c->last_tick_ns && now > c->last_tick_ns)
		ns = MIN(now - c->last_tick_ns, MAX_TICK_CHARGE);
	c->last_tick_ns = now;
	return ns;
}

static void account_tick(struct task_struct *t, struct cpu *c, u64 ns)
{
	const struct pt_regs *r = c->irq_regs;
	if (r && user_mode(r)) {
		t->utime_ns += ns;
		c->user_ns += ns;
	} else {
		t->stime_ns += ns;
		c->system_ns += ns;
	}
}

/* Every CPU's timer interrupt: account the tick, age the time slice, look
 * for work now and then; the boot CPU also keeps the global clock work. */
void sched_tick(void)
{
	struct task_struct *t = current;
	struct cpu *c = this_cpu();
	u64 ns = tick_elapsed(c);

	if (c->id == 0) {
		jiffies++;
		if (jiffies % LOAD_FREQ == 0)
			calc_global_load();
		wake_timed_sleepers(ktime_get_ns());
		itimer_tick(ktime_get_ns());	/* ITIMER_REAL: SIGALRM */
	}
	if (nr_cpus > 1 && (t == c->idle || jiffies % BALANCE_TICKS == 0)) {
		u64 flags = spin_lock_irqsave(&rq_lock);
		pull_task(c);
		spin_unlock_irqrestore(&rq_lock, flags);
	}
	if (t == c->idle) {
		c->idle_ns += ns;
		if (c->nr_running)
			t->need_resched = true;
		return;
	}
	account_tick(t, c, ns);
	if (--t->time_slice <= 0) {
		t->time_slice = slice_for(t);
		if (c->nr_running > 1)
			t->need_resched = true;
	}
}

/*
 * A new task's first code after its first switch: schedule() switched to it
 * with rq_lock held and interrupts off, and never returns here to release
 * them, so do that now; then take the kernel lock for the way out.
 */
void schedule_tail(void)
{
	struct task_struct *prev = this_cpu()->last_task;
	int prev_state = prev->state;

	spin_unlock_irqrestore(&rq_lock, 0x200);
	lock_kernel();
	finish_task_switch(prev, prev_state);
	if (current->set_child_tid)	/* CLONE_CHILD_SETTID: in the child's mm */
		put_user_u32(current->pid, current->set_child_tid);
}

static void context_switch(struct task_struct *prev, struct task_struct *next)
{
	struct cpu *c = this_cpu();

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
	c->current_task = next;
	c->kernel_rsp = (u64)next->kstack + KSTACK_SIZE;
	c->tss.rsp0 = c->kernel_rsp;
	c->ctxt_switches++;
	nr_context_switches++;
	c->last_task = prev;
	switch_to_asm(&prev->thread.rsp, next->thread.rsp);
	/* Now running as next, possibly much later, possibly on another CPU. */
}

/* Choose what this CPU runs next: the head of its queue, rotated to the
 * back; with an empty queue, work pulled from a busier CPU; else idle. */
static struct task_struct *pick_next(struct cpu *c)
{
	if (list_empty(&c->runqueue) && nr_cpus > 1)
		pull_task(c);
	if (list_empty(&c->runqueue))
		return c->idle;
	struct task_struct *next = list_first_entry(&c->runqueue, struct task_struct, run_list);
	list_del(&next->run_list);
	list_add_tail(&next->run_list, &c->runqueue);
	return next;
}

/* prev keeps running but may not stay on this CPU (sched_setaffinity):
 * queue it elsewhere; rq_lock, held until the switch is complete, keeps
 * that CPU from taking it before its registers are saved. */
static void requeue_prev(struct task_struct *prev, struct cpu *c)
{
	if (is_idle_task(prev))
		return;
	if (!cpu_allowed(prev, c->id)) {
		dequeue(prev);
		prev->cpu = select_cpu(prev);
		resched_cpu(prev->cpu);
	}
	enqueue(prev);
}

/*
 * Pick the next task and switch to it.  The caller has set its own state:
 * still TASK_RUNNING means "preempted, requeue me", anything else means it
 * sleeps (or dies) and leaves the runqueue.  The big kernel lock is let go
 * for the switch and taken back after, so the other CPUs run kernel code
 * while this one has nothing to do.
 */
void schedule(void)
{
	struct task_struct *prev = current, *next;
	lockdep_assert_none_held("schedule()");
	int depth = release_kernel_lock();
	u64 flags = spin_lock_irqsave(&rq_lock);
	struct cpu *c = this_cpu();

	prev->need_resched = false;
	if (prev->state == TASK_RUNNING)
		requeue_prev(prev, c);	/* preempted or yielding: stay runnable */
	else
		dequeue(prev);		/* going to sleep, stopping or dying */
	next = pick_next(c);
	if (next == prev) {
		spin_unlock_irqrestore(&rq_lock, flags);
		reacquire_kernel_lock(depth);
		return;
	}
	if (prev->state == TASK_RUNNING)
		prev->nivcsw++;
	else
		prev->nvcsw++;
	if (next->time_slice <= 0)
		next->time_slice = slice_for(next);
	context_switch(prev, next);
	struct task_struct *last = this_cpu()->last_task;
	int last_state = last->state;
	spin_unlock_irqrestore(&rq_lock, flags);
	reacquire_kernel_lock(depth);
	finish_task_switch(last, last_state);
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
		wake_locked(e->task, TASK_INTERRUPTIBLE | TASK_UNINTERRUPTIBLE);
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

/* The idle task of each CPU: run whenever nothing else can, halting until
 * an interrupt (the tick, or a reschedule IPI from a CPU that queued work
 * here).  sti;hlt lets no interrupt in between the check and the halt. */
void cpu_idle(void)
{
	struct cpu *c = this_cpu();

	for (;;) {
		__asm__ volatile("cli");
		if (c->nr_running)
			schedule();
		else
			cpu_relax_halt();
		__asm__ volatile("sti");
	}
}
