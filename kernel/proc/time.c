/*
 * Time system calls: clock_gettime and friends read the clocks of
 * arch/x86_64/time.c; nanosleep and clock_nanosleep sleep interruptibly,
 * reporting the time left when a signal cuts the sleep short.
 */
#include <tine/time.h>
#include <tine/sched.h>
#include <tine/task.h>
#include <tine/errno.h>
#include <tine/syscalls.h>

#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1

static long clock_read(int clk, u64 *ns)
{
	switch (clk) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = ktime_get_real_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_get_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = current->utime_ns + current->stime_ns;
		return 0;
	default:
		return -EINVAL;
	}
}

static long put_timespec(u64 ns, void __user *tp)
{
	struct timespec_user ts = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };
	return copy_to_user(tp, &ts, sizeof(ts));
}

long sys_clock_gettime(int clk, void __user *tp)
{
	u64 ns;
	long err = clock_read(clk, &ns);
	return err ? err : put_timespec(ns, tp);
}

long sys_clock_getres(int clk, void __user *tp)
{
	u64 ns;
	long err = clock_read(clk, &ns);
	if (err || !tp)
		return err;
	bool coarse = clk == CLOCK_REALTIME_COARSE || clk == CLOCK_MONOTONIC_COARSE;
	return put_timespec(coarse ? NSEC_PER_SEC / HZ : 1, tp);
}

long sys_gettimeofday(void __user *tv, void __user *tz)
{
	(void)tz;
	if (!tv)
		return 0;
	u64 ns = ktime_get_real_ns();
	s64 v[2] = { (s64)(ns / NSEC_PER_SEC), (s64)((ns % NSEC_PER_SEC) / 1000) };
	return copy_to_user(tv, v, sizeof(v));
}

long sys_time(void __user *tloc)
{
	s64 t = ktime_get_real_ns() / NSEC_PER_SEC;
	if (tloc && copy_to_user(tloc, &t, sizeof(t)))
		return -EFAULT;
	return t;
}

static long get_timespec_ns(const void __user *p, u64 *ns)
{
	struct timespec_user ts;
	if (copy_from_user(&ts, p, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	*ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

static long do_nanosleep(u64 ns, void __user *rem)
{
	u64 left = ns;

	while (left) {
		current->state = TASK_INTERRUPTIBLE;
		current->wchan = "hrtimer_nanosleep";
		if (schedule_timeout_ns(left, &left)) {
			/* A handler ran or will: report EINTR and the time left. */
			if (rem && put_timespec(left, rem))
				return -EFAULT;
			return -EINTR;
		}
	}
	return 0;
}

long sys_nanosleep(const void __user *req, void __user *rem)
{
	u64 ns;
	long err = get_timespec_ns(req, &ns);
	return err ? err : do_nanosleep(ns, rem);
}

long sys_clock_nanosleep(int clk, int flags, const void __user *req, void __user *rem)
{
	u64 ns, now;
	long err = clock_read(clk, &now);
	if (err)
		return err;
	if (clk == CLOCK_THREAD_CPUTIME_ID)
		return -EINVAL;
	err = get_timespec_ns(req, &ns);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME) {
		ns = ns > now ? ns - now : 0;
		rem = NULL;
	}
	err = do_nanosleep(ns, rem);
	return err == -EINTR ? -EINTR : err;
}
