/*
 * dup, dup2, dup3 and fcntl: the calls that make a second fd for an open
 * file description, or change the fd's flag (FD_CLOEXEC, in the fd table)
 * or the description's flags (O_APPEND, O_NONBLOCK, in struct file).  The
 * difference matters: dup(2) "The two file descriptors do not share file
 * descriptor flags (the close-on-exec flag)", but they do share the offset
 * and the status flags.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/syscalls.h>
#include <tine/errno.h>
#include <tine/locks.h>

#define F_DUPFD		0
#define F_GETFD		1
#define F_SETFD		2
#define F_GETFL		3
#define F_SETFL		4
#define F_GETLK		5
#define F_SETLK		6
#define F_SETLKW	7
#define F_DUPFD_CLOEXEC	1030
#define F_SETPIPE_SZ	1031
#define F_GETPIPE_SZ	1032
#define FD_CLOEXEC	1

/* The status flags F_SETFL may change ("the file access mode and the file
 * creation flags ... are ignored"). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK)

long sys_dup(int oldfd)
{
	struct file *f = fget(oldfd);
	int fd;

	if (!f)
		return -EBADF;
	fd = fd_install_lowest(f, 0, false);
	if (fd < 0)
		fput(f);
	return fd;
}

/* dup3(2): "If oldfd equals newfd, then dup3() fails with EINVAL"; dup2
 * returns newfd instead, once it knows oldfd is valid. */
static long do_dup3(int oldfd, int newfd, int flags, bool is_dup2)
{
	struct file *f;
	int r;

	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	f = fget(oldfd);
	if (!f)
		return -EBADF;
	if (oldfd == newfd) {
		fput(f);
		return is_dup2 ? newfd : -EINVAL;
	}
	r = replace_fd(newfd, f, flags & O_CLOEXEC);
	if (r < 0)
		fput(f);
	return r;
}

long sys_dup2(int oldfd, int newfd)
{
	return do_dup3(oldfd, newfd, 0, true);
}

long sys_dup3(int oldfd, int newfd, int flags)
{
	return do_dup3(oldfd, newfd, flags, false);
}

/* F_DUPFD: "the lowest-numbered available file descriptor greater than or
 * equal to arg"; "EINVAL: arg is negative or is greater than the maximum
 * allowable value". */
static long fcntl_dupfd(struct file *f, unsigned long arg, bool cloexec)
{
	int fd;

	if (arg >= nofile_limit() || (long)arg < 0)
		return -EINVAL;
	fd = fd_install_lowest(get_file(f), arg, cloexec);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_fcntl(int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		r = fcntl_dupfd(f, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		r = get_close_on_exec(fd) ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		set_close_on_exec(fd, arg & FD_CLOEXEC);
		r = 0;
		break;
	case F_GETFL:
		r = f->f_flags;
		break;
	case F_SETFL:
		f->f_flags = (f->f_flags & ~SETFL_MASK) | (arg & SETFL_MASK);
		r = 0;
		break;
	case F_GETLK:
	case F_SETLK:
	case F_SETLKW:
		/* An O_PATH fd allows only the fd-level commands. */
		if (f->f_flags & O_PATH)
			r = -EBADF;
		else if (cmd == F_GETLK)
			r = fcntl_getlk(f, (void __user *)arg);
		else
			r = fcntl_setlk(f, cmd == F_SETLKW, (void __user *)arg);
		break;
	case F_GETPIPE_SZ:
	case F_SETPIPE_SZ:
		r = file_is_pipe(f) ? pipe_fcntl(f, cmd, arg) : -EBADF;
		break;
	default:
		r = -EINVAL;
		break;
	}
	fput(f);
	return r;
}
