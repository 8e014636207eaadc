/*
 * poll, ppoll, select and pselect6: wait until one of several files is
 * ready.  The design is the simple one: ask every file's poll operation for
 * its state; if none is ready, sleep on every wait queue those operations
 * registered with poll_wait(), then ask again.  Any wake_up() on one of the
 * queues, a signal or the timeout ends the sleep.  A file without a poll
 * operation is always ready (regular files, /dev/null).
 * Interrupted calls return -ERESTARTNOHAND, as in Linux: EINTR if a handler
 * ran, a transparent restart otherwise.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/sched.h>
#include <tine/time.h>
#include <tine/syscalls.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

#define NAP_NS 10000000ULL	/* sleep slice when the table overflowed */

struct pollfd {
	int fd;
	short events;
	short revents;
};

/* Register the current task on wq for this poll call. */
void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table *pt)
{
	struct poll_table_entry *e;

	(void)f;
	if (!pt)
		return;
	if (pt->nr == pt->cap) {
		pt->overflow = true;
		return;
	}
	e = &pt->entries[pt->nr++];
	e->wq = wq;
	memset(&e->wait, 0, sizeof(e->wait));
	prepare_to_wait(wq, &e->wait, TASK_INTERRUPTIBLE);
}

static void poll_freewait(struct poll_table *pt)
{
	for (int i = 0; i < pt->nr; i++)
		finish_wait(pt->entries[i].wq, &pt->entries[i].wait);
	pt->nr = 0;
	pt->overflow = false;
	current->state = TASK_RUNNING;
}

static unsigned int file_poll(struct file *f, struct poll_table *pt)
{
	return f->f_op->poll ? f->f_op->poll(f, pt) : DEFAULT_POLLMASK;
}

/* One pass over the files: >0 ready, 0 none, <0 an error. */
typedef long (*scan_fn)(void *arg, struct poll_table *pt);

/*
 * Scan until something is ready, timeout_ns passes (-1: never; 0: do not
 * sleep) or a signal arrives.  *left gets the unused time.
 */
static long poll_loop(scan_fn scan, void *arg, int nwaits, s64 timeout_ns,
		      u64 *left)
{
	struct poll_table pt = { NULL, 0, MAX(nwaits, 1) * 2, false };
	u64 deadline = ktime_get_ns() + (timeout_ns > 0 ? timeout_ns : 0);
	long n;

	pt.entries = kzalloc(pt.cap * sizeof(*pt.entries));
	if (!pt.entries)
		return -ENOMEM;
	for (;;) {
		u64 now, slice;

		n = scan(arg, timeout_ns == 0 ? NULL : &pt);
		if (n != 0 || timeout_ns == 0)
			break;
		if (signal_pending_current()) {
			n = -ERESTARTNOHAND;
			break;
		}
		now = ktime_get_ns();
		if (timeout_ns > 0 && now >= deadline)
			break;
		slice = timeout_ns > 0 ? deadline - now : 0;
		if (pt.overflow && (slice == 0 || slice > NAP_NS))
			slice = NAP_NS;
		if (slice)
			schedule_timeout_ns(slice, NULL);
		else
			schedule();
		poll_freewait(&pt);
	}
	poll_freewait(&pt);
	kfree(pt.entries);
	if (left) {
		u64 now = ktime_get_ns();
		*left = timeout_ns > 0 && now < deadline ? deadline - now : 0;
	}
	return n;
}

struct poll_args {
	struct pollfd *fds;
	unsigned int nfds;
};

static long poll_scan(void *arg, struct poll_table *pt)
{
	struct poll_args *a = arg;
	long count = 0;

	for (unsigned int i = 0; i < a->nfds; i++) {
		struct pollfd *p = &a->fds[i];
		struct file *f;

		p->revents = 0;
		if (p->fd < 0)
			continue;
		f = fget(p->fd);
		if (!f) {
			p->revents = POLLNVAL;
		} else {
			/* POLLERR and POLLHUP are reported even if not asked */
			p->revents = file_poll(f, count ? NULL : pt) &
				     (p->events | POLLERR | POLLHUP);
			fput(f);
		}
		count += p->revents != 0;
	}
	return count;
}

