/*
 * The lifecycle trace: the ring buffer that the trace points in
 * include/tine/trace.h record into, the switch (trace= on the command line,
 * /proc/tine/trace_events at run time), and the text format
 * (docs/trace.md).  Recording is cheap and printing is not, so events are
 * kept as binary records and only turned into text when they are read:
 * by a reader of /proc/tine/trace, which consumes them (trace_pop), by the
 * dump to the serial console at power-off and panic (which needs no system
 * call and nothing that could be broken), or as they happen with
 * trace=...,live.  A full ring overwrites its oldest unread events and
 * counts them as lost.  One ring serves every CPU, each event stamped with
 * its CPU: docs/trace.md says why not one ring per CPU as in Linux.
 */
#include <tine/trace.h>
#include <tine/task.h>
#include <tine/cpu.h>
#include <tine/page.h>
#include <tine/fs.h>
#include <tine/ptrace.h>
#include <tine/serial.h>
#include <tine/printk.h>
#include <tine/format.h>
#include <tine/string.h>
#include <tine/spinlock.h>
#include <tine/time.h>
#include <tine/errno.h>
#include <tine/wait_status.h>

#define TRACE_RING_SIZE 8192		/* events kept, a power of two */
#define TRACE_FORMAT_VERSION 1
#define TRACE_SYSCALL 0x200		/* the word "syscall": syscall_trace */

u32 trace_mask;
extern bool syscall_trace;		/* arch/x86_64/syscall.c: trace=syscall */

struct trace_ring {
	spinlock_t lock;		/* taken with interrupts off: the timer
					   interrupt wakes tasks, which traces */
	u64 head;			/* events ever written */
	u64 tail;			/* events read (or lost) so far */
	struct trace_entry ent[TRACE_RING_SIZE];
};

static struct trace_ring ring0 = { .lock = SPINLOCK_INIT("trace_ring") };

/* Linux's names where Linux has the event; docs/trace.md lists the fields. */
static const char *const type_names[TRACE_NR_TYPES] = {
	[TRACE_SCHED_PROCESS_FORK] = "sched_process_fork",
	[TRACE_SCHED_PROCESS_EXEC] = "sched_process_exec",
	[TRACE_SCHED_PROCESS_EXIT] = "sched_process_exit",
	[TRACE_SCHED_PROCESS_WAIT] = "sched_process_wait",
	[TRACE_TASK_REPARENT] = "task_reparent",
	[TRACE_TASK_REAP] = "task_reap",
	[TRACE_SIGNAL_GENERATE] = "signal_generate",
	[TRACE_SIGNAL_DELIVER] = "signal_deliver",
	[TRACE_SCHED_SWITCH] = "sched_switch",
	[TRACE_SCHED_WAKEUP] = "sched_wakeup",
	[TRACE_SCHED_WAKEUP_NEW] = "sched_wakeup_new",
	[TRACE_PAGE_FAULT_USER] = "page_fault_user",
	[TRACE_PAGE_FAULT_KERNEL] = "page_fault_kernel",
	[TRACE_COW_FAULT] = "cow_fault",
	[TRACE_FD_OPEN] = "fd_open",
	[TRACE_FD_DUP] = "fd_dup",
	[TRACE_FD_CLOSE] = "fd_close",
};

const char *trace_type_name(int type)
{
	return type >= 0 && type < TRACE_NR_TYPES ? type_names[type] : "unknown";
}

static const struct {
	const char *name;
	u32 bits;
} categories[] = {
	{ "proc", TRACE_PROC }, { "sched", TRACE_SCHED }, { "mm", TRACE_MM },
	{ "fd", TRACE_FD }, { "live", TRACE_LIVE }, { "syscall", TRACE_SYSCALL },
	{ "all", TRACE_PROC | TRACE_SCHED | TRACE_MM | TRACE_FD },
};

/* The bits of one category word, or 0 for an unknown word. */
static u32 word_bits(const char *w)
{
	for (size_t i = 0; i < ARRAY_SIZE(categories); i++)
		if (!strcmp(w, categories[i].name))
			return categories[i].bits;
	return 0;
}

/*
 * Parse "proc,sched,mm,fd,live" (also "all", "syscall"; spaces and a
 * newline count as commas) into *mask, skipping unknown words.  Returns
 * false if there was one, with the first of them in bad.
 */
