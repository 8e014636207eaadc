/*
 * /proc/uptime: seconds since boot and seconds the CPU spent idle, both in
 * hundredths, from the monotonic clock and the idle tick count.
 */
#include <tine/proc_fs.h>
#include <tine/cpu.h>
#include <tine/sched.h>

int proc_uptime_show(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	proc_format_uptime(pb, ktime_get_ns(), cpu0.idle_ticks * (1000000000 / HZ));
	return 0;
}
