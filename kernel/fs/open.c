/*
 * open, openat, creat, close, close_range, and filp_open() for the kernel.
 * Opening is: walk to the name (creating it under O_CREAT), check type and
 * permission as open(2) lists, make a new struct file (a new open file
 * description, so a second open of one file has its own offset), let the
 * driver's open hook run (FIFOs wait for a partner here, ttys note the
 * opener), then install the lowest free fd.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/errno.h>

/* What an O_PATH file can do: nothing but be a handle for *at() and fstat. */
static const struct file_operations path_fops;

/* The operations for a node's type: devices by number, FIFOs the pipe's. */
static const struct file_operations *pick_fops(struct inode *ino, long *err)
{
	const struct file_operations *fop = ino->i_fop;

	switch (ino->i_mode & S_IFMT) {
	case S_IFCHR:
		fop = chrdev_fops(ino->i_rdev);
		break;
	case S_IFIFO:
		fop = &fifo_fops;
		break;
	case S_IFBLK:
	case S_IFSOCK:
		fop = NULL;		/* open(2): "ENXIO: ... no such device" */
		break;
	default:
		return fop ? fop : &path_fops;
	}
	if (!fop)
		*err = -ENXIO;
	return fop;
}

/* Make the struct file for an already checked dentry. */
struct file *dentry_open(struct dentry *d, int flags, long *err)
{
	struct inode *ino = d->d_inode;
	const struct file_operations *fop = &path_fops;
	struct file *f;

	if (!(flags & O_PATH)) {
		fop = pick_fops(ino, err);
		if (!fop)
			return NULL;
	}
	flags &= ~(O_CREAT | O_EXCL | O_TRUNC | O_CLOEXEC);
	f = alloc_file(d, ino, flags, fop, err);
	if (!f)
		return NULL;
	if (fop->open) {
		int e = fop->open(ino, f);
		if (e) {
			f->f_op = NULL;		/* no release for a failed open */
			fput(f);
			*err = e;
			return NULL;
		}
	}
	f->f_flags &= ~O_NOCTTY;	/* seen by the tty's open; not kept */
	return f;
}

/* Create the regular file nd->last in nd->dir (O_CREAT, name absent). */
static int open_create(struct nameidata *nd, mode_t mode)
{
	struct inode *dir = nd->dir->d_inode;
	struct dentry *d;
	int err;

	if (nd->trailing_slash)
		return -EISDIR;
	err = inode_permission(dir, MAY_WRITE | MAY_EXEC);
	if (err)
		return err;
	if (!dir->i_op || !dir->i_op->create)
		return -EACCES;
	d = d_alloc(nd->dir, nd->last);
	if (!d)
		return -ENOMEM;
	mode = S_IFREG | (mode & 07777 & ~current->fs->umask);
	err = dir->i_op->create(dir, d, mode, 0);
	if (err) {
		dput(d);
		return err;
	}
	dput(nd->dir);
	nd->dir = d;
	return 0;
}

/* Walk the last component for open: find it, or create it under O_CREAT. */
static int open_last(struct nameidata *nd, int flags, mode_t mode, bool *created)
{
	struct dentry *d;
	int err;

	*created = false;
	if (!(flags & O_CREAT))
		return nd_walk_last(nd, !(flags & O_NOFOLLOW));
	if (!nd->last[0] || is_dot_name(nd->last))
		return -EISDIR;
	err = inode_permission(nd->dir->d_inode, MAY_EXEC);
	if (err)
		return err;
	d = lookup_child(nd->dir, nd->last);
	if (!d && dir_names_generated(nd->dir->d_inode))
		return -ENOENT;
	if (!d) {
		err = open_create(nd, mode);
		*created = err == 0;
		return err;
	}
	dput(d);
	/* open(2): "O_EXCL: if pathname already exists, then open() fails
	 * with EEXIST" -- symlinks included, they are not followed. */
	if (flags & O_EXCL)
		return -EEXIST;
	return nd_walk_last(nd, !(flags & O_NOFOLLOW));
}

