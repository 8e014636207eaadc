/*
 * POSIX record locks: fcntl(F_GETLK, F_SETLK, F_SETLKW).  A lock covers a
 * byte range [start, end] of an inode (end OFFSET_MAX: "to the end of the
 * file, however it grows") and belongs to a process, or rather, as in
 * Linux, to its fd table (struct files_struct): threads share their locks,
 * a fork child has none.  Read locks may overlap each other; a write lock
 * overlaps nothing of another owner's.  An owner's own locks never
 * conflict: a new lock replaces the part of them it covers, and ranges of
 * the same type that touch are merged, so an owner's locks on an inode
 * never overlap.
 *
 * fcntl(2): "If a process closes any file descriptor referring to a file,
 * then all of the process's locks on that file are released, regardless of
 * the file descriptor(s) on which the locks were obtained" -- fdtable.c
 * calls locks_remove_posix() for every fd it closes.
 *
 * F_SETLKW sleeps on the inode's lock wait queue until nothing conflicts,
 * and fails with EDEADLK when the owner it waits for waits, directly or
 * through others, for the caller ("the kernel detects such deadlocks").
 *
 * Locking: the lists will need the inode's lock (flc_lock) with SMP; today
 * nothing here sleeps between looking at them and changing them.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/locks.h>
#include <tine/task.h>
#include <tine/sched.h>
#include <tine/slab.h>
#include <tine/uaccess.h>
#include <tine/errno.h>

#define F_RDLCK		0
#define F_WRLCK		1
#define F_UNLCK		2
#define SEEK_SET	0
#define SEEK_CUR	1
#define SEEK_END	2
#define OFFSET_MAX	0x7fffffffffffffffLL
#define MAX_DEADLK_ITERATIONS 10	/* as Linux: longer cycles go unseen */

/* struct flock as the x86-64 ABI lays it out. */
struct flock {
	s16 l_type;
	s16 l_whence;
	s64 l_start;
	s64 l_len;
	s32 l_pid;
};

struct file_lock {
	struct list_head link;		/* on the inode's list */
	struct files_struct *owner;
	s32 pid;			/* the tgid that set it, for F_GETLK */
	s16 type;			/* F_RDLCK or F_WRLCK */
	s64 start, end;			/* inclusive */
};

/* Made on an inode's first lock, freed with the inode. */
struct file_lock_context {
	struct list_head locks;
	struct wait_queue_head wait;	/* F_SETLKW sleepers */
};

/* An owner asleep in F_SETLKW, and the owner it waits for. */
struct lock_waiter {
	struct list_head link;
	struct files_struct *owner, *blocker;
};

static LIST_HEAD(blocked_owners);

static struct file_lock_context *lock_context(struct inode *ino, bool create)
{
	struct file_lock_context *ctx = ino->i_flctx;

	if (!ctx && create) {
		ctx = kmalloc(sizeof(*ctx));
		if (!ctx)
			return NULL;
		list_init(&ctx->locks);
		init_waitqueue_head(&ctx->wait, "posix_lock");
		ino->i_flctx = ctx;
	}
	return ctx;
}

void locks_free_inode(struct inode *ino)
{
	struct file_lock_context *ctx = ino->i_flctx;

	if (!ctx)
		return;
	BUG_ON(!list_empty(&ctx->locks));	/* every holder had it open */
	kfree(ctx);
	ino->i_flctx = NULL;
}

/* Linux's flock_to_posix_lock(): the range [start, end] flock describes. */
static long flock_to_range(struct file *f, const struct flock *l, struct file_lock *fl)
{
	s64 base;

	switch (l->l_whence) {
	case SEEK_SET: base = 0; break;
	case SEEK_CUR: base = f->f_pos; break;
	case SEEK_END: base = f->f_inode->i_size; break;
	default: return -EINVAL;
	}
	if (l->l_start > OFFSET_MAX - base)
		return -EOVERFLOW;
	fl->start = base + l->l_start;
	if (fl->start < 0)
		return -EINVAL;
	if (l->l_len > 0) {		/* POSIX-2001 also defines l_len < 0 */
		if (l->l_len - 1 > OFFSET_MAX - fl->start)
			return -EOVERFLOW;
		fl->end = fl->start + (l->l_len - 1);
	} else if (l->l_len < 0) {
		if (fl->start + l->l_len < 0)
			return -EINVAL;
		fl->end = fl->start - 1;
		fl->start += l->l_len;
	} else {
		fl->end = OFFSET_MAX;
	}
	fl->type = l->l_type;
	fl->owner = current->files;
	fl->pid = current->tgid;
	return 0;
}