/* poll(2): "EINVAL: The nfds value exceeds the RLIMIT_NOFILE value". */
static long do_poll(struct pollfd __user *ufds, unsigned int nfds,
		    s64 timeout_ns, u64 *left)
{
	struct poll_args a = { NULL, nfds };
	size_t size = (size_t)nfds * sizeof(struct pollfd);
	long n;

	if (nfds > nofile_limit())
		return -EINVAL;
	a.fds = kmalloc(MAX(size, 1));
	if (!a.fds)
		return -ENOMEM;
	n = copy_from_user(a.fds, ufds, size) ? -EFAULT : 0;
	if (!n)
		n = poll_loop(poll_scan, &a, nfds, timeout_ns, left);
	if (n >= 0) {
		for (unsigned int i = 0; i < nfds && n >= 0; i++)
			if (copy_to_user(&ufds[i].revents, &a.fds[i].revents,
					 sizeof(short)))
				n = -EFAULT;
	}
	kfree(a.fds);
	return n;
}

long sys_poll(struct pollfd __user *fds, unsigned int nfds, int timeout_ms)
{
	s64 ns = timeout_ms < 0 ? -1 : (s64)timeout_ms * 1000000;

	return do_poll(fds, nfds, ns, NULL);
}

/* A user timespec as a timeout in ns (-1 for NULL); -EINVAL if invalid. */
static s64 timespec_timeout(const struct timespec_user __user *uts, long *err)
{
	struct timespec_user ts;

	*err = 0;
	if (!uts)
		return -1;
	if (copy_from_user(&ts, uts, sizeof(ts))) {
		*err = -EFAULT;
		return 0;
	}
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (s64)NSEC_PER_SEC) {
		*err = -EINVAL;
		return 0;
	}
	return ts.tv_sec * (s64)NSEC_PER_SEC + ts.tv_nsec;
}

/* Write the unused time back, as Linux does for ppoll and pselect6. */
static void put_timespec_left(struct timespec_user __user *uts, u64 left)
{
	struct timespec_user ts = { (s64)(left / NSEC_PER_SEC),
				    (s64)(left % NSEC_PER_SEC) };

	if (uts)
		copy_to_user(uts, &ts, sizeof(ts));
}

/*
 * The sigmask argument of ppoll/pselect6: block it for the call.  If a
 * signal ends the call, the old mask is restored after its handler runs
 * (restore_sigmask); otherwise at once.
 */
static long set_call_sigmask(const sigset_t __user *umask, size_t size)
{
	sigset_t mask;

	if (!umask)
		return 0;
	if (size != sizeof(sigset_t))
		return -EINVAL;
	if (copy_from_user(&mask, umask, sizeof(mask)))
		return -EFAULT;
	current->saved_sigmask = current->blocked;
	current->blocked = mask & ~(sigmask(SIGKILL) | sigmask(SIGSTOP));
	return 0;
}

static void end_call_sigmask(const sigset_t __user *umask, long ret)
{
	if (!umask)
		return;
	if (ret == -ERESTARTNOHAND)
		current->restore_sigmask = true;
	else
		current->blocked = current->saved_sigmask;
}

long sys_ppoll(struct pollfd __user *fds, unsigned int nfds,
	       struct timespec_user __user *tsp, const sigset_t __user *sigmask,
	       size_t sigsetsize)
{
	long err;
	s64 ns = timespec_timeout(tsp, &err);
	u64 left = 0;

	if (err)
		return err;
	err = set_call_sigmask(sigmask, sigsetsize);
	if (err)
		return err;
	err = do_poll(fds, nfds, ns, &left);
	end_call_sigmask(sigmask, err);
	if (ns > 0)
		put_timespec_left(tsp, left);
	return err;
}

/* select: three bitmaps of nfds bits each, in and out. */
struct select_args {
	int nfds;
	u64 *in, *out, *ex;		/* what the caller asked (or NULL) */
	u64 *rin, *rout, *rex;		/* the answer */
};

static bool bit(const u64 *map, int i)
{
	return map && (map[i / 64] >> (i % 64)) & 1;
}

static void set_bit64(u64 *map, int i)
{
	map[i / 64] |= 1ULL << (i % 64);
}

#define SELECT_IN  (POLLIN | POLLRDNORM | POLLHUP | POLLERR)
#define SELECT_OUT (POLLOUT | POLLWRNORM | POLLERR)
#define SELECT_EX  POLLPRI