/* The type and permission rules of open(2) for an existing file. */
static int may_open(struct inode *ino, int flags)
{
	int acc = flags & O_ACCMODE;
	int mask = 0;

	if (flags & O_PATH)
		return 0;
	if (S_ISLNK(ino->i_mode))
		return -ELOOP;		/* O_NOFOLLOW on a symlink */
	if (S_ISDIR(ino->i_mode) && (acc != O_RDONLY || (flags & (O_TRUNC | O_CREAT))))
		return -EISDIR;
	if ((flags & O_DIRECTORY) && !S_ISDIR(ino->i_mode))
		return -ENOTDIR;
	if (acc != O_WRONLY)
		mask |= MAY_READ;
	if (acc != O_RDONLY || (flags & O_TRUNC))
		mask |= MAY_WRITE;
	return inode_permission(ino, mask);
}

static struct file *do_filp_open(int dfd, const char *path, int flags,
				 mode_t mode, long *errp)
{
	struct nameidata nd;
	struct file *f = NULL;
	bool created;
	int err;

	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	err = path_parentat(dfd, path, &nd);
	if (err)
		goto out;
	err = open_last(&nd, flags, mode, &created);
	if (!err && (flags & O_DIRECTORY) && !S_ISDIR(nd.dir->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err && !created)
		err = may_open(nd.dir->d_inode, flags);
	if (err)
		goto out_nd;
	if ((flags & O_TRUNC) && !created && S_ISREG(nd.dir->d_inode->i_mode) &&
	    nd.dir->d_inode->i_op && nd.dir->d_inode->i_op->setsize)
		nd.dir->d_inode->i_op->setsize(nd.dir->d_inode, 0);
	f = dentry_open(nd.dir, flags | O_LARGEFILE, errp);
	nd_release(&nd);
	return f;
out_nd:
	nd_release(&nd);
out:
	*errp = err;
	return NULL;
}

/* open() for the kernel (exec, the console for PID 1): path is a kernel
 * string, relative paths start at current's cwd. */
struct file *filp_open(const char *path, int flags, mode_t mode, long *err)
{
	return do_filp_open(AT_FDCWD, path, flags, mode, err);
}

long sys_openat(int dfd, const char __user *upath, int flags, mode_t mode)
{
	long err = 0;
	char *path = getname(upath, &err);
	struct file *f;
	int fd;

	if (!path)
		return err;
	f = do_filp_open(dfd, path, flags, mode, &err);
	putname(path);
	if (!f)
		return err;
	fd = fd_install_lowest(f, 0, flags & O_CLOEXEC);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_open(const char __user *path, int flags, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, flags, mode);
}

/* creat(2): "equivalent to open() with flags O_CREAT|O_WRONLY|O_TRUNC" */
long sys_creat(const char __user *path, mode_t mode)
{
	return sys_openat(AT_FDCWD, path, O_CREAT | O_WRONLY | O_TRUNC, mode);
}

long sys_close(int fd)
{
	return close_fd(fd);
}

#define CLOSE_RANGE_UNSHARE	2
#define CLOSE_RANGE_CLOEXEC	4

/* close_range(first, last, flags): close (or mark close-on-exec) a range. */
long sys_close_range(unsigned int first, unsigned int last, unsigned int flags)
{
	struct files_struct *files = current->files;

	if (flags & ~(CLOSE_RANGE_UNSHARE | CLOSE_RANGE_CLOEXEC) || first > last)
		return -EINVAL;
	if ((flags & CLOSE_RANGE_UNSHARE) && files->count > 1) {
		struct files_struct *copy = dup_files(files);
		if (!copy)
			return -ENOMEM;
		put_files_struct(files);
		current->files = files = copy;
	}
	for (u64 fd = first; fd <= last && fd < (u64)files->max_fds; fd++) {
		if (!files->fd[fd])
			continue;
		if (flags & CLOSE_RANGE_CLOEXEC)
			set_close_on_exec(fd, true);
		else
			close_fd(fd);
	}
	return 0;
}