static bool parse_spec(const char *spec, u32 *mask, char *bad, size_t bad_size)
{
	char word[16];
	size_t n = 0;
	bool ok = true;

	*mask = 0;
	for (const char *p = spec;; p++) {
		if (*p == ',' || *p == ' ' || *p == '\n' || *p == '\0') {
			word[n] = '\0';
			u32 bits = n ? word_bits(word) : 0;
			if (n && !bits && ok) {
				strlcpy(bad, word, bad_size);
				ok = false;
			}
			*mask |= bits;
			n = 0;
			if (!*p)
				return ok;
		} else if (n < sizeof(word) - 1) {
			word[n++] = *p;
		}
	}
}

/* Switch to exactly the categories in mask (the syscall log included). */
static void set_mask(u32 mask)
{
	syscall_trace = mask & TRACE_SYSCALL;
	trace_mask = mask & ~TRACE_SYSCALL;
#ifdef TINE_NO_TRACE
	if (trace_mask)
		pr_warn("trace: this kernel was built with TRACE=0; no events\n");
#endif
}

/* The trace= command-line value: unknown words are warned about. */
void trace_setup(const char *spec)
{
	char bad[16];
	u32 mask;

	if (!parse_spec(spec, &mask, bad, sizeof(bad)))
		pr_warn("trace: unknown category '%s' (proc sched mm fd live all syscall)\n", bad);
	set_mask(mask);
}

/*
 * A write to /proc/tine/trace_events: the categories from now on, exactly
 * ("" switches everything off).  Unknown words change nothing: -EINVAL.
 */
int trace_set_events(const char *spec)
{
	char bad[16];
	u32 mask;

	if (!parse_spec(spec, &mask, bad, sizeof(bad)))
		return -EINVAL;
	set_mask(mask);
	return 0;
}

/* Copy a string field, keeping the line one event of space-free words. */
static void put_str(char *dst, const char *src)
{
	size_t i = 0;
	for (; src && src[i] && i < TRACE_STR_LEN - 1; i++)
		dst[i] = (src[i] <= ' ' || src[i] == '=' || src[i] > '~') ? '_' : src[i];
	dst[i] = '\0';
}

static void emit_live(const struct trace_entry *e)
{
	char line[256];
	int n = trace_format(e, line, sizeof(line));
	serial_write("trace: ", 7);
	serial_write(line, MIN((size_t)n, sizeof(line) - 1));
	serial_write("\n", 1);
}

/*
 * Take the next slot of this CPU's ring, fill the common header and let the
 * caller's fields follow; emit() publishes it.  Interrupts stay off in
 * between, so the slot cannot be taken twice.
 */
static struct trace_entry *reserve(int type, u64 *flags)
{
	struct task_struct *cur = current;
	*flags = spin_lock_irqsave(&ring0.lock);
	struct trace_entry *e = &ring0.ent[ring0.head % TRACE_RING_SIZE];
	memset(e, 0, sizeof(*e));
	e->ts_ns = ktime_get_ns();
	e->type = (u16)type;
	e->cpu = (u16)smp_processor_id();
	e->pid = cur ? cur->tgid : 0;
	e->tid = cur ? cur->pid : 0;
	return e;
}

static void emit(const struct trace_entry *e, u64 flags)
{
	ring0.head++;
	if (trace_mask & TRACE_LIVE)
		emit_live(e);
	spin_unlock_irqrestore(&ring0.lock, flags);
}

static int prio_of(const struct task_struct *t)
{
	return 120 + t->nice;		/* Linux's static_prio for SCHED_OTHER */
}

void __trace_sched_process_fork(struct task_struct *child, u64 clone_flags)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SCHED_PROCESS_FORK, &flags);
	put_str(e->str[0], current->comm);
	put_str(e->str[1], child->comm);
	e->arg[0] = (u64)child->pid;
	e->arg[1] = (u64)child->tgid;
	e->arg[2] = clone_flags;
	emit(e, flags);
}

void __trace_sched_process_exec(const char *filename)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SCHED_PROCESS_EXEC, &flags);
	put_str(e->str[0], filename);
	put_str(e->str[1], current->comm);
	e->arg[0] = (u64)current->pid;
	emit(e, flags);
}

