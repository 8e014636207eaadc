/*
 * /proc/loadavg: the three load averages the scheduler keeps, then
 * "runnable/total" scheduling entities (threads) and the most recent PID.
 * Linux counts the reader itself as runnable, and so does this.
 */
#include <tine/proc_fs.h>
#include <tine/task.h>
#include <tine/sched.h>

/*
 * Linux prints the last PID handed out (idr_get_cursor() - 1); Tine's pid
 * allocator does not export its cursor, so this shows the highest PID in
 * use, which is the same number until PIDs wrap.
 */
static void count_tasks(int *running, int *threads, int *last)
{
	struct list_head *p;

	*running = *threads = *last = 0;
	list_for_each(p, &task_list) {
		struct task_struct *t = list_entry(p, struct task_struct, tasks);

		if (t->pid <= 0 || !proc_task(t->pid) || t->exit_state)
			continue;
		(*threads)++;
		if (task_state_char(t) == 'R')
			(*running)++;
		if (t->pid > *last)
			*last = t->pid;
	}
}

int proc_loadavg_show(struct proc_buf *pb, s32 pid)
{
	u64 loads[3];
	int running, threads, last;

	(void)pid;
	loadavg_get(loads);
	count_tasks(&running, &threads, &last);
	proc_format_loadavg(pb, loads, running, threads, last);
	return 0;
}
