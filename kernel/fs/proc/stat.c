/*
 * /proc/stat: CPU time by kind since boot (clock ticks), interrupts,
 * context switches, boot time, and the process counts; a line per CPU.
 */
#include <tine/proc_fs.h>
#include <tine/cpu.h>
#include <tine/task.h>
#include <tine/sched.h>
#include <tine/time.h>

/* The scheduler keeps nanoseconds; /proc/stat speaks USER_HZ ticks. */
static u64 ns_to_clock_t(u64 ns)
{
	return ns / (NSEC_PER_SEC / USER_HZ);
}

static void count_states(struct proc_cpu_info *c)
{
	struct list_head *p;

	list_for_each(p, &task_list) {
		struct task_struct *t = list_entry(p, struct task_struct, tasks);
		char s = task_state_char(t);

		if (t->pid <= 0)
			continue;
		c->running += s == 'R';
		c->blocked += s == 'D';
		if (t->pid > (s32)c->processes)
			c->processes = t->pid;
	}
}

int proc_stat_show(struct proc_buf *pb, s32 pid)
{
	struct proc_cpu_info c = { 0 };

	(void)pid;
	c.nr_cpus = nr_cpus;
	for (int i = 0; i < nr_cpus; i++) {
		c.cpu[i].user = ns_to_clock_t(cpus[i]->user_ns);
		c.cpu[i].system = ns_to_clock_t(cpus[i]->system_ns);
		c.cpu[i].idle = ns_to_clock_t(cpus[i]->idle_ns);
		c.intr += cpus[i]->irq_count;
	}
	c.ctxt = nr_context_switches;
	c.btime = (ktime_get_real_ns() - ktime_get_ns()) / 1000000000;
	/* "processes": forks since boot; Tine does not count them, so this is
	 * the highest PID in use, equal to it until PIDs wrap or tasks go. */
	count_states(&c);
	proc_format_cpu_stat(pb, &c);
	return 0;
}
