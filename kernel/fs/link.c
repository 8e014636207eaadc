/*
 * Making and removing names: mkdir, mknod, symlink, link, unlink, rmdir and
 * their *at() forms.  Each walks to the parent directory (path_parentat),
 * applies the rules that the man pages' ERRORS sections list, in Linux's
 * order (search permission, existence, write permission, type), and then
 * lets the filesystem's inode operation do the change.
 */
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/string.h>
#include <tine/errno.h>

/* Walk to the parent of path and find the last name; *dp is the child,
 * positive if it exists, else a fresh negative dentry.  Search permission
 * on the parent is checked here. */
static int lookup_last(int dfd, const char *path, struct nameidata *nd,
		       struct dentry **dp)
{
	int err = path_parentat(dfd, path, nd);

	if (err)
		return err;
	if (nd->last[0] && !is_dot_name(nd->last)) {
		err = inode_permission(nd->dir->d_inode, MAY_EXEC);
		if (!err) {
			*dp = lookup_child(nd->dir, nd->last);
			if (!*dp && dir_names_generated(nd->dir->d_inode))
				err = -ENOENT;
			else if (!*dp)
				*dp = d_alloc(nd->dir, nd->last);
			if (!err && !*dp)
				err = -ENOMEM;
		}
	}
	if (err)
		nd_release(nd);
	return err;
}

/* May the caller add or remove names in dir? */
static int may_change_dir(struct inode *dir)
{
	if (!dir->i_op || !dir->i_op->create)
		return -EPERM;
	return inode_permission(dir, MAY_WRITE | MAY_EXEC);
}

/*
 * The sticky bit: "the file can be deleted only by its owner, the owner of
 * the directory, or a privileged process" (unlink(2), EPERM).
 */
static int check_sticky(struct inode *dir, struct inode *ino)
{
	uid_t fsuid = current->cred->fsuid;

	if (!(dir->i_mode & 01000) || fsuid == 0)
		return 0;
	return (fsuid == ino->i_uid || fsuid == dir->i_uid) ? 0 : -EPERM;
}

/* Common start of the creating calls: the parent, and the new name free. */
static int create_start(int dfd, const char *path, struct nameidata *nd,
			struct dentry **dp, bool is_dir)
{
	int err = lookup_last(dfd, path, nd, dp);

	if (err)
		return err;
	if (!nd->last[0] || is_dot_name(nd->last))
		err = -EEXIST;
	else if ((*dp)->d_inode)
		err = -EEXIST;
	else if (nd->trailing_slash && !is_dir)
		err = -ENOENT;
	else
		err = may_change_dir(nd->dir->d_inode);
	if (err) {
		if (nd->last[0] && !is_dot_name(nd->last))
			dput(*dp);
		nd_release(nd);
	}
	return err;
}

static void create_end(struct nameidata *nd, struct dentry *d)
{
	dput(d);
	nd_release(nd);
}

/* Create a node of mode (type included, umask applied here) at path. */
static long do_mknodat(int dfd, const char __user *upath, mode_t mode, u32 dev)
{
	long err = 0;
	char *path = getname(upath, &err);
	struct nameidata nd;
	struct dentry *d;
	struct inode *dir;

	if (!path)
		return err;
	err = create_start(dfd, path, &nd, &d, S_ISDIR(mode));
	putname(path);
	if (err)
		return err;
	dir = nd.dir->d_inode;
	mode = (mode & S_IFMT) | (mode & 07777 & ~current->fs->umask);
	err = dir->i_op->create(dir, d, mode, dev);
	create_end(&nd, d);
	return err;
}

long sys_mkdirat(int dfd, const char __user *path, mode_t mode)
{
	return do_mknodat(dfd, path, S_IFDIR | (mode & 07777), 0);
}

long sys_mkdir(const char __user *path, mode_t mode)
{
	return sys_mkdirat(AT_FDCWD, path, mode);
}

/*
 * mknod(2): regular files, FIFOs and sockets for anyone; "EPERM: mode
 * requested creation of something other than a regular file, FIFO or
 * socket and the caller is not privileged"; "EINVAL: ... a directory".
 */
long sys_mknodat(int dfd, const char __user *path, mode_t mode, unsigned int dev)
{
	switch (mode & S_IFMT) {
	case 0:
		mode |= S_IFREG;
		break;
	case S_IFREG:
	case S_IFIFO:
	case S_IFSOCK:
		break;
	case S_IFCHR:
	case S_IFBLK:
		if (current->cred->euid != 0)
			return -EPERM;
		break;
	default:
		return -EINVAL;
	}
	return do_mknodat(dfd, path, mode, dev);
}

long sys_mknod(const char __user *path, mode_t mode, unsigned int dev)
{
	return sys_mknodat(AT_FDCWD, path, mode, dev);
}