void __trace_sched_process_exit(struct task_struct *t)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SCHED_PROCESS_EXIT, &flags);
	put_str(e->str[0], t->comm);
	e->arg[0] = (u64)t->pid;
	e->arg[1] = (u64)prio_of(t);
	e->arg[2] = (u64)(u32)t->exit_code;
	e->arg[3] = t->signal && t->signal->nr_threads == 0;
	emit(e, flags);
}

void __trace_sched_process_wait(int which, int id)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SCHED_PROCESS_WAIT, &flags);
	put_str(e->str[0], current->comm);
	e->arg[0] = (u64)which;
	e->arg[1] = (u64)(s64)id;
	e->arg[2] = (u64)prio_of(current);
	emit(e, flags);
}

void __trace_task_reparent(struct task_struct *child, struct task_struct *reaper)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_TASK_REPARENT, &flags);
	put_str(e->str[0], child->comm);
	e->arg[0] = (u64)child->pid;
	e->arg[1] = child->real_parent ? (u64)child->real_parent->pid : 0;
	e->arg[2] = (u64)reaper->pid;
	emit(e, flags);
}

void __trace_task_reap(struct task_struct *t)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_TASK_REAP, &flags);
	put_str(e->str[0], t->comm);
	e->arg[0] = (u64)t->pid;
	e->arg[1] = (u64)t->tgid;
	e->arg[2] = (u64)(u32)t->exit_code;
	emit(e, flags);
}

void __trace_sched_switch(struct task_struct *prev, struct task_struct *next)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SCHED_SWITCH, &flags);
	put_str(e->str[0], prev->comm);
	put_str(e->str[1], next->comm);
	e->arg[0] = (u64)prev->pid;
	e->arg[1] = (u64)task_state_char(prev);
	e->arg[2] = (u64)next->pid;
	e->arg[3] = (u64)prio_of(prev) | (u64)prio_of(next) << 32;
	e->arg[4] = (u64)prev->wchan;	/* wait queue names are string literals */
	emit(e, flags);
}

void __trace_sched_wakeup(struct task_struct *t, int type)
{
	u64 flags;
	struct trace_entry *e = reserve(type, &flags);
	put_str(e->str[0], t->comm);
	e->arg[0] = (u64)t->pid;
	e->arg[1] = (u64)prio_of(t);
	e->arg[4] = (u64)t->wchan;
	emit(e, flags);
}

void __trace_page_fault(struct pt_regs *regs, u64 addr, int err)
{
	u64 flags;
	int type = user_mode(regs) ? TRACE_PAGE_FAULT_USER : TRACE_PAGE_FAULT_KERNEL;
	struct trace_entry *e = reserve(type, &flags);
	e->arg[0] = addr;
	e->arg[1] = regs->rip;
	e->arg[2] = regs->err;
	e->arg[3] = (u64)(s64)err;
	emit(e, flags);
}

void __trace_cow_fault(u64 addr, struct page *old)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_COW_FAULT, &flags);
	e->arg[0] = addr;
	e->arg[1] = old->refcount;
	e->arg[2] = page_to_pfn(old);
	emit(e, flags);
}

void __trace_signal_generate(int sig, const struct kernel_siginfo *info,
			     struct task_struct *t, bool group, int res)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SIGNAL_GENERATE, &flags);
	put_str(e->str[0], t->comm);
	e->arg[0] = (u64)sig;
	e->arg[1] = (u64)(s64)(info ? info->si_errno : 0);
	e->arg[2] = (u64)(s64)(info ? info->si_code : SI_KERNEL);
	e->arg[3] = (u64)t->pid;
	e->arg[4] = (u64)group | (u64)res << 32;
	emit(e, flags);
}

void __trace_signal_deliver(int sig, const struct kernel_siginfo *info,
			    const struct k_sigaction *ka)
{
	u64 flags;
	struct trace_entry *e = reserve(TRACE_SIGNAL_DELIVER, &flags);
	e->arg[0] = (u64)sig;
	e->arg[1] = (u64)(s64)info->si_errno;
	e->arg[2] = (u64)(s64)info->si_code;
	e->arg[3] = ka->handler;
	e->arg[4] = ka->flags;
	emit(e, flags);
}

