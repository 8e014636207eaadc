/*
 * Path resolution: from a string to a dentry.  A walk starts at the root
 * ("/..."), the cwd (AT_FDCWD) or a directory fd, and steps one component at
 * a time: "." stays, ".." goes up (never above the root; at the root of a
 * mounted filesystem it first crosses to the mountpoint), a name is looked up
 * among the directory's children, and a mounted filesystem hides the
 * directory it sits on.  Symlinks met on the way are followed; the last
 * component's only if the caller asks.  path_resolution(7): "If a
 * component is a symlink ... at most 40 symbolic links are followed" (ELOOP),
 * "search permission is required on every directory of the path" (EACCES),
 * a component longer than NAME_MAX or a path of PATH_MAX bytes or more is
 * ENAMETOOLONG.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

static int walk_path(struct nameidata *nd, const char *path);

/*
 * May the current task access ino as mask (MAY_READ|MAY_WRITE|MAY_EXEC)?
 * The owner, group, other triplet is chosen by fsuid, then fsgid and the
 * supplementary groups, as in
 * Linux's generic_permission().  Root may do anything except execute a file
 * that has no execute bit at all.
 */
int inode_permission(struct inode *ino, int mask)
{
	const struct cred *c = current->cred;
	mode_t m = ino->i_mode;

	if (c->fsuid == 0) {
		if ((mask & MAY_EXEC) && !S_ISDIR(m) && !(m & 0111))
			return -EACCES;
		return 0;
	}
	if (c->fsuid == ino->i_uid)
		m >>= 6;
	else if (in_group_p(ino->i_gid))	/* fsgid or a supplementary group */
		m >>= 3;
	return (mask & ~m & 7) ? -EACCES : 0;
}

/* Copy a user path into a new PATH_MAX buffer; NULL with *err on failure. */
char *getname(const char __user *upath, long *err)
{
	char *buf = kmalloc(PATH_MAX);
	long n;

	if (!buf) {
		*err = -ENOMEM;
		return NULL;
	}
	n = strncpy_from_user(buf, upath, PATH_MAX);
	if (n < 0 || n >= PATH_MAX) {
		*err = n < 0 ? -EFAULT : -ENAMETOOLONG;
		kfree(buf);
		return NULL;
	}
	return buf;
}

void putname(char *name)
{
	kfree(name);
}

