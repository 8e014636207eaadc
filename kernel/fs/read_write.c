/*
 * read, write and their vector and positioned forms, lseek, and
 * kernel_read().  Each call checks the fd and its access mode (EBADF), the
 * buffer (EFAULT), then hands the transfer to the file's operations with the
 * offset to use: &f->f_pos, shared by every fd that refers to this open file
 * description, or a local copy for pread/pwrite, which "do not change the
 * file offset".  Kernel code is not preempted and runs under the big kernel
 * lock, so the offset needs no lock beyond that; drivers that sleep (pipes,
 * ttys) ignore the offset.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/syscalls.h>
#include <tine/slab.h>
#include <tine/errno.h>

/* Linux's MAX_RW_COUNT: one transfer moves at most INT_MAX & PAGE_MASK. */
#define MAX_RW_COUNT 0x7ffff000UL
#define UIO_MAXIOV 1024

#define SEEK_SET 0
#define SEEK_CUR 1
#define SEEK_END 2
#define SEEK_DATA 3
#define SEEK_HOLE 4

struct iovec {
	void __user *iov_base;
	size_t iov_len;
};

/* lseek for files with a size (RAM files, directories). */
s64 generic_file_llseek(struct file *f, s64 off, int whence)
{
	s64 size = f->f_inode->i_size;
	s64 pos;

	switch (whence) {
	case SEEK_SET: pos = off; break;
	case SEEK_CUR: pos = (s64)f->f_pos + off; break;
	case SEEK_END: pos = size + off; break;
	case SEEK_DATA:
	case SEEK_HOLE:
		/* lseek(2): "ENXIO: offset is beyond the end of the file";
		 * the whole file is data, with one hole at its end. */
		if (off < 0 || off >= size)
			return -ENXIO;
		pos = whence == SEEK_DATA ? off : size;
		break;
	default: return -EINVAL;
	}
	if (pos < 0)
		return -EINVAL;
	f->f_pos = pos;
	return pos;
}

/* The file at fd if it may be read (want_write false) or written. */
static struct file *fget_rw(int fd, bool want_write, long *err)
{
	struct file *f = fget(fd);
	int acc;

	*err = -EBADF;
	if (!f)
		return NULL;
	acc = f->f_flags & O_ACCMODE;
	if ((f->f_flags & O_PATH) || acc == (want_write ? O_RDONLY : O_WRONLY)) {
		fput(f);
		return NULL;
	}
	*err = -EINVAL;		/* "fd is attached to an object unsuitable" */
	if (want_write ? !f->f_op->write : !f->f_op->read) {
		fput(f);
		return NULL;
	}
	return f;
}

static ssize_t do_read(struct file *f, char __user *buf, size_t n, u64 *pos)
{
	if (!access_ok(buf, n))
		return -EFAULT;
	return f->f_op->read(f, buf, MIN(n, MAX_RW_COUNT), pos);
}

static ssize_t do_write(struct file *f, const char __user *buf, size_t n, u64 *pos)
{
	if (!access_ok(buf, n))
		return -EFAULT;
	return f->f_op->write(f, buf, MIN(n, MAX_RW_COUNT), pos);
}

long sys_read(int fd, char __user *buf, size_t n)
{
	long err;
	struct file *f = fget_rw(fd, false, &err);

	if (!f)
		return err;
	err = do_read(f, buf, n, &f->f_pos);
	fput(f);
	return err;
}

long sys_write(int fd, const char __user *buf, size_t n)
{
	long err;
	struct file *f = fget_rw(fd, true, &err);

	if (!f)
		return err;
	err = do_write(f, buf, n, &f->f_pos);
	fput(f);
	return err;
}

/* pread64/pwrite64 need a seekable file: "ESPIPE: fd is a pipe, FIFO, or
 * socket" (and ttys), and "EINVAL: offset is negative". */
static struct file *fget_pos(int fd, bool want_write, s64 off, long *err)
{
	struct file *f = fget_rw(fd, want_write, err);

	if (!f)
		return NULL;
	*err = !f->f_op->llseek ? -ESPIPE : off < 0 ? -EINVAL : 0;
	if (*err) {
		fput(f);
		return NULL;
	}
	return f;
}

long sys_pread64(int fd, char __user *buf, size_t n, s64 off)
{
	long err;
	struct file *f = fget_pos(fd, false, off, &err);
	u64 pos = off;

	if (!f)
		return err;
	err = do_read(f, buf, n, &pos);
	fput(f);
	return err;
}