static void trace_fd(int type, int fd, struct file *f)
{
	u64 flags;
	struct trace_entry *e = reserve(type, &flags);
	e->arg[0] = (u64)fd;
	e->arg[1] = (u64)f;
	e->arg[2] = (u64)f->f_inode;
	e->arg[3] = f->f_count;
	emit(e, flags);
}

void __trace_fd_install(int fd, struct file *f)
{
	trace_fd(f->f_count == 1 ? TRACE_FD_OPEN : TRACE_FD_DUP, fd, f);
}

void __trace_fd_close(int fd, struct file *f)
{
	trace_fd(TRACE_FD_CLOSE, fd, f);
}

static const char *state_name(u64 c)
{
	static char s[2];
	s[0] = (char)c;
	return s;
}

static const char *reason(u64 wchan)
{
	return wchan ? (const char *)wchan : "-";
}

static const char *wait_which(u64 which)
{
	return which == P_PID ? "pid" : which == P_PGID ? "pgid" : "all";
}

static const char *fault_outcome(u64 err)
{
	return err == 0 ? "ok" : (s64)err == -ENOMEM ? "oom" : "segv";
}

/* The fields of e after the common header: key=value words. */
static int format_fields(const struct trace_entry *e, char *b, size_t n)
{
	const u64 *a = e->arg;
	switch (e->type) {
	case TRACE_SCHED_PROCESS_FORK:
		return snprintf(b, n, "parent_comm=%s parent_pid=%d child_comm=%s child_pid=%d"
				" child_tgid=%d clone_flags=0x%llx", e->str[0], e->tid,
				e->str[1], (int)a[0], (int)a[1], (unsigned long long)a[2]);
	case TRACE_SCHED_PROCESS_EXEC:
		return snprintf(b, n, "filename=%s pid=%d old_pid=%d comm=%s",
				e->str[0], (int)a[0], e->tid, e->str[1]);
	case TRACE_SCHED_PROCESS_EXIT:
		return snprintf(b, n, "comm=%s pid=%d prio=%d code=0x%x group_dead=%d",
				e->str[0], (int)a[0], (int)a[1], (unsigned)a[2], (int)a[3]);
	case TRACE_SCHED_PROCESS_WAIT:
		return snprintf(b, n, "comm=%s pid=%d prio=%d which=%s", e->str[0],
				(int)a[1], (int)a[2], wait_which(a[0]));
	case TRACE_TASK_REPARENT:
		return snprintf(b, n, "pid=%d comm=%s old_parent=%d new_parent=%d",
				(int)a[0], e->str[0], (int)a[1], (int)a[2]);
	case TRACE_TASK_REAP:
		return snprintf(b, n, "pid=%d tgid=%d comm=%s status=0x%x by=%d",
				(int)a[0], (int)a[1], e->str[0], (unsigned)a[2], e->tid);
	case TRACE_SCHED_SWITCH:
		return snprintf(b, n, "prev_comm=%s prev_pid=%d prev_prio=%d prev_state=%s"
				" next_comm=%s next_pid=%d next_prio=%d reason=%s",
				e->str[0], (int)a[0], (int)(u32)a[3], state_name(a[1]),
				e->str[1], (int)a[2], (int)(a[3] >> 32), reason(a[4]));
	case TRACE_SCHED_WAKEUP:
	case TRACE_SCHED_WAKEUP_NEW:
		return snprintf(b, n, "comm=%s pid=%d prio=%d target_cpu=%03d reason=%s",
				e->str[0], (int)a[0], (int)a[1], e->cpu, reason(a[4]));
	case TRACE_PAGE_FAULT_USER:
	case TRACE_PAGE_FAULT_KERNEL:
		return snprintf(b, n, "address=0x%llx ip=0x%llx error_code=0x%llx outcome=%s",
				(unsigned long long)a[0], (unsigned long long)a[1],
				(unsigned long long)a[2], fault_outcome(a[3]));
	case TRACE_COW_FAULT:
		return snprintf(b, n, "address=0x%llx outcome=%s refcount=%llu pfn=0x%llx",
				(unsigned long long)a[0], a[1] == 1 ? "reuse" : "copy",
				(unsigned long long)a[1], (unsigned long long)a[2]);
	case TRACE_SIGNAL_GENERATE:
		return snprintf(b, n, "sig=%d errno=%d code=%d comm=%s pid=%d grp=%d res=%d",
				(int)a[0], (int)a[1], (int)a[2], e->str[0], (int)a[3],
				(int)(u32)a[4], (int)(a[4] >> 32));
	case TRACE_SIGNAL_DELIVER:
		return snprintf(b, n, "sig=%d errno=%d code=%d sa_handler=%llx sa_flags=%llx",
				(int)a[0], (int)a[1], (int)a[2], (unsigned long long)a[3],
				(unsigned long long)a[4]);
	case TRACE_FD_OPEN:
	case TRACE_FD_DUP:
	case TRACE_FD_CLOSE:
		return snprintf(b, n, "fd=%d file=0x%llx inode=0x%llx f_count=%llu",
				(int)a[0], (unsigned long long)a[1],
				(unsigned long long)a[2], (unsigned long long)a[3]);
	}
	return snprintf(b, n, "type=%d", e->type);
}

