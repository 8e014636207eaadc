/*
 * Pipes and FIFOs.  A pipe is an inode whose i_private is a struct pipe: a
 * ring of pages (64 KiB by default), counts of readers and writers, and a
 * wait queue for each side.  pipe(2) makes an inode on the internal pipefs
 * with two files, a read end and a write end; a FIFO is a ramfs inode
 * whose pipe is made by its first open.  The rules are pipe(7)'s:
 *  - a read of an empty pipe waits for data, or returns 0 (end of file)
 *    once no writer is left, or -EAGAIN under O_NONBLOCK;
 *  - "If all file descriptors referring to the read end of a pipe have
 *    been closed, then a write(2) will cause a SIGPIPE signal to be
 *    generated for the calling process" and fail with EPIPE;
 *  - "writes of less than PIPE_BUF bytes must be atomic": such a write
 *    waits until all of it fits; a larger one may be split;
 *  - opening a FIFO waits for the other end, except O_NONBLOCK: a reader
 *    succeeds at once, a writer fails with ENXIO if there is no reader.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/pipe.h>
#include <tine/task.h>
#include <tine/sched.h>
#include <tine/signal.h>
#include <tine/syscalls.h>
#include <tine/page.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

#define FIONREAD	0x541B
#define F_SETPIPE_SZ	1031
#define F_GETPIPE_SZ	1032

struct pipe {
	struct page **bufs;		/* size / PAGE_SIZE pages, made on first use */
	u64 size;			/* capacity in bytes */
	u64 head, tail;			/* bytes written, bytes read */
	u32 readers, writers;		/* open ends */
	u32 r_counter, w_counter;	/* opens ever, for FIFO open waits */
	struct wait_queue_head rd_wait;	/* readers wait for data */
	struct wait_queue_head wr_wait;	/* writers wait for space */
};

static const struct file_operations pipe_fops;
static struct super_block pipe_sb = { "pipefs", PIPEFS_MAGIC, 0, NULL };

static struct pipe *pipe_alloc(void)
{
	struct pipe *p = kzalloc(sizeof(*p));

	if (!p)
		return NULL;
	p->size = PIPE_DEF_SIZE;
	p->bufs = kzalloc(p->size / PAGE_SIZE * sizeof(struct page *));
	if (!p->bufs) {
		kfree(p);
		return NULL;
	}
	init_waitqueue_head(&p->rd_wait, "pipe_read");
	init_waitqueue_head(&p->wr_wait, "pipe_write");
	return p;
}

static void free_bufs(struct page **bufs, u64 size)
{
	for (u64 i = 0; i < size / PAGE_SIZE; i++)
		if (bufs[i])
			put_page(bufs[i]);
	kfree(bufs);
}

static void pipe_free(struct pipe *p)
{
	free_bufs(p->bufs, p->size);
	kfree(p);
}

/* The inode is going away: free a pipe still attached. */
void pipe_release_inode(struct inode *ino)
{
	if (ino->i_private)
		pipe_free(ino->i_private);
	ino->i_private = NULL;
}

static void pipe_evict(struct inode *ino)
{
	pipe_release_inode(ino);
}

static const struct inode_operations pipe_iops = {
	.evict = pipe_evict,
};

static struct pipe *file_pipe(struct file *f)
{
	return f->f_inode->i_private;
}

/* Copy up to n bytes out of the ring into user memory. */
static ssize_t ring_read(struct pipe *p, char __user *buf, size_t n)
{
	size_t done = 0;

	n = MIN(n, ring_used(p->head, p->tail));
	while (done < n) {
		u64 chunk = ring_chunk(p->tail, n - done);
		char *src = page_address(p->bufs[ring_page(p->tail, p->size)]);

		if (copy_to_user(buf + done, src + ring_offset(p->tail), chunk))
			return done ? (ssize_t)done : -EFAULT;
		p->tail += chunk;
		done += chunk;
	}
	return done;
}

