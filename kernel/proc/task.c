/*
 * task_struct lifetime: allocation with its kernel stack, the global task
 * list, lookup by PID, the idle task (the boot context, PID 0) and kernel
 * threads (PID 1 starts as one and becomes /init through execve).
 */
#include <tine/task.h>
#include <tine/cpu.h>
#include <tine/ptrace.h>
#include <tine/kstack.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/pid.h>
#include <tine/mm.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/panic.h>
#include <tine/format.h>

LIST_HEAD(task_list);
spinlock_t tasklist_lock = SPINLOCK_INIT("tasklist_lock");
struct task_struct *init_task_ptr;
static struct kmem_cache *task_cache, *cred_cache;
static struct task_struct idle_task;
static u64 live_tasks;
extern char boot_stack[];

struct task_struct *alloc_task(void)
{
	if (!task_cache) {
		task_cache = kmem_cache_create("task_struct", sizeof(struct task_struct));
		cred_cache = kmem_cache_create("cred", sizeof(struct cred));
	}
	struct task_struct *t = kmem_cache_alloc(task_cache);
	if (!t)
		return NULL;
	memset(t, 0, sizeof(*t));
	t->kstack = kstack_alloc();
	if (!t->kstack) {
		kmem_cache_free(task_cache, t);
		return NULL;
	}
	t->regs = (struct pt_regs *)((char *)t->kstack + KSTACK_SIZE) - 1;
	list_init(&t->children);
	list_init(&t->sibling);
	list_init(&t->thread_group);
	list_init(&t->tasks);
	list_init(&t->run_list);
	list_init(&t->timer_link);
	list_init(&t->pending.list);
	live_tasks++;
	return t;
}

void free_task(struct task_struct *t)
{
	kstack_free(t->kstack);
	kmem_cache_free(task_cache, t);
	live_tasks--;
}

u64 nr_live_tasks(void)
{
	return live_tasks;
}

/* Tasks on task_list, zombies included (Linux's nr_threads), which fork
 * holds against threads-max. */
static int nr_tasks;

void task_list_add(struct task_struct *t)
{
	list_add_tail(&t->tasks, &task_list);
	nr_tasks++;
}

void task_list_del(struct task_struct *t)
{
	list_del(&t->tasks);
	nr_tasks--;
}

int nr_tasks_get(void)
{
	return nr_tasks;
}

struct task_struct *find_task_by_pid(pid_t pid)
{
	struct list_head *pos;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (t->pid == pid)
			return t;
	}
	return NULL;
}

bool thread_group_leader(const struct task_struct *t)
{
	return t->group_leader == t;
}

int count_user_processes(uid_t uid)
{
	struct list_head *pos;
	int n = 0;

	list_for_each(pos, &task_list) {
		struct task_struct *t = list_entry(pos, struct task_struct, tasks);
		if (t->cred && t->cred->uid == uid && !t->exit_state)
			n++;
	}
	return n;
}

struct cred *prepare_creds(void)
{
	struct cred *c = kmem_cache_alloc(cred_cache);
	if (!c)
		return NULL;
	*c = *current->cred;
	c->usage = 1;
	get_group_info(c->group_info);
	return c;
}

void get_cred(struct cred *c)
{
	c->usage++;
}

void put_cred(struct cred *c)
{
	if (--c->usage == 0) {
		put_group_info(c->group_info);
		kmem_cache_free(cred_cache, c);
	}
}

/* PID 0 of CPU c: runs when nothing else can (cpu_idle). */
static void idle_task_setup(struct task_struct *t, struct cpu *c)
{
	t->pid = t->tgid = 0;
	snprintf(t->comm, sizeof(t->comm), "swapper/%d", c->id);
	t->state = TASK_RUNNING;
	t->group_leader = t;
	t->cpu = c->id;
	t->cpus_allowed = 1ULL << c->id;
	list_init(&t->children);
	list_init(&t->sibling);
	list_init(&t->thread_group);
	list_init(&t->run_list);
	list_init(&t->timer_link);
	c->idle = t;
	c->current_task = t;
}

/* The boot CPU's idle task is the boot context itself, on boot_stack. */
void idle_task_init(void)
{
	idle_task.kstack = boot_stack;
	idle_task_setup(&idle_task, &cpu0);
}

/* Another CPU's idle task: its stack is where that CPU starts (smp.c). */
struct task_struct *idle_task_create(struct cpu *c)
{
	struct task_struct *t = alloc_task();
	if (t)
		idle_task_setup(t, c);
	return t;
}

/*
 * A kernel thread runs fn(arg) on its own stack.  Its first switch pops the
 * frame built here: six callee-saved registers (fn and arg among them) and
 * the address of kthread_start, just below the pt_regs area.
 */
struct task_struct *kernel_thread(int (*fn)(void *), void *arg)
{
	struct task_struct *t = alloc_task();
	if (!t)
		return NULL;
	int pid = pid_alloc();
	BUG_ON(pid < 0);
	t->pid = t->tgid = pid;
	t->group_leader = t;
	u64 *frame = (u64 *)t->regs - 7;
	memset(frame, 0, 7 * sizeof(u64));
	frame[3] = (u64)fn;		/* r12 */
	frame[2] = (u64)arg;		/* r13 */
	frame[6] = (u64)kthread_start;
	t->thread.rsp = (u64)frame;
	t->parent = t->real_parent = &idle_task;
	t->cpus_allowed = ~0ULL;
	task_list_add(t);
	return t;
}
