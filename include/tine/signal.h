/*
 * Signal objects, laid out as in Linux: sighand_struct holds the handlers
 * (shared by CLONE_SIGHAND), signal_struct the thread-group-wide state
 * (shared pending set, group exit, job-control stop, process group and
 * session), and each task its own blocked mask and pending set.
 * Numbers and flag values are the Linux x86-64 ABI.
 */
#ifndef TINE_SIGNAL_H
#define TINE_SIGNAL_H

#include <tine/types.h>
#include <tine/list.h>
#include <tine/spinlock.h>
#include <tine/wait.h>
#include <tine/uaccess.h>

#define _NSIG 64

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPWR 30
#define SIGSYS 31
#define SIGRTMIN 32
#define SIGRTMAX 64

#define SIG_DFL ((u64)0)
#define SIG_IGN ((u64)1)

#define SA_NOCLDSTOP	0x00000001
#define SA_NOCLDWAIT	0x00000002
#define SA_SIGINFO	0x00000004
#define SA_RESTORER	0x04000000
#define SA_ONSTACK	0x08000000
#define SA_RESTART	0x10000000
#define SA_NODEFER	0x40000000
#define SA_RESETHAND	0x80000000

/* sigaltstack: ss_flags, and the smallest stack Linux accepts. */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1U << 31)
#define MINSIGSTKSZ	2048

typedef u64 sigset_t;			/* bit (sig - 1) */

static inline sigset_t sigmask(int sig)
{
	return 1ULL << (sig - 1);
}

/* si_code values */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TKILL	-6
#define SI_TIMER	-2
#define TRAP_TRACE	2
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRERR	2
#define FPE_INTDIV	1
#define ILL_ILLOPN	2
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

/* The kernel's view of siginfo (user layout is built from it at delivery). */
struct kernel_siginfo {
	int si_signo, si_errno, si_code;
	pid_t si_pid;
	uid_t si_uid;
	int si_status;			/* SIGCHLD: exit status or signal */
	u64 si_addr;			/* faults: the address */
	u64 si_value;			/* rt_sigqueueinfo payload */
	u64 si_utime, si_stime;
};

/* One queued signal (real-time signals queue; standard ones coalesce). */
struct sigqueue {
	struct list_head list;
	struct kernel_siginfo info;
};

/*
 * A pending set.  A signal pending without a sigqueue entry was sent from
 * interrupt context (no allocation there: Ctrl-C, SIGALRM) and is delivered
 * as SI_KERNEL if its bit is in kernel_sent, else as a bare SI_USER.
 */
struct sigpending {
	sigset_t signal;		/* which signals are pending */
	sigset_t kernel_sent;		/* pending with no entry, sent by the kernel */
	struct list_head list;		/* their sigqueue entries */
};

struct rlimit {
	u64 rlim_cur, rlim_max;
};
#define RLIM_NLIMITS 16
#define RLIM_INFINITY (~0ULL)
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7

struct k_sigaction {
	u64 handler;			/* SIG_DFL, SIG_IGN or a user address */
	u64 flags;			/* SA_* */
	u64 restorer;			/* user trampoline calling rt_sigreturn */
	sigset_t mask;			/* blocked while the handler runs */
};

struct sighand_struct {
	u32 count;
	spinlock_t lock;
	struct k_sigaction action[_NSIG];
};

struct signal_struct {
	u32 count;			/* threads sharing it */
	int nr_threads;
	struct sigpending shared_pending;	/* sent to the whole group */
	int group_exit_code;		/* exit_group() status */
	bool group_exit;		/* the group is dying */
	struct task_struct *group_exit_task;
	int group_stop_count;
	int stop_signal;		/* what stopped the group */
	bool stopped;			/* group is in job-control stop */
	int notify_parent_cld;		/* CLD_STOPPED/CLD_CONTINUED to report */
	bool wait_continued;		/* WCONTINUED can report it */
	pid_t pgrp;			/* process group id */
	pid_t session;			/* session id */
	struct tty_struct *tty;		/* controlling terminal */
	u64 cutime_ns, cstime_ns;	/* reaped children's CPU time */
	u64 min_flt;			/* faults of the group's exited threads */
	u64 cmin_flt;			/* faults of reaped children (and theirs) */
	u64 it_real_value_ns;		/* ITIMER_REAL deadline, 0 if off */
	u64 it_real_incr_ns;
	pid_t it_real_tgid;		/* who gets SIGALRM */
	struct list_head real_timer;	/* on the armed-timers list (itimer.c) */
	int nr_sigqueue;		/* queued entries, against RLIMIT_SIGPENDING */
	struct rlimit rlim[RLIM_NLIMITS];	/* getrlimit/setrlimit */
	u64 maxrss_kb;
	struct wait_queue_head wait_chldexit;	/* wait4() sleeps here */
};

#define RLIMIT_SIGPENDING 11

struct task_struct;
struct pt_regs;

/* kernel/proc/signal.c: generation and delivery */
int send_sig(int sig, struct task_struct *t);	/* from the kernel, to a thread */
int send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *t);
int group_send_sig_info(int sig, struct kernel_siginfo *info, struct task_struct *p);
int kill_pgrp(pid_t pgrp, int sig);		/* from the kernel (tty, hangup) */
void force_sig_fault(int sig, int code, u64 addr);
void force_sig(int sig);
/* Tell a parent about a child's exit (SIGCHLD); true if it autoreaps. */
bool do_notify_parent(struct task_struct *t, int sig);
void flush_signal_handlers_on_exec(struct task_struct *t);
void zap_other_threads(struct task_struct *t);
void flush_sigqueue(struct sigpending *p);
int dequeue_signal(struct task_struct *t, sigset_t mask, struct kernel_siginfo *info);
void set_current_blocked(sigset_t set);
void do_signal(struct pt_regs *regs);
struct sighand_struct *sighand_alloc(void);
struct signal_struct *signal_alloc(void);

/* kernel/proc/sigframe.c: the x86-64 signal frame */
int setup_rt_frame(int sig, struct k_sigaction *ka, struct kernel_siginfo *info,
		   sigset_t oldset, struct pt_regs *regs);
bool on_sig_stack(u64 sp);
long copy_siginfo_to_user(void __user *to, const struct kernel_siginfo *info);
long copy_siginfo_from_user(struct kernel_siginfo *info, const void __user *from);

/* kernel/proc/pgrp.c: process groups, sessions, job control */
bool is_current_pgrp_orphaned(void);
void exit_job_control(struct task_struct *t);
int tty_job_control(struct tty_struct *tty, int sig);
int getpgid_in_session(pid_t pgrp);

/* kernel/proc/itimer.c */
void itimer_tick(u64 now_ns);
void itimer_cancel(struct signal_struct *sig);

#endif
