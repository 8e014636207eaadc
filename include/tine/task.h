/*
 * struct task_struct: the kernel's record of one thread of execution, and the
 * heart of the process model.  As in Linux there is no separate "process"
 * object: a process is a thread group (tasks with one tgid), and everything
 * a process owns hangs off reference-counted sub-structures (mm, files, fs,
 * sighand, signal, cred) that threads share and fork copies.
 *
 * Lock legend: [I] set at creation, then immutable; [t] tasklist_lock;
 * [c] only the task itself (current) touches it; [s] sighand->lock.
 */
#ifndef TINE_TASK_H
#define TINE_TASK_H

#include <tine/types.h>
#include <tine/list.h>
#include <tine/wait.h>
#include <tine/sched.h>
#include <tine/signal.h>
#include <tine/spinlock.h>
#include <tine/uaccess.h>

#define TASK_COMM_LEN 16
#define KSTACK_SIZE 16384

struct mm_struct;
struct files_struct;
struct fs_struct;
struct pt_regs;
struct cpu;

#define NGROUPS_MAX	65536	/* supplementary groups per process, as Linux */

/* A supplementary group list, sorted; shared by creds, never changed. */
struct group_info {
	u32 usage;
	u32 ngroups;
	gid_t gid[];
};

/* Credentials: copied on write, shared until a set*id call changes them. */
struct cred {
	u32 usage;
	uid_t uid, euid, suid, fsuid;
	gid_t gid, egid, sgid, fsgid;
	struct group_info *group_info;	/* NULL: no supplementary groups */
	u64 cap_effective, cap_permitted, cap_inheritable;
};

/* Saved kernel context of a task that is not running (see switch_to). */
struct thread_struct {
	u64 rsp;			/* kernel stack pointer at the switch */
	u64 fsbase;			/* user TLS base (arch_prctl ARCH_SET_FS) */
	u8 fpu[512] __attribute__((aligned(16)));	/* fxsave area */
};

struct task_struct {
	/* Identity [I] */
	pid_t pid;			/* this thread's id (gettid) */
	pid_t tgid;			/* the thread group id (getpid) */
	char comm[TASK_COMM_LEN];	/* [c] executable name, prctl(PR_SET_NAME) */

	/* Scheduling */
	volatile int state;		/* TASK_RUNNING, ... (sched.h) */
	int exit_state;			/* 0, EXIT_ZOMBIE or EXIT_DEAD [t] */
	int nice;			/* -20..19 */
	int time_slice;			/* ticks left before preemption */
	bool need_resched;		/* preempt at the next return to user */
	bool on_rq;
	struct list_head run_list;	/* link in its CPU's runqueue */
	int cpu;			/* the CPU whose runqueue it is (or was) on */
	u64 cpus_allowed;		/* sched_setaffinity: bit N = CPU N */
	const char *wchan;		/* name of the wait queue slept on */
	u64 utime_ns, stime_ns;		/* CPU time in user and kernel mode */
	u64 nvcsw, nivcsw;		/* voluntary, involuntary switches */
	u64 min_flt;			/* page faults served (all minor: no I/O) */
	u64 start_time_ns;		/* ktime at creation */
	u64 wake_at_ns;			/* timed sleep deadline, 0 if none */
	struct list_head timer_link;	/* on the sleepers-with-timeout list */

	/* Family [t] */
	struct task_struct *real_parent;	/* who forked us (or adopted us) */
	struct task_struct *parent;	/* receives SIGCHLD and wait()s */
	struct list_head children;	/* our children: their sibling links */
	struct list_head sibling;	/* link in parent->children */
	struct task_struct *group_leader;
	struct list_head thread_group;	/* all threads of our group */
	struct list_head tasks;		/* link in the global task list */
	int exit_code;			/* wait status once a zombie */
	int exit_signal;		/* sent to parent at exit (SIGCHLD), -1 thread */
	int pdeath_signal;		/* prctl(PR_SET_PDEATHSIG) */
	bool is_child_subreaper;	/* prctl(PR_SET_CHILD_SUBREAPER) */
	bool did_exec;
	bool released;			/* release_task() done: free when switched out */
	bool switched_out_dead;		/* dead and off the CPU for good */
	struct vfork_done *vfork_done;	/* parent sleeping until we exec/exit */
	int __user *set_child_tid;	/* CLONE_CHILD_SETTID, written by the child */
	int __user *clear_child_tid;	/* CLONE_CHILD_CLEARTID / set_tid_address */
	void __user *robust_list;	/* set_robust_list */

