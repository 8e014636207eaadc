/*
 * Task states and the scheduler interface.  The state values and letters are
 * Linux's: R (running or runnable), S (interruptible sleep), D
 * (uninterruptible sleep), T (stopped), Z (zombie), X (dead).
 */
#ifndef TINE_SCHED_H
#define TINE_SCHED_H

#include <tine/types.h>

#define TASK_RUNNING		0x0000
#define TASK_INTERRUPTIBLE	0x0001
#define TASK_UNINTERRUPTIBLE	0x0002
#define TASK_STOPPED		0x0004
#define EXIT_DEAD		0x0010
#define TASK_DEAD		0x0080	/* state after do_exit's last schedule() */
#define EXIT_ZOMBIE		0x0020

#define HZ 100				/* timer ticks per second */
#define TIME_SLICE_TICKS 4		/* a task runs at most 40 ms before preemption */

struct task_struct;

void schedule(void);			/* give up the CPU; caller set its state */
void wake_up_process(struct task_struct *t);	/* make a sleeping task runnable */
void wake_up_state(struct task_struct *t, int mask);	/* ... if its state is in mask */
void sched_add_new(struct task_struct *t);	/* first enqueue of a fresh task */
void kick_process(struct task_struct *t);	/* make it look at its signals */
void set_cpus_allowed(struct task_struct *t, u64 mask);	/* sched_setaffinity */
void sched_tick(void);			/* called by the timer interrupt */
void sched_init(void);
char task_state_char(const struct task_struct *t);

/*
 * Sleep in the state the caller set (TASK_INTERRUPTIBLE...) until woken or
 * ns pass; -ERESTARTSYS if a signal is pending, the time left in *left.
 */
long schedule_timeout_ns(u64 ns, u64 *left);

void loadavg_get(u64 loads[3]);
int sched_nr_running(void);
extern u64 nr_context_switches;
extern u64 jiffies;			/* timer ticks since boot */
u64 ktime_get_ns(void);			/* monotonic clock, ns since boot */

#endif