static long select_scan(void *arg, struct poll_table *pt)
{
	struct select_args *a = arg;
	size_t words = ALIGN_UP(a->nfds, 64) / 64;
	long count = 0;

	memset(a->rin, 0, words * 8 * 3);
	for (int i = 0; i < a->nfds; i++) {
		bool want_in = bit(a->in, i), want_out = bit(a->out, i);
		bool want_ex = bit(a->ex, i);
		unsigned int mask;
		struct file *f;

		if (!want_in && !want_out && !want_ex)
			continue;
		f = fget(i);
		if (!f)
			return -EBADF;	/* select(2): "an invalid fd in a set" */
		mask = file_poll(f, count ? NULL : pt);
		fput(f);
		if (want_in && (mask & SELECT_IN)) {
			set_bit64(a->rin, i);
			count++;
		}
		if (want_out && (mask & SELECT_OUT)) {
			set_bit64(a->rout, i);
			count++;
		}
		if (want_ex && (mask & SELECT_EX)) {
			set_bit64(a->rex, i);
			count++;
		}
	}
	return count;
}

/* Copy one fd_set in (or leave it NULL); false on a fault. */
static bool get_fdset(u64 **dst, u64 *buf, const void __user *u, size_t bytes)
{
	*dst = NULL;
	if (!u)
		return true;
	*dst = buf;
	return copy_from_user(buf, u, bytes) == 0;
}

static bool put_fdset(void __user *u, const u64 *map, size_t bytes)
{
	return !u || copy_to_user(u, map, bytes) == 0;
}

static long do_select(int nfds, void __user *inp, void __user *outp,
		      void __user *exp, s64 timeout_ns, u64 *left)
{
	struct select_args a;
	size_t words, bytes;
	u64 *mem;
	long n = -EFAULT;

	if (nfds < 0)
		return -EINVAL;
	nfds = MIN(nfds, current->files->max_fds);
	words = MAX(ALIGN_UP(nfds, 64) / 64, 1);
	bytes = ALIGN_UP(nfds, 64) / 8;
	mem = kzalloc(words * 8 * 6);
	if (!mem)
		return -ENOMEM;
	a.nfds = nfds;
	a.rin = mem + 3 * words;
	a.rout = a.rin + words;
	a.rex = a.rout + words;
	if (get_fdset(&a.in, mem, inp, bytes) &&
	    get_fdset(&a.out, mem + words, outp, bytes) &&
	    get_fdset(&a.ex, mem + 2 * words, exp, bytes))
		n = poll_loop(select_scan, &a, nfds, timeout_ns, left);
	if (n >= 0 && !(put_fdset(inp, a.rin, bytes) &&
			put_fdset(outp, a.rout, bytes) &&
			put_fdset(exp, a.rex, bytes)))
		n = -EFAULT;
	kfree(mem);
	return n;
}

struct timeval_user {
	s64 tv_sec;
	s64 tv_usec;
};

long sys_select(int nfds, void __user *inp, void __user *outp, void __user *exp,
		struct timeval_user __user *tvp)
{
	struct timeval_user tv;
	s64 ns = -1;
	u64 left = 0;
	long n;

	if (tvp) {
		if (copy_from_user(&tv, tvp, sizeof(tv)))
			return -EFAULT;
		if (tv.tv_sec < 0 || tv.tv_usec < 0)
			return -EINVAL;
		ns = tv.tv_sec * (s64)NSEC_PER_SEC + (tv.tv_usec % 1000000) * 1000 +
		     (tv.tv_usec / 1000000) * (s64)NSEC_PER_SEC;
	}
	n = do_select(nfds, inp, outp, exp, ns, &left);
	if (tvp && ns > 0) {
		/* select(2): "On Linux, select() modifies timeout to reflect
		 * the amount of time not slept" */
		tv.tv_sec = left / NSEC_PER_SEC;
		tv.tv_usec = (left % NSEC_PER_SEC) / 1000;
		copy_to_user(tvp, &tv, sizeof(tv));
	}
	return n;
}

/* pselect6's sixth argument: a pointer to { sigset pointer, its size }. */
struct sigset_argpack {
	const sigset_t __user *p;
	size_t size;
};

long sys_pselect6(int nfds, void __user *inp, void __user *outp,
		  void __user *exp, struct timespec_user __user *tsp,
		  const struct sigset_argpack __user *usig)
{
	struct sigset_argpack sig = { NULL, 0 };
	long err;
	s64 ns = timespec_timeout(tsp, &err);
	u64 left = 0;

	if (err)
		return err;
	if (usig && copy_from_user(&sig, usig, sizeof(sig)))
		return -EFAULT;
	err = set_call_sigmask(sig.p, sig.size);
	if (err)
		return err;
	err = do_select(nfds, inp, outp, exp, ns, &left);
	end_call_sigmask(sig.p, err);
	if (ns > 0)
		put_timespec_left(tsp, left);
	return err;
}