/* One line, without the newline: "US CPU EVENT PID TID key=value...". */
int trace_format(const struct trace_entry *e, char *buf, size_t size)
{
	int n = snprintf(buf, size, "%llu %u %s %d %d ",
			 (unsigned long long)(e->ts_ns / 1000), e->cpu,
			 trace_type_name(e->type), e->pid, e->tid);
	if (n < 0 || (size_t)n >= size)
		return n;
	return n + format_fields(e, buf + n, size - n);
}

/* The category words of mask, comma-separated ("all" is not one). */
static size_t print_mask(u32 mask, char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t i = 0; i + 1 < ARRAY_SIZE(categories); i++) {
		if (mask & categories[i].bits)
			used += snprintf(buf + used, size - used, "%s%s",
					 used ? "," : "", categories[i].name);
		if (used >= size)
			return size - 1;
	}
	return used;
}

/* What /proc/tine/trace_events reads: the words now on, and a newline. */
int trace_show_events(char *buf, size_t size)
{
	size_t n = print_mask(trace_mask | (syscall_trace ? TRACE_SYSCALL : 0),
			      buf, size - 1);
	buf[n++] = '\n';
	buf[n] = '\0';
	return (int)n;
}

/*
 * Take the oldest unread event into *e, adding to *lost the events that
 * were overwritten before anyone read them.  False if there is none.
 */
bool trace_pop(struct trace_entry *e, u64 *lost)
{
	u64 flags = spin_lock_irqsave(&ring0.lock);
	bool any = ring0.tail != ring0.head;

	if (ring0.head - ring0.tail > TRACE_RING_SIZE) {
		*lost += ring0.head - TRACE_RING_SIZE - ring0.tail;
		ring0.tail = ring0.head - TRACE_RING_SIZE;
	}
	if (any)
		*e = ring0.ent[ring0.tail++ % TRACE_RING_SIZE];
	spin_unlock_irqrestore(&ring0.lock, flags);
	return any;
}

/*
 * Print the ring, oldest event first, between two marker lines that
 * tools/trace/ looks for in the serial log.  Called at power-off and panic
 * with interrupts off, so it takes no lock: whatever is half-written is
 * the price of never deadlocking on the way down.  Events already read
 * from /proc/tine/trace are not printed again, and with live printing the
 * events are out already.
 */
void trace_dump(void)
{
	static char line[256];
	char mask[64];

	if (!(trace_mask & ~TRACE_LIVE) || (trace_mask & TRACE_LIVE))
		return;
	u64 head = ring0.head;
	u64 first = MAX(ring0.tail, head > TRACE_RING_SIZE ? head - TRACE_RING_SIZE : 0);
	print_mask(trace_mask, mask, sizeof(mask));
	int n = snprintf(line, sizeof(line),
			 "\n# tine-trace begin format=%d mask=%s events=%llu lost=%llu\n",
			 TRACE_FORMAT_VERSION, mask, (unsigned long long)(head - first),
			 (unsigned long long)(first - ring0.tail));
	serial_write(line, n);
	for (u64 i = first; i < head; i++) {
		n = trace_format(&ring0.ent[i % TRACE_RING_SIZE], line, sizeof(line) - 1);
		n = MIN(n, (int)sizeof(line) - 2);
		line[n++] = '\n';
		serial_write(line, n);
	}
	serial_write("# tine-trace end\n", 17);
}
