/*
 * The lifecycle trace (kernel/lib/trace.c): process, scheduler, memory and
 * fd events recorded into a per-CPU ring buffer and printed as one text
 * line each (docs/trace.md has the format).  Event names and fields are
 * Linux's ftrace ones where Linux has the event (sched_process_fork,
 * sched_switch, ...), so a trace reads like `trace-cmd report` output.
 *
 * Each trace point is a static inline wrapper: when its category is off it
 * costs one load and one predictable branch (trace_on), and a kernel built
 * with TINE_NO_TRACE (make TRACE=0) has no trace points at all.  The
 * categories are chosen on the command line (trace=proc,sched,mm,fd[,live])
 * or at run time through /proc/tine/trace_events, and /proc/tine/trace
 * hands the recorded events to a reader while the system runs.
 */
#ifndef TINE_TRACE_H
#define TINE_TRACE_H

#include <tine/types.h>

#define TRACE_PROC	0x01	/* fork, exec, exit, wait, reparent, reap,
				   signal generate and deliver */
#define TRACE_SCHED	0x02	/* sched_switch, sched_wakeup(_new) */
#define TRACE_MM	0x04	/* page faults, copy-on-write */
#define TRACE_FD	0x08	/* fd open, dup and close */
#define TRACE_LIVE	0x100	/* also print each event as it happens */

#define TRACE_STR_LEN 40	/* longest string an event keeps (a path) */

/* The event types, in the order of the names table in trace.c. */
enum trace_type {
	TRACE_SCHED_PROCESS_FORK,
	TRACE_SCHED_PROCESS_EXEC,
	TRACE_SCHED_PROCESS_EXIT,
	TRACE_SCHED_PROCESS_WAIT,
	TRACE_TASK_REPARENT,
	TRACE_TASK_REAP,
	TRACE_SIGNAL_GENERATE,
	TRACE_SIGNAL_DELIVER,
	TRACE_SCHED_SWITCH,
	TRACE_SCHED_WAKEUP,
	TRACE_SCHED_WAKEUP_NEW,
	TRACE_PAGE_FAULT_USER,
	TRACE_PAGE_FAULT_KERNEL,
	TRACE_COW_FAULT,
	TRACE_FD_OPEN,
	TRACE_FD_DUP,
	TRACE_FD_CLOSE,
	TRACE_NR_TYPES
};

/* One recorded event: what the text line is printed from. */
struct trace_entry {
	u64 ts_ns;			/* ktime_get_ns() when it happened */
	u16 type;			/* enum trace_type */
	u16 cpu;
	s32 pid, tid;			/* current's tgid and pid */
	u64 arg[5];			/* event fields, see trace_format */
	char str[2][TRACE_STR_LEN];	/* comm or path fields */
};

extern u32 trace_mask;			/* TRACE_* bits now enabled */

static inline bool trace_on(u32 category)
{
#ifdef TINE_NO_TRACE
	(void)category;
	return false;
#else
	return unlikely(trace_mask & category);
#endif
}

struct task_struct;
struct pt_regs;
struct page;
struct file;
struct kernel_siginfo;
struct k_sigaction;

/* signal_generate's res field: what became of the signal (Linux's values). */
enum trace_signal_result {
	TRACE_SIGNAL_DELIVERED,		/* queued (or its bit set) for the task */
	TRACE_SIGNAL_IGNORED,		/* dropped: ignored, or the group is dying */
	TRACE_SIGNAL_ALREADY_PENDING,	/* a standard signal already pending */
	TRACE_SIGNAL_OVERFLOW_FAIL,	/* a real-time signal that could not queue */
	TRACE_SIGNAL_LOSE_INFO,		/* pending, but without its siginfo */
};

/* kernel/lib/trace.c */
void trace_setup(const char *spec);	/* the trace= command-line value */
int trace_set_events(const char *spec);	/* a /proc/tine/trace_events write */
int trace_show_events(char *buf, size_t size);	/* its text when read */
bool trace_pop(struct trace_entry *e, u64 *lost);	/* oldest unread event */
void trace_dump(void);			/* print the ring to the console */
int trace_format(const struct trace_entry *e, char *buf, size_t size);
const char *trace_type_name(int type);