long sys_pwrite64(int fd, const char __user *buf, size_t n, s64 off)
{
	long err;
	struct file *f = fget_pos(fd, true, off, &err);
	u64 pos = off;

	if (!f)
		return err;
	err = do_write(f, buf, n, &pos);
	fput(f);
	return err;
}

/* Copy in and check an iovec array: readv(2)'s EINVAL and EFAULT rules. */
static struct iovec *get_iovec(const void __user *uiov, int cnt, long *err)
{
	struct iovec *iov;
	size_t total = 0;

	*err = -EINVAL;
	if (cnt < 0 || cnt > UIO_MAXIOV)
		return NULL;
	iov = kmalloc(MAX(cnt, 1) * sizeof(*iov));
	*err = -ENOMEM;
	if (!iov)
		return NULL;
	*err = -EFAULT;
	if (copy_from_user(iov, uiov, cnt * sizeof(*iov)))
		goto bad;
	for (int i = 0; i < cnt; i++) {
		*err = -EINVAL;
		if (iov[i].iov_len > (size_t)INT64_MAX - total)
			goto bad;
		total += iov[i].iov_len;
		*err = -EFAULT;
		if (!access_ok(iov[i].iov_base, iov[i].iov_len))
			goto bad;
	}
	return iov;
bad:
	kfree(iov);
	return NULL;
}

/* Transfer each buffer in turn; stop at the first short one. */
static long do_rw_vec(struct file *f, const void __user *uiov, int cnt, u64 *pos,
		      bool write)
{
	long err, done = 0;
	struct iovec *iov = get_iovec(uiov, cnt, &err);

	if (!iov)
		return err;
	for (int i = 0; i < cnt; i++) {
		size_t len = iov[i].iov_len;
		ssize_t r;

		if (!len)
			continue;
		r = write ? do_write(f, iov[i].iov_base, len, pos)
			  : do_read(f, iov[i].iov_base, len, pos);
		if (r < 0) {
			if (!done)
				done = r;
			break;
		}
		done += r;
		if ((size_t)r < len)
			break;
	}
	kfree(iov);
	return done;
}

long sys_readv(int fd, const void __user *iov, int cnt)
{
	long err;
	struct file *f = fget_rw(fd, false, &err);

	if (!f)
		return err;
	err = do_rw_vec(f, iov, cnt, &f->f_pos, false);
	fput(f);
	return err;
}

long sys_writev(int fd, const void __user *iov, int cnt)
{
	long err;
	struct file *f = fget_rw(fd, true, &err);

	if (!f)
		return err;
	err = do_rw_vec(f, iov, cnt, &f->f_pos, true);
	fput(f);
	return err;
}

long sys_preadv(int fd, const void __user *iov, int cnt, s64 off)
{
	long err;
	struct file *f = fget_pos(fd, false, off, &err);
	u64 pos = off;

	if (!f)
		return err;
	err = do_rw_vec(f, iov, cnt, &pos, false);
	fput(f);
	return err;
}

long sys_pwritev(int fd, const void __user *iov, int cnt, s64 off)
{
	long err;
	struct file *f = fget_pos(fd, true, off, &err);
	u64 pos = off;

	if (!f)
		return err;
	err = do_rw_vec(f, iov, cnt, &pos, true);
	fput(f);
	return err;
}

/* lseek(2): "ESPIPE: fd is associated with a pipe, socket, or FIFO". */
long sys_lseek(int fd, s64 off, int whence)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = f->f_op && f->f_op->llseek ? f->f_op->llseek(f, off, whence) : -ESPIPE;
	fput(f);
	return r;
}

/* Read from a RAM file into kernel memory (exec reads ELF headers so). */
ssize_t kernel_read(struct file *f, void *buf, size_t n, u64 off)
{
	if (!file_is_ramfs_regular(f))
		return -EINVAL;
	return pagecache_read(f->f_inode, buf, n, off, false);
}

/* fsync(2), fdatasync(2): a RAM file is always "on disk". */
long sys_fsync(int fd)
{
	struct file *f = fget(fd);

	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

long sys_fdatasync(int fd)
{
	return sys_fsync(fd);
}

long sys_sync(void)
{
	return 0;
}

long sys_syncfs(int fd)
{
	return sys_fsync(fd);
}