static bool overlap(const struct file_lock *a, const struct file_lock *b)
{
	return a->start <= b->end && b->start <= a->end;
}

/* The first lock of another owner that keeps req from being granted. */
static struct file_lock *find_conflict(struct file_lock_context *ctx,
				       const struct file_lock *req)
{
	struct list_head *pos;

	if (!ctx)
		return NULL;
	list_for_each(pos, &ctx->locks) {
		struct file_lock *l = list_entry(pos, struct file_lock, link);
		if (l->owner != req->owner && overlap(l, req) &&
		    (l->type == F_WRLCK || req->type == F_WRLCK))
			return l;
	}
	return NULL;
}

long fcntl_getlk(struct file *f, void __user *arg)
{
	struct flock l;
	struct file_lock req, *c;
	long err;

	if (copy_from_user(&l, arg, sizeof(l)))
		return -EFAULT;
	if (l.l_type != F_RDLCK && l.l_type != F_WRLCK)
		return -EINVAL;
	err = flock_to_range(f, &l, &req);
	if (err)
		return err;
	c = find_conflict(f->f_inode->i_flctx, &req);
	if (!c) {
		l.l_type = F_UNLCK;	/* "leaves the other fields unchanged" */
	} else {
		l.l_type = c->type;
		l.l_whence = SEEK_SET;
		l.l_start = c->start;
		l.l_len = c->end == OFFSET_MAX ? 0 : c->end - c->start + 1;
		l.l_pid = c->pid;
	}
	return copy_to_user(arg, &l, sizeof(l)) ? -EFAULT : 0;
}

static struct file_lock *lock_alloc(const struct file_lock *from, s64 start, s64 end)
{
	struct file_lock *l = kmalloc(sizeof(*l));

	if (l) {
		*l = *from;
		l->start = start;
		l->end = end;
		list_init(&l->link);
	}
	return l;
}

/*
 * Take [req->start, req->end] out of req's owner's locks, splitting one
 * that sticks out on both sides (with *spare, which this may consume).
 */
static void punch_range(struct file_lock_context *ctx, const struct file_lock *req,
			struct file_lock **spare)
{
	struct list_head *pos, *tmp;

	list_for_each_safe(pos, tmp, &ctx->locks) {
		struct file_lock *l = list_entry(pos, struct file_lock, link);
		if (l->owner != req->owner || !overlap(l, req))
			continue;
		if (l->start < req->start && l->end > req->end) {
			struct file_lock *tail = *spare;
			*spare = NULL;
			*tail = *l;
			tail->start = req->end + 1;
			list_add(&tail->link, &l->link);
			l->end = req->start - 1;
		} else if (l->start < req->start) {
			l->end = req->start - 1;
		} else if (l->end > req->end) {
			l->start = req->end + 1;
		} else {
			list_del(&l->link);
			kfree(l);
		}
	}
}

/* Merge the owner's locks of n's type that touch n into n. */
static void merge_neighbours(struct file_lock_context *ctx, struct file_lock *n)
{
	struct list_head *pos, *tmp;

	list_for_each_safe(pos, tmp, &ctx->locks) {
		struct file_lock *l = list_entry(pos, struct file_lock, link);
		if (l == n || l->owner != n->owner || l->type != n->type)
			continue;
		if (l->end + 1 == n->start || n->end + 1 == l->start) {
			n->start = MIN(n->start, l->start);
			n->end = MAX(n->end, l->end);
			list_del(&l->link);
			kfree(l);
		}
	}
}