void __trace_sched_process_fork(struct task_struct *child, u64 clone_flags);
void __trace_sched_process_exec(const char *filename);
void __trace_sched_process_exit(struct task_struct *t);
void __trace_sched_process_wait(int which, int id);
void __trace_task_reparent(struct task_struct *child, struct task_struct *reaper);
void __trace_task_reap(struct task_struct *t);
void __trace_sched_switch(struct task_struct *prev, struct task_struct *next);
void __trace_sched_wakeup(struct task_struct *t, int type);
void __trace_page_fault(struct pt_regs *regs, u64 addr, int err);
void __trace_cow_fault(u64 addr, struct page *old);
void __trace_signal_generate(int sig, const struct kernel_siginfo *info,
			     struct task_struct *t, bool group, int res);
void __trace_signal_deliver(int sig, const struct kernel_siginfo *info,
			    const struct k_sigaction *ka);
void __trace_fd_install(int fd, struct file *f);
void __trace_fd_close(int fd, struct file *f);

/* The trace points: one call each in the code they watch. */
static inline void trace_sched_process_fork(struct task_struct *child, u64 flags)
{
	if (trace_on(TRACE_PROC))
		__trace_sched_process_fork(child, flags);
}

static inline void trace_sched_process_exec(const char *filename)
{
	if (trace_on(TRACE_PROC))
		__trace_sched_process_exec(filename);
}

static inline void trace_sched_process_exit(struct task_struct *t)
{
	if (trace_on(TRACE_PROC))
		__trace_sched_process_exit(t);
}

/* A wait4/waitid begins; which is P_ALL, P_PID or P_PGID. */
static inline void trace_sched_process_wait(int which, int id)
{
	if (trace_on(TRACE_PROC))
		__trace_sched_process_wait(which, id);
}

/* Called before child's parent pointers move to reaper. */
static inline void trace_task_reparent(struct task_struct *child,
				       struct task_struct *reaper)
{
	if (trace_on(TRACE_PROC))
		__trace_task_reparent(child, reaper);
}

/* t is released; current is the reaper (t itself when autoreaped). */
static inline void trace_task_reap(struct task_struct *t)
{
	if (trace_on(TRACE_PROC))
		__trace_task_reap(t);
}

/* A signal was sent to t (group: to its whole thread group); res says
 * what became of it.  Called with t's sighand->lock held. */
static inline void trace_signal_generate(int sig, const struct kernel_siginfo *info,
					 struct task_struct *t, bool group, int res)
{
	if (trace_on(TRACE_PROC))
		__trace_signal_generate(sig, info, t, group, res);
}

/* current dequeued sig and is about to act on it (ka: its action). */
static inline void trace_signal_deliver(int sig, const struct kernel_siginfo *info,
					const struct k_sigaction *ka)
{
	if (trace_on(TRACE_PROC))
		__trace_signal_deliver(sig, info, ka);
}

static inline void trace_sched_switch(struct task_struct *prev,
				      struct task_struct *next)
{
	if (trace_on(TRACE_SCHED))
		__trace_sched_switch(prev, next);
}

/* Called while t->wchan still names what it slept on. */
static inline void trace_sched_wakeup(struct task_struct *t)
{
	if (trace_on(TRACE_SCHED))
		__trace_sched_wakeup(t, TRACE_SCHED_WAKEUP);
}

static inline void trace_sched_wakeup_new(struct task_struct *t)
{
	if (trace_on(TRACE_SCHED))
		__trace_sched_wakeup(t, TRACE_SCHED_WAKEUP_NEW);
}

/* err is handle_mm_fault's result: 0 handled, else the -errno. */
static inline void trace_page_fault(struct pt_regs *regs, u64 addr, int err)
{
	if (trace_on(TRACE_MM))
		__trace_page_fault(regs, addr, err);
}

/* Called before the copy: old's refcount says copy or reuse. */
static inline void trace_cow_fault(u64 addr, struct page *old)
{
	if (trace_on(TRACE_MM))
		__trace_cow_fault(addr, old);
}

/*
 * f now sits at fd.  A description with one reference was just opened
 * (open, pipe); one with more is an existing one installed again: a dup.
 */
static inline void trace_fd_install(int fd, struct file *f)
{
	if (trace_on(TRACE_FD))
		__trace_fd_install(fd, f);
}

/* Called before the descriptor's reference is dropped: by close(2),
 * close-on-exec, dup2 over an open fd, and the last user of the table. */
static inline void trace_fd_close(int fd, struct file *f)
{
	if (trace_on(TRACE_FD))
		__trace_fd_close(fd, f);
}

#endif