bool is_dot_name(const char *name)
{
	return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* Replace nd->dir by d, whose reference passes to nd. */
static void nd_set_dir(struct nameidata *nd, struct dentry *d)
{
	dput(nd->dir);
	nd->dir = d;
}

/* The dentry a walk for path starts at, referenced; NULL with *err. */
static struct dentry *start_dir(int dfd, const char *path, long *err)
{
	struct file *f;
	struct dentry *d;

	if (path[0] == '/')
		return dget(current->fs->root);
	if (dfd == AT_FDCWD)
		return dget(current->fs->pwd);
	f = fget(dfd);
	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	d = f->f_dentry ? dget(f->f_dentry) : NULL;
	fput(f);
	if (!d || (path[0] && !S_ISDIR(d->d_inode->i_mode))) {
		*err = path[0] ? -ENOTDIR : -EBADF;
		if (d)
			dput(d);
		return NULL;
	}
	return d;
}

static int nd_init(struct nameidata *nd, int dfd, const char *path)
{
	long err = 0;

	nd->links = 0;
	nd->trailing_slash = false;
	nd->last[0] = 0;
	nd->dir = start_dir(dfd, path, &err);
	if (!nd->dir)
		return err;
	nd->root = dget(current->fs->root);
	return 0;
}

void nd_release(struct nameidata *nd)
{
	if (nd->dir)
		dput(nd->dir);
	if (nd->root)
		dput(nd->root);
	nd->dir = nd->root = NULL;
}

/* The child of dir called name, referenced, or NULL: the dentry tree first,
 * then the filesystem's own lookup (procfs builds dentries on demand). */
struct dentry *lookup_child(struct dentry *dir, const char *name)
{
	struct dentry *d = d_lookup(dir, name);
	struct inode *ino = dir->d_inode;

	if (!d && ino->i_op && ino->i_op->lookup)
		d = ino->i_op->lookup(ino, dir, name);
	return d;
}

/*
 * Does the filesystem make dir's names itself (procfs), so that new ones
 * cannot be added?  There, as on Linux, where procfs's lookup fails with
 * ENOENT instead of giving a negative dentry, an absent name is ENOENT
 * even for open(O_CREAT), mkdir, mknod, symlink and link, not EACCES.
 */
bool dir_names_generated(struct inode *dir)
{
	return !dir->i_op || !dir->i_op->create;
}

/* A directory with a filesystem mounted on it stands for that fs's root. */
static struct dentry *follow_mounts(struct dentry *d)
{
	while (d->d_mounted) {
		struct dentry *next = dget(d->d_mounted);
		dput(d);
		d = next;
	}
	return d;
}

/* "..": up one level, but never above the walk's root. */
static void step_up(struct nameidata *nd)
{
	struct dentry *d = nd->dir;

	while (d != nd->root && d->d_parent == d && d->d_mountpoint)
		d = d->d_mountpoint;	/* the root of a mount: cross to below */
	if (d == nd->root)
		nd_set_dir(nd, dget(d));
	else
		nd_set_dir(nd, dget(d->d_parent));
}

/* The target of a symlink into buf (NUL-terminated): length or -errno. */
static int read_link(struct inode *ino, char *buf, size_t n)
{
	size_t len;

	if (ino->i_op && ino->i_op->readlink)
		return ino->i_op->readlink(ino, buf, n);
	if (!ino->i_private)
		return -EINVAL;
	len = strlcpy(buf, ino->i_private, n);
	return len >= n ? -ENAMETOOLONG : (int)len;
}

/* Continue the walk through the symlink link, which sits in nd->dir. */
static int follow_link(struct nameidata *nd, struct dentry *link)
{
	char *target;
	int err;

	if (++nd->links > MAXSYMLINKS)
		return -ELOOP;
	target = kmalloc(PATH_MAX);
	if (!target)
		return -ENOMEM;
	err = read_link(link->d_inode, target, PATH_MAX);
	if (err == 0)
		err = -ENOENT;		/* an empty target names nothing */
	if (err > 0)
		err = walk_path(nd, target);
	if (err == 0)
		err = nd_walk_last(nd, true);
	kfree(target);
	return err;
}

/* Step from nd->dir into its component name. */
static int walk_component(struct nameidata *nd, const char *name, bool follow)
{
	struct inode *dir = nd->dir->d_inode;
	struct dentry *child;
	int err;

	if (!S_ISDIR(dir->i_mode))
		return -ENOTDIR;
	err = inode_permission(dir, MAY_EXEC);
	if (err)
		return err;
	if (strcmp(name, ".") == 0)
		return 0;
	if (strcmp(name, "..") == 0) {
		step_up(nd);
		return 0;
	}
	child = lookup_child(nd->dir, name);
	if (!child)
		return -ENOENT;
	child = follow_mounts(child);
	if (follow && S_ISLNK(child->d_inode->i_mode)) {
		err = follow_link(nd, child);
		dput(child);
		return err;
	}
	nd_set_dir(nd, child);
	return 0;
}

/*
 * Walk every component of path except the last, which is left in nd->last
 * ("" when the path is "/" or only slashes).
 */
static int walk_path(struct nameidata *nd, const char *path)
{
	int err;

	if (*path == '/')
		nd_set_dir(nd, dget(nd->root));
	nd->last[0] = 0;
	nd->trailing_slash = false;
	while (*path == '/')
		path++;
	while (*path) {
		const char *end = path;
		size_t len;

		while (*end && *end != '/')
			end++;
		len = end - path;
		if (len > NAME_MAX)
			return -ENAMETOOLONG;
		memcpy(nd->last, path, len);
		nd->last[len] = 0;
		while (*end == '/')
			end++;
		if (!*end) {
			nd->trailing_slash = end != path + len;
			return 0;
		}
		err = walk_component(nd, nd->last, true);
		if (err)
			return err;
		path = end;
	}
	return 0;
}

/* Resolve nd->last in nd->dir.  A trailing slash forces following and
 * requires a directory. */
int nd_walk_last(struct nameidata *nd, bool follow)
{
	bool slash = nd->trailing_slash;
	int err;

	if (!nd->last[0])
		return 0;
	err = walk_component(nd, nd->last, follow || slash);
	if (err)
		return err;
	if (slash && !S_ISDIR(nd->dir->d_inode->i_mode))
		return -ENOTDIR;
	return 0;
}

/* Resolve path (a kernel string) relative to dfd; *res referenced. */
int kern_path_at(int dfd, const char *path, unsigned int flags,
		 struct dentry **res)
{
	struct nameidata nd;
	int err;

	if (!*path && !(flags & LOOKUP_EMPTY))
		return -ENOENT;
	err = nd_init(&nd, dfd, path);
	if (err)
		return err;
	err = walk_path(&nd, path);
	if (!err)
		err = nd_walk_last(&nd, flags & LOOKUP_FOLLOW);
	if (!err && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(nd.dir->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err) {
		*res = nd.dir;
		nd.dir = NULL;
	}
	nd_release(&nd);
	return err;
}

int user_path_at(int dfd, const char __user *upath, unsigned int flags,
		 struct dentry **res)
{
	long err = 0;
	char *path = getname(upath, &err);

	if (!path)
		return err;
	err = kern_path_at(dfd, path, flags, res);
	putname(path);
	return err;
}

/*
 * Walk to the directory that holds path's last component, for calls that
 * create or remove a name.  On success nd->dir is that directory and
 * nd->last the name; the caller ends with nd_release().
 */
int path_parentat(int dfd, const char *path, struct nameidata *nd)
{
	int err;

	nd->dir = nd->root = NULL;
	if (!*path)
		return -ENOENT;
	err = nd_init(nd, dfd, path);
	if (!err)
		err = walk_path(nd, path);
	if (!err && !S_ISDIR(nd->dir->d_inode->i_mode))
		err = -ENOTDIR;
	if (err)
		nd_release(nd);
	return err;
}