/* Copy up to n bytes of user memory into the ring's free space. */
static ssize_t ring_write(struct pipe *p, const char __user *buf, size_t n)
{
	size_t done = 0;

	n = MIN(n, ring_space(p->head, p->tail, p->size));
	while (done < n) {
		u64 chunk = ring_chunk(p->head, n - done);
		struct page **slot = &p->bufs[ring_page(p->head, p->size)];
		char *dst;

		if (!*slot && !(*slot = alloc_page()))
			return done ? (ssize_t)done : -ENOMEM;
		dst = page_address(*slot);
		if (copy_from_user(dst + ring_offset(p->head), buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		p->head += chunk;
		done += chunk;
	}
	return done;
}

static ssize_t pipe_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	struct pipe *p = file_pipe(f);
	ssize_t r;

	(void)pos;
	if (n == 0)
		return 0;
	while (p->head == p->tail) {
		if (!p->writers)
			return 0;
		if (f->f_flags & O_NONBLOCK)
			return -EAGAIN;
		r = wait_event_interruptible(p->rd_wait,
					     p->head != p->tail || !p->writers);
		if (r)
			return r;
	}
	r = ring_read(p, buf, n);
	wake_up(&p->wr_wait);
	return r;
}

/* No reader: SIGPIPE to the writer, and EPIPE unless some bytes went. */
static ssize_t broken_pipe(size_t done)
{
	send_sig(SIGPIPE, current);
	return done ? (ssize_t)done : -EPIPE;
}

static ssize_t pipe_write(struct file *f, const char *buf, size_t n, u64 *pos)
{
	struct pipe *p = file_pipe(f);
	bool atomic = n <= PIPE_BUF;
	size_t done = 0;
	ssize_t r;

	(void)pos;
	if (n == 0)
		return 0;
	while (done < n) {
		u64 need = atomic ? n : 1;
		if (!p->readers)
			return broken_pipe(done);
		if (ring_space(p->head, p->tail, p->size) >= need) {
			r = ring_write(p, buf + done, n - done);
			if (r < 0)
				return done ? (ssize_t)done : r;
			done += r;
			wake_up(&p->rd_wait);
			continue;
		}
		if (f->f_flags & O_NONBLOCK)
			return done ? (ssize_t)done : -EAGAIN;
		r = wait_event_interruptible(p->wr_wait, !p->readers ||
				ring_space(p->head, p->tail, p->size) >= need);
		if (r)
			return done ? (ssize_t)done : r;
	}
	return done;
}

static bool reads(struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_WRONLY;
}

static bool writes(struct file *f)
{
	return (f->f_flags & O_ACCMODE) != O_RDONLY;
}

/* POLLIN with data, POLLHUP once writers are gone; POLLOUT with room for
 * an atomic write, POLLERR once readers are gone (as Linux's pipe_poll). */
static unsigned int pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = file_pipe(f);
	unsigned int mask = 0;

	if (reads(f))
		poll_wait(f, &p->rd_wait, pt);
	if (writes(f))
		poll_wait(f, &p->wr_wait, pt);
	if (reads(f)) {
		if (p->head != p->tail)
			mask |= POLLIN | POLLRDNORM;
		if (!p->writers && p->w_counter)
			mask |= POLLHUP;
	}
	if (writes(f)) {
		if (ring_space(p->head, p->tail, p->size) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!p->readers)
			mask |= POLLERR;
	}
	return mask;
}

static void pipe_release(struct inode *ino, struct file *f)
{
	struct pipe *p = ino->i_private;

	if (reads(f))
		p->readers--;
	if (writes(f))
		p->writers--;
	wake_up(&p->rd_wait);
	wake_up(&p->wr_wait);
	if (!p->readers && !p->writers)
		pipe_release_inode(ino);	/* a FIFO's data dies with it */
}

static long pipe_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = file_pipe(f);

	if (cmd != FIONREAD)
		return -ENOTTY;
	return put_user_u32(ring_used(p->head, p->tail), (void __user *)arg) ?
		-EFAULT : 0;
}

/* Move the contents to a ring of new_size bytes (F_SETPIPE_SZ). */
static int pipe_resize(struct pipe *p, u64 new_size)
{
	u64 used = ring_used(p->head, p->tail);
	struct page **bufs = kzalloc(new_size / PAGE_SIZE * sizeof(*bufs));

	if (!bufs)
		return -ENOMEM;
	for (u64 done = 0; done < used; ) {
		u64 i = p->tail + done;
		u64 chunk = ring_chunk(i, used - done);
		struct page **slot = &bufs[done / PAGE_SIZE];
		if (!*slot && !(*slot = alloc_page())) {
			free_bufs(bufs, new_size);
			return -ENOMEM;
		}
		memcpy((char *)page_address(*slot) + done % PAGE_SIZE,
		       (char *)page_address(p->bufs[ring_page(i, p->size)]) +
		       ring_offset(i), chunk);
		done += chunk;
	}
	free_bufs(p->bufs, p->size);
	p->bufs = bufs;
	p->size = new_size;
	p->tail = 0;
	p->head = used;
	return 0;
}

