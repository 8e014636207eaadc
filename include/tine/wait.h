/*
 * Wait queues: a list of tasks sleeping until some condition becomes true
 * (data in a pipe, a child's exit, a futex word changing).  Sleepers put
 * themselves on the queue, set their state, re-check the condition and call
 * schedule(); wakers call wake_up(), which makes every sleeper runnable so
 * each re-checks its own condition.  The queue's name is what
 * /proc/PID/wchan and the lifecycle trace report for a sleeping task.
 */
#ifndef TINE_WAIT_H
#define TINE_WAIT_H

#include <tine/types.h>
#include <tine/list.h>

struct task_struct;

struct wait_queue_head {
	struct list_head head;		/* of struct wait_queue_entry */
	const char *name;
};

struct wait_queue_entry {
	struct list_head link;
	struct task_struct *task;
};

void init_waitqueue_head(struct wait_queue_head *wq, const char *name);
void prepare_to_wait(struct wait_queue_head *wq, struct wait_queue_entry *e,
		     int state);
void finish_wait(struct wait_queue_head *wq, struct wait_queue_entry *e);
void wake_up(struct wait_queue_head *wq);

/* True if the current task has an unblocked signal waiting (sleeps end early). */
bool signal_pending_current(void);
struct task_struct;
bool fatal_signal_pending(const struct task_struct *t);

/*
 * Sleep in TASK_INTERRUPTIBLE until cond holds.  Evaluates to 0 when it does,
 * or -ERESTARTSYS when a signal arrived first: the signal code turns that
 * into EINTR or a restart of the system call, as SA_RESTART says.
 */
#define wait_event_interruptible(wq, cond)				\
({									\
	struct wait_queue_entry __e = { { NULL, NULL }, NULL };	\
	long __ret = 0;							\
	for (;;) {							\
		prepare_to_wait(&(wq), &__e, TASK_INTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		if (signal_pending_current()) {				\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		schedule();						\
	}								\
	finish_wait(&(wq), &__e);					\
	__ret;								\
})

/* The same in TASK_UNINTERRUPTIBLE: signals do not end the sleep (state D). */
#define wait_event(wq, cond)						\
do {									\
	struct wait_queue_entry __e = { { NULL, NULL }, NULL };	\
	for (;;) {							\
		prepare_to_wait(&(wq), &__e, TASK_UNINTERRUPTIBLE);	\
		if (cond)						\
			break;						\
		schedule();						\
	}								\
	finish_wait(&(wq), &__e);					\
} while (0)

#endif
