/*
 * The working directory: chdir, fchdir, getcwd.  The cwd is a dentry held
 * in fs_struct (shared by CLONE_FS), so it stays valid even when the
 * directory is removed; getcwd then reports ENOENT, as Linux does.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

/* chdir(2): "EACCES: search permission is denied for one of the components
 * of path" -- including the directory itself. */
static long set_pwd(struct dentry *d)
{
	struct fs_struct *fs = current->fs;
	long err;

	if (!S_ISDIR(d->d_inode->i_mode)) {
		dput(d);
		return -ENOTDIR;
	}
	err = inode_permission(d->d_inode, MAY_EXEC);
	if (err) {
		dput(d);
		return err;
	}
	dput(fs->pwd);
	fs->pwd = d;
	return 0;
}

long sys_chdir(const char __user *path)
{
	struct dentry *d;
	long err = user_path_at(AT_FDCWD, path, LOOKUP_FOLLOW, &d);

	return err ? err : set_pwd(d);
}

long sys_fchdir(int fd)
{
	struct file *f = fget(fd);
	struct dentry *d;

	if (!f)
		return -EBADF;
	d = f->f_dentry ? dget(f->f_dentry) : NULL;
	fput(f);
	return d ? set_pwd(d) : -ENOTDIR;
}

/* getcwd(2): the length of the path including its NUL; "ERANGE: the size
 * argument is less than the length of the absolute pathname". */
long sys_getcwd(char __user *buf, size_t size)
{
	struct dentry *pwd = current->fs->pwd;
	char *path;
	long len;

	if (d_unlinked(pwd))
		return -ENOENT;
	path = kmalloc(PATH_MAX);
	if (!path)
		return -ENOMEM;
	len = dentry_path(pwd, path, PATH_MAX);
	if (len >= 0) {
		len++;
		if ((size_t)len > size)
			len = -ERANGE;
		else if (copy_to_user(buf, path, len))
			len = -EFAULT;
	}
	kfree(path);
	return len;
}
