/*
 * rename, renameat, renameat2: move a name, atomically replacing the
 * target if it exists (unless RENAME_NOREPLACE).  rename(2)'s rules are
 * checked here in order; the move itself is the filesystem's.
 */
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/string.h>
#include <tine/errno.h>

#define RENAME_NOREPLACE 1
#define RENAME_EXCHANGE 2
#define RENAME_WHITEOUT 4

struct rename_side {
	struct nameidata nd;
	struct dentry *d;
	char *path;
};

/* Walk to one side's parent and look its name up (d may be negative). */
static int rename_side_get(int dfd, const char __user *upath, struct rename_side *s)
{
	long err = 0;

	s->d = NULL;
	s->path = getname(upath, &err);
	if (!s->path)
		return err;
	err = path_parentat(dfd, s->path, &s->nd);
	if (err)
		return err;
	if (!s->nd.last[0] || is_dot_name(s->nd.last))
		return -EBUSY;		/* renaming "/", "." or ".." */
	err = inode_permission(s->nd.dir->d_inode, MAY_EXEC);
	if (err)
		return err;
	s->d = lookup_child(s->nd.dir, s->nd.last);
	if (!s->d)
		s->d = d_alloc(s->nd.dir, s->nd.last);
	return s->d ? 0 : -ENOMEM;
}

static void rename_side_put(struct rename_side *s)
{
	if (s->d)
		dput(s->d);
	if (s->path) {
		nd_release(&s->nd);
		putname(s->path);
	}
}

/* Is d the same as, or below, ancestor? */
static bool is_below(struct dentry *d, struct dentry *ancestor)
{
	for (;;) {
		if (d == ancestor)
			return true;
		if (d->d_parent == d)
			return false;
		d = d->d_parent;
	}
}

static int sticky_ok(struct inode *dir, struct inode *ino)
{
	uid_t fsuid = current->cred->fsuid;

	return !(dir->i_mode & 01000) || fsuid == 0 || fsuid == ino->i_uid ||
	       fsuid == dir->i_uid;
}

/* rename(2)'s ERRORS, for the move of old onto new. */
static int may_rename(struct rename_side *o, struct rename_side *n,
		      unsigned int flags)
{
	struct inode *oi = o->d->d_inode, *ni = n->d->d_inode;
	struct inode *odir = o->nd.dir->d_inode, *ndir = n->nd.dir->d_inode;
	bool odirp = S_ISDIR(oi->i_mode);
	int err;

	if (o->nd.dir->d_sb != n->nd.dir->d_sb)
		return -EXDEV;
	if ((err = inode_permission(odir, MAY_WRITE | MAY_EXEC)) ||
	    (err = inode_permission(ndir, MAY_WRITE | MAY_EXEC)))
		return err;
	if (!odir->i_op->rename)
		return -EPERM;
	if (!sticky_ok(odir, oi) || (ni && !sticky_ok(ndir, ni)))
		return -EPERM;
	if (ni && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	if (!odirp && (o->nd.trailing_slash || n->nd.trailing_slash))
		return -ENOTDIR;
	if (ni && odirp && !S_ISDIR(ni->i_mode))
		return -ENOTDIR;
	if (ni && !odirp && S_ISDIR(ni->i_mode))
		return -EISDIR;
	/* "EINVAL: an attempt was made to make a directory a subdirectory
	 * of itself" */
	if (odirp && is_below(n->nd.dir, o->d))
		return -EINVAL;
	if (o->d->d_mounted || o->d->d_mountpoint || n->d->d_mounted)
		return -EBUSY;
	return 0;
}

long sys_renameat2(int olddfd, const char __user *oldpath, int newdfd,
		   const char __user *newpath, unsigned int flags)
{
	struct rename_side o = { 0 }, n = { 0 };
	long err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;		/* EXCHANGE and WHITEOUT: unsupported */
	err = rename_side_get(olddfd, oldpath, &o);
	if (!err)
		err = rename_side_get(newdfd, newpath, &n);
	if (!err && !o.d->d_inode)
		err = -ENOENT;
	/* "If oldpath and newpath are existing hard links referring to the
	 * same file, then rename() does nothing, and returns a success." */
	if (!err && o.d->d_inode == n.d->d_inode)
		goto out;
	if (!err)
		err = may_rename(&o, &n, flags);
	if (!err)
		err = o.nd.dir->d_inode->i_op->rename(o.d, n.d);
out:
	rename_side_put(&n);
	rename_side_put(&o);
	return err;
}

long sys_renameat(int olddfd, const char __user *oldpath, int newdfd,
		  const char __user *newpath)
{
	return sys_renameat2(olddfd, oldpath, newdfd, newpath, 0);
}

long sys_rename(const char __user *oldpath, const char __user *newpath)
{
	return sys_renameat2(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}
