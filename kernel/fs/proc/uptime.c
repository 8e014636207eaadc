/*
 * /proc/uptime: seconds since boot and seconds the CPU spent idle, both in
 * hundredths, from the monotonic clock and the idle time of all CPUs
 * (so the second figure can exceed the first, as on Linux).
 */
#include <tine/proc_fs.h>
#include <tine/cpu.h>
#include <tine/sched.h>

static u64 idle_ns_all(void)
{
	u64 n = 0;
	for (int i = 0; i < nr_cpus; i++)
		n += cpus[i]->idle_ns;
	return n;
}

int proc_uptime_show(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	proc_format_uptime(pb, ktime_get_ns(), idle_ns_all());
	return 0;
}
