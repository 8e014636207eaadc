/*
 * ioctl: the few requests every file understands (close-on-exec, non-blocking
 * mode, bytes readable), then the file's own ioctl, then ENOTTY ("The
 * specified request does not apply to the kind of object that the file
 * descriptor fd references").
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/syscalls.h>
#include <tine/errno.h>

#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIONBIO		0x5421
#define FIONREAD	0x541B

static long ioctl_fionbio(struct file *f, int __user *argp)
{
	u32 on;

	if (get_user_u32(&on, argp))
		return -EFAULT;
	if (on)
		f->f_flags |= O_NONBLOCK;
	else
		f->f_flags &= ~O_NONBLOCK;
	return 0;
}

long sys_ioctl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	if (f->f_flags & O_PATH)
		r = -EBADF;
	else if (cmd == FIOCLEX || cmd == FIONCLEX) {
		set_close_on_exec(fd, cmd == FIOCLEX);
		r = 0;
	} else if (cmd == FIONBIO)
		r = ioctl_fionbio(f, (int __user *)arg);
	else if (cmd == FIONREAD && S_ISREG(f->f_inode->i_mode)) {
		u64 size = f->f_inode->i_size;
		u32 n = f->f_pos < size ? size - f->f_pos : 0;
		r = put_user_u32(n, (void __user *)arg) ? -EFAULT : 0;
	} else if (f->f_op->ioctl)
		r = f->f_op->ioctl(f, cmd, arg);
	else
		r = -ENOTTY;
	fput(f);
	return r;
}
