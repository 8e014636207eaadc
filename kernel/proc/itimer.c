/*
 * ITIMER_REAL and alarm(2): a per-process real-time timer that sends
 * SIGALRM when it expires and, with an interval, rearms itself.  An armed
 * timer's signal_struct sits on real_timers; sched_tick() calls
 * itimer_tick() from the timer interrupt, so expiry has the tick's
 * resolution (10 ms) and the signal is sent from interrupt context.
 * ITIMER_VIRTUAL and ITIMER_PROF are not implemented (EINVAL).
 */
#include <tine/task.h>
#include <tine/signal.h>
#include <tine/errno.h>
#include <tine/string.h>
#include <tine/syscalls.h>
#include <tine/time.h>

#define ITIMER_REAL 0

struct timeval_user {
	s64 tv_sec, tv_usec;
};

struct itimerval_user {
	struct timeval_user it_interval, it_value;
};

static LIST_HEAD(real_timers);		/* armed signal_structs, interrupts off */

static void disarm(struct signal_struct *sig)
{
	if (sig->it_real_value_ns)
		list_del(&sig->real_timer);
	sig->it_real_value_ns = 0;
}

void itimer_cancel(struct signal_struct *sig)
{
	u64 flags = local_irq_save();
	disarm(sig);
	local_irq_restore(flags);
}

static void expire(struct signal_struct *sig, u64 now)
{
	struct task_struct *t = find_task_by_pid(sig->it_real_tgid);

	if (sig->it_real_incr_ns) {
		sig->it_real_value_ns += sig->it_real_incr_ns;
		if (sig->it_real_value_ns <= now)
			sig->it_real_value_ns = now + sig->it_real_incr_ns;
	} else {
		disarm(sig);
	}
	if (t && t->signal == sig)
		group_send_sig_info(SIGALRM, NULL, t);
}

/* Timer interrupt: fire every timer whose deadline has passed. */
void itimer_tick(u64 now)
{
	struct list_head *pos, *tmp;

	list_for_each_safe(pos, tmp, &real_timers) {
		struct signal_struct *sig = list_entry(pos, struct signal_struct, real_timer);
		if (sig->it_real_value_ns <= now)
			expire(sig, now);
	}
}

static u64 tv_to_ns(const struct timeval_user *tv)
{
	return tv->tv_sec * NSEC_PER_SEC + tv->tv_usec * 1000;
}

static void ns_to_tv(u64 ns, struct timeval_user *tv)
{
	tv->tv_sec = ns / NSEC_PER_SEC;
	tv->tv_usec = (ns % NSEC_PER_SEC) / 1000;
}

/* The current setting: time left and interval. */
static void get_real_timer(struct itimerval_user *v)
{
	struct signal_struct *sig = current->signal;
	u64 now = ktime_get_ns(), left = 0;

	if (sig->it_real_value_ns)
		left = sig->it_real_value_ns > now ? sig->it_real_value_ns - now : 1000;
	ns_to_tv(left, &v->it_value);
	ns_to_tv(sig->it_real_value_ns ? sig->it_real_incr_ns : 0, &v->it_interval);
}

static void set_real_timer(u64 value_ns, u64 incr_ns)
{
	struct signal_struct *sig = current->signal;
	u64 flags = local_irq_save();

	disarm(sig);
	if (value_ns) {
		sig->it_real_value_ns = ktime_get_ns() + value_ns;
		sig->it_real_incr_ns = incr_ns;
		sig->it_real_tgid = current->tgid;
		list_add_tail(&sig->real_timer, &real_timers);
	}
	local_irq_restore(flags);
}

static bool valid_timeval(const struct timeval_user *tv)
{
	return tv->tv_sec >= 0 && tv->tv_usec >= 0 && tv->tv_usec < 1000000;
}

long sys_getitimer(int which, void __user *uvalue)
{
	struct itimerval_user v;

	if (which != ITIMER_REAL)
		return -EINVAL;
	get_real_timer(&v);
	return copy_to_user(uvalue, &v, sizeof(v)) ? -EFAULT : 0;
}

/* setitimer: a NULL new value disarms, as Linux allows. */
long sys_setitimer(int which, const void __user *unew, void __user *uold)
{
	struct itimerval_user nv, ov;

	if (which != ITIMER_REAL)
		return -EINVAL;
	memset(&nv, 0, sizeof(nv));
	if (unew && copy_from_user(&nv, unew, sizeof(nv)))
		return -EFAULT;
	if (!valid_timeval(&nv.it_value) || !valid_timeval(&nv.it_interval))
		return -EINVAL;
	get_real_timer(&ov);
	set_real_timer(tv_to_ns(&nv.it_value), tv_to_ns(&nv.it_interval));
	if (uold && copy_to_user(uold, &ov, sizeof(ov)))
		return -EFAULT;
	return 0;
}

/* alarm: the seconds left on the old alarm, rounded to nearest (at least 1). */
long sys_alarm(unsigned int seconds)
{
	struct itimerval_user ov;

	get_real_timer(&ov);
	set_real_timer((u64)seconds * NSEC_PER_SEC, 0);
	long secs = ov.it_value.tv_sec;
	if ((!secs && ov.it_value.tv_usec) || ov.it_value.tv_usec >= 500000)
		secs++;
	return secs;
}