	/* Shared sub-structures, each reference-counted */
	struct mm_struct *mm;		/* address space, NULL for kernel threads */
	struct files_struct *files;	/* file descriptor table */
	struct fs_struct *fs;		/* cwd, root, umask */
	struct sighand_struct *sighand;	/* signal handlers */
	struct signal_struct *signal;	/* thread-group-wide signal state */
	struct cred *cred;		/* credentials */

	/* Per-thread signal state [s] */
	sigset_t blocked;		/* signals this thread refuses now */
	sigset_t real_blocked;		/* the mask outside rt_sigtimedwait */
	sigset_t saved_sigmask;		/* restored after rt_sigsuspend */
	bool restore_sigmask;
	struct sigpending pending;	/* signals sent to this thread */
	u64 sas_ss_sp, sas_ss_size;	/* sigaltstack */
	u32 sas_ss_flags;

	/* Machine state */
	void *kstack;			/* base of the KSTACK_SIZE kernel stack */
	struct pt_regs *regs;		/* user registers at kernel entry */
	struct thread_struct thread;
};

/* A vfork parent waits on one of these, on its own stack. */
struct vfork_done {
	bool done;
	struct wait_queue_head wq;
};

/* The task running on this CPU: the per-CPU area (GS base) holds it at 8. */
static inline struct task_struct *get_current(void)
{
	struct task_struct *t;
	__asm__("movq %%gs:8, %0" : "=r"(t));
	return t;
}
#define current get_current()

extern struct list_head task_list;		/* every task, [t] */
extern spinlock_t tasklist_lock;
extern struct task_struct *init_task_ptr;	/* PID 1 */

struct task_struct *find_task_by_pid(pid_t pid);
bool thread_group_leader(const struct task_struct *t);
u64 nr_live_tasks(void);

/* kernel/proc/task.c */
struct task_struct *alloc_task(void);
void free_task(struct task_struct *t);
void task_list_add(struct task_struct *t);
void task_list_del(struct task_struct *t);
void idle_task_init(void);
struct task_struct *idle_task_create(struct cpu *c);
struct task_struct *kernel_thread(int (*fn)(void *), void *arg);
int count_user_processes(uid_t uid);
int nr_tasks_get(void);

/* kernel/proc/fork.c: the sysctl kernel.threads-max */
#define MIN_THREADS	20		/* the default threads-max's floor */
#define MAX_THREADS	0x3fffffff	/* and its ceiling (FUTEX_TID_MASK) */
int threads_max_get(void);
int threads_max_set(int v);

/* kernel/proc/fork.c, exec.c, exit.c */
long kernel_clone(u64 flags, u64 stack, int __user *ptid, int __user *ctid,
		  u64 tls, int exit_signal);
int kernel_execve(const char *path, const char *const *argv,
		  const char *const *envp);
void do_exit(int code) __attribute__((noreturn));
void do_group_exit(int code) __attribute__((noreturn));
void release_task(struct task_struct *t);
void finish_task_switch(struct task_struct *prev, int prev_state);
void complete_vfork_done(struct task_struct *t);

struct cred *prepare_creds(void);	/* a private copy for set*id */
void get_cred(struct cred *c);
void put_cred(struct cred *c);
/* kernel/proc/cred.c: supplementary groups */
bool in_group_p(gid_t gid);		/* fsgid or a supplementary group? */
void get_group_info(struct group_info *gi);
void put_group_info(struct group_info *gi);

struct sighand_struct;
struct signal_struct;
void put_sighand(struct sighand_struct *sh);
void put_signal_struct(struct signal_struct *sig);

#endif