/* Grant req (or, for F_UNLCK, drop the range): nothing conflicts now. */
static long apply_lock(struct file_lock_context *ctx, const struct file_lock *req)
{
	struct file_lock *n = NULL, *spare = lock_alloc(req, 0, 0);

	if (req->type != F_UNLCK)
		n = lock_alloc(req, req->start, req->end);
	if (!spare || (req->type != F_UNLCK && !n)) {
		kfree(spare);
		kfree(n);
		return -ENOLCK;
	}
	punch_range(ctx, req, &spare);
	kfree(spare);
	if (n) {
		list_add_tail(&n->link, &ctx->locks);
		merge_neighbours(ctx, n);
	}
	wake_up(&ctx->wait);		/* a range was freed or downgraded */
	return 0;
}

/* Would owner me waiting for blocker close a cycle of waiting owners? */
static bool would_deadlock(struct files_struct *me, struct files_struct *blocker)
{
	for (int i = 0; i < MAX_DEADLK_ITERATIONS; i++) {
		struct list_head *pos;
		struct files_struct *next = NULL;

		if (blocker == me)
			return true;
		list_for_each(pos, &blocked_owners) {
			struct lock_waiter *w = list_entry(pos, struct lock_waiter, link);
			if (w->owner == blocker) {
				next = w->blocker;
				break;
			}
		}
		if (!next)
			return false;
		blocker = next;
	}
	return false;
}

/* F_SETLKW: sleep until req conflicts with nothing, then grant it. */
static long lock_wait(struct file_lock_context *ctx, const struct file_lock *req)
{
	struct lock_waiter w = { .owner = req->owner };
	struct wait_queue_entry e = { { NULL, NULL }, NULL };
	struct file_lock *c;
	long err = 0;

	list_add(&w.link, &blocked_owners);
	for (;;) {
		prepare_to_wait(&ctx->wait, &e, TASK_INTERRUPTIBLE);
		c = find_conflict(ctx, req);
		if (!c)
			break;
		w.blocker = c->owner;
		if (would_deadlock(req->owner, c->owner)) {
			err = -EDEADLK;
			break;
		}
		if (signal_pending_current()) {
			err = -ERESTARTSYS;	/* restarted under SA_RESTART */
			break;
		}
		schedule();
	}
	finish_wait(&ctx->wait, &e);
	list_del(&w.link);
	return err ? err : apply_lock(ctx, req);
}

long fcntl_setlk(struct file *f, bool wait, void __user *arg)
{
	struct file_lock_context *ctx;
	struct flock l;
	struct file_lock req;
	u32 acc = f->f_flags & O_ACCMODE;
	long err;

	if (copy_from_user(&l, arg, sizeof(l)))
		return -EFAULT;
	err = flock_to_range(f, &l, &req);
	if (err)
		return err;
	if (l.l_type != F_RDLCK && l.l_type != F_WRLCK && l.l_type != F_UNLCK)
		return -EINVAL;
	/* "EBADF: ... the type of lock requested is not compatible with the
	 * mode in which fd was opened" */
	if ((l.l_type == F_RDLCK && acc == O_WRONLY) ||
	    (l.l_type == F_WRLCK && acc == O_RDONLY))
		return -EBADF;
	ctx = lock_context(f->f_inode, l.l_type != F_UNLCK);
	if (!ctx)
		return l.l_type == F_UNLCK ? 0 : -ENOLCK;
	if (l.l_type == F_UNLCK || !find_conflict(ctx, &req))
		return apply_lock(ctx, &req);
	return wait ? lock_wait(ctx, &req) : -EAGAIN;
}

/* owner closed an fd of f's inode: all its locks on the inode go. */
void locks_remove_posix(struct file *f, struct files_struct *owner)
{
	struct file_lock_context *ctx = f->f_inode ? f->f_inode->i_flctx : NULL;
	struct list_head *pos, *tmp;
	bool removed = false;

	if (!ctx)
		return;
	list_for_each_safe(pos, tmp, &ctx->locks) {
		struct file_lock *l = list_entry(pos, struct file_lock, link);
		if (l->owner == owner) {
			list_del(&l->link);
			kfree(l);
			removed = true;
		}
	}
	if (removed)
		wake_up(&ctx->wait);
}