long sys_symlinkat(const char __user *utarget, int dfd, const char __user *upath)
{
	long err = 0;
	char *target = getname(utarget, &err);
	char *path;
	struct nameidata nd;
	struct dentry *d;
	struct inode *dir;

	if (!target)
		return err;
	path = getname(upath, &err);
	if (!path || !target[0]) {
		putname(target);
		if (path)
			putname(path);
		return path ? -ENOENT : err;	/* symlink(2): empty target */
	}
	err = create_start(dfd, path, &nd, &d, false);
	if (!err) {
		dir = nd.dir->d_inode;
		err = dir->i_op->symlink ? dir->i_op->symlink(dir, d, target) : -EPERM;
		create_end(&nd, d);
	}
	putname(path);
	putname(target);
	return err;
}

long sys_symlink(const char __user *target, const char __user *path)
{
	return sys_symlinkat(target, AT_FDCWD, path);
}

/*
 * linkat(2): a new name for an existing file.  "EPERM: oldpath is a
 * directory"; "EXDEV: oldpath and newpath are not on the same mounted
 * filesystem".  The old path's last symlink is followed only with
 * AT_SYMLINK_FOLLOW.
 */
long sys_linkat(int olddfd, const char __user *oldpath, int newdfd,
		const char __user *newpath, int flags)
{
	struct dentry *old, *d;
	struct nameidata nd;
	struct inode *dir;
	char *path;
	long err = 0;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = user_path_at(olddfd, oldpath,
			   ((flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0) |
			   ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0), &old);
	if (err)
		return err;
	path = getname(newpath, &err);
	if (path)
		err = create_start(newdfd, path, &nd, &d, false);
	if (path && !err) {
		dir = nd.dir->d_inode;
		if (S_ISDIR(old->d_inode->i_mode))
			err = -EPERM;
		else if (old->d_sb != nd.dir->d_sb)
			err = -EXDEV;
		else if (!dir->i_op->link)
			err = -EPERM;
		else
			err = dir->i_op->link(old, dir, d);
		create_end(&nd, d);
	}
	if (path)
		putname(path);
	dput(old);
	return err;
}

long sys_link(const char __user *oldpath, const char __user *newpath)
{
	return sys_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}

/* The rules unlink(2) and rmdir(2) share, then the type-specific ones. */
static int may_delete(struct nameidata *nd, struct dentry *d, bool rmdir)
{
	struct inode *dir = nd->dir->d_inode;
	struct inode *ino = d->d_inode;
	int err;

	if (!ino)
		return -ENOENT;
	err = may_change_dir(dir);
	if (!err)
		err = check_sticky(dir, ino);
	if (err)
		return err;
	if (rmdir && !S_ISDIR(ino->i_mode))
		return -ENOTDIR;
	if (!rmdir && S_ISDIR(ino->i_mode))
		return -EISDIR;
	if (!rmdir && nd->trailing_slash)
		return -ENOTDIR;
	if (d->d_mounted || d->d_mountpoint)
		return -EBUSY;
	return 0;
}

/* rmdir(2): "EINVAL: pathname has . as last component"; "ENOTEMPTY:
 * pathname contains .. as its final component"; "EBUSY: pathname is ...
 * the root directory". */
static int dot_error(const char *last, bool rmdir)
{
	if (!rmdir)
		return -EISDIR;
	if (!last[0])
		return -EBUSY;
	return strcmp(last, ".") == 0 ? -EINVAL : -ENOTEMPTY;
}

static long do_unlinkat(int dfd, const char __user *upath, bool rmdir)
{
	long err = 0;
	char *path = getname(upath, &err);
	struct nameidata nd;
	struct dentry *d = NULL;
	struct inode *dir;

	if (!path)
		return err;
	err = lookup_last(dfd, path, &nd, &d);
	putname(path);
	if (err)
		return err;
	if (!nd.last[0] || is_dot_name(nd.last)) {
		err = dot_error(nd.last, rmdir);
		nd_release(&nd);
		return err;
	}
	err = may_delete(&nd, d, rmdir);
	dir = nd.dir->d_inode;
	if (!err)
		err = rmdir ? dir->i_op->rmdir(dir, d) : dir->i_op->unlink(dir, d);
	create_end(&nd, d);
	return err;
}

long sys_unlinkat(int dfd, const char __user *path, int flags)
{
	if (flags & ~AT_REMOVEDIR)
		return -EINVAL;
	return do_unlinkat(dfd, path, flags & AT_REMOVEDIR);
}

long sys_unlink(const char __user *path)
{
	return do_unlinkat(AT_FDCWD, path, false);
}

long sys_rmdir(const char __user *path)
{
	return do_unlinkat(AT_FDCWD, path, true);
}