/* fcntl(2): "F_SETPIPE_SZ ... EBUSY: the new capacity is smaller than the
 * amount of buffer space currently used"; "EPERM: an unprivileged process
 * attempted to set the pipe capacity above the limit". */
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct pipe *p = file_pipe(f);
	u64 size;
	int err;

	if (cmd == F_GETPIPE_SZ)
		return p->size;
	if (arg > 0x80000000UL)
		return -EINVAL;
	size = pipe_round_size(arg);
	if (size > PIPE_MAX_SIZE && current->cred->euid != 0)
		return -EPERM;
	if (size < ring_used(p->head, p->tail))
		return -EBUSY;
	err = pipe_resize(p, size);
	wake_up(&p->wr_wait);
	return err ? err : (long)size;
}

bool file_is_pipe(const struct file *f)
{
	return f->f_op == &pipe_fops || f->f_op == &fifo_fops;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.release = pipe_release,
};

/* Make the two files of a new pipe; 0 or -errno. */
static int create_pipe_files(struct file **rf, struct file **wf, int flags)
{
	struct inode *ino = new_inode(&pipe_sb, S_IFIFO | 0600);
	struct pipe *p = pipe_alloc();
	long err = -ENFILE;

	if (!ino || !p) {
		if (p)
			pipe_free(p);
		iput(ino);
		return -ENOMEM;
	}
	ino->i_op = &pipe_iops;
	ino->i_private = p;
	ino->i_uid = current->cred->fsuid;
	ino->i_gid = current->cred->fsgid;
	p->readers = p->writers = 1;
	p->r_counter = p->w_counter = 1;
	*rf = alloc_file(NULL, ino, O_RDONLY | (flags & O_NONBLOCK), &pipe_fops, &err);
	*wf = *rf ? alloc_file(NULL, ino, O_WRONLY | (flags & O_NONBLOCK),
			       &pipe_fops, &err) : NULL;
	iput(ino);			/* the files hold it now */
	if (!*wf) {
		if (*rf) {
			p->writers = 0;
			fput(*rf);
		}
		return err;
	}
	return 0;
}

/* pipe2(2): "EINVAL: invalid value in flags"; fds[0] reads, fds[1] writes. */
long sys_pipe2(int __user *ufds, int flags)
{
	struct file *rf, *wf;
	int fds[2];
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK))
		return -EINVAL;
	err = create_pipe_files(&rf, &wf, flags);
	if (err)
		return err;
	fds[0] = fd_install_lowest(rf, 0, flags & O_CLOEXEC);
	fds[1] = fds[0] < 0 ? -1 : fd_install_lowest(wf, 0, flags & O_CLOEXEC);
	if (fds[1] < 0 || copy_to_user(ufds, fds, sizeof(fds))) {
		err = fds[0] < 0 ? fds[0] : fds[1] < 0 ? fds[1] : -EFAULT;
		if (fds[0] >= 0)
			close_fd(fds[0]);
		else
			fput(rf);
		if (fds[1] >= 0)
			close_fd(fds[1]);
		else
			fput(wf);
		return err;
	}
	return 0;
}

long sys_pipe(int __user *fds)
{
	return sys_pipe2(fds, 0);
}

/* Wait until the other side of a FIFO has been opened (*counter moves). */
static int wait_for_partner(struct wait_queue_head *wq, u32 *counter)
{
	u32 seen = *counter;

	return wait_event_interruptible(*wq, *counter != seen);
}

/* Undo an open that did not complete. */
static void fifo_open_fail(struct inode *ino, struct file *f)
{
	pipe_release(ino, f);
}

/* open(2) of a FIFO: attach to (or make) its pipe, wait for a partner. */
static int fifo_open(struct inode *ino, struct file *f)
{
	struct pipe *p = ino->i_private;
	int err = 0;

	if (!p && !(p = ino->i_private = pipe_alloc()))
		return -ENOMEM;
	if (reads(f)) {
		p->readers++;
		p->r_counter++;
	}
	if (writes(f)) {
		p->writers++;
		p->w_counter++;
	}
	wake_up(&p->rd_wait);
	wake_up(&p->wr_wait);
	if ((f->f_flags & O_ACCMODE) == O_RDONLY && !p->writers &&
	    !(f->f_flags & O_NONBLOCK))
		err = wait_for_partner(&p->rd_wait, &p->w_counter);
	if ((f->f_flags & O_ACCMODE) == O_WRONLY && !p->readers)
		err = (f->f_flags & O_NONBLOCK) ? -ENXIO :
			wait_for_partner(&p->wr_wait, &p->r_counter);
	if (err)
		fifo_open_fail(ino, f);
	return err;
}

const struct file_operations fifo_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.ioctl = pipe_ioctl,
	.open = fifo_open,
	.release = pipe_release,
};
