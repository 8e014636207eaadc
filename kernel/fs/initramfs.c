/*
 * The initramfs unpacker: turn the newc cpio archive the boot loader passed
 * (cpio.c parses it) into files in the root ramfs, as Linux's
 * init/initramfs.c does.  Each entry becomes a directory, regular file
 * (data copied into its page cache), symlink, device node or FIFO with the
 * entry's mode, owner and mtime; an entry with nlink >= 2 whose (ino, dev)
 * was seen before becomes a hard link.  As in Linux an existing name of
 * another type is removed first, missing parents are not created (that
 * entry fails, with a message here, and unpacking goes on), and a malformed
 * archive stops the unpacking but keeps what was already unpacked.
 * This runs at boot, possibly before any task exists, so it walks the tree
 * itself instead of using namei.c (no cwd, no credentials, no symlinks
 * followed in parent directories).
 */
#include <tine/fs.h>
#include <tine/cpio.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/printk.h>
#include <tine/errno.h>

/* A regular file already unpacked, for entries that are hard links to it. */
struct hardlink {
	struct hardlink *next;
	u32 ino, major, minor;
	struct dentry *d;
};

/* The directory that holds path's last component (copied to last). */
static int boot_parent(const char *path, struct dentry **dirp, char *last)
{
	struct dentry *dir = dget(root_dentry);

	for (;;) {
		const char *end = strchr(path, '/');
		size_t len = end ? (size_t)(end - path) : strlen(path);
		struct dentry *next;

		if (len > NAME_MAX) {
			dput(dir);
			return -ENAMETOOLONG;
		}
		memcpy(last, path, len);
		last[len] = 0;
		if (!end) {
			*dirp = dir;
			return 0;
		}
		next = len ? d_lookup(dir, last) : dget(dir);
		dput(dir);
		if (!next)
			return -ENOENT;
		while (next->d_mounted) {
			struct dentry *m = dget(next->d_mounted);
			dput(next);
			next = m;
		}
		if (!S_ISDIR(next->d_inode->i_mode)) {
			dput(next);
			return -ENOTDIR;
		}
		dir = next;
		path = end + 1;
	}
}

/* Create path with the given type and owner; -EEXIST if the name is taken. */
int boot_mknod(const char *path, mode_t mode, u32 dev, uid_t uid, gid_t gid,
	       struct dentry **res)
{
	char last[NAME_MAX + 1];
	struct dentry *dir, *d;
	int err;

	while (*path == '/')
		path++;
	err = boot_parent(path, &dir, last);
	if (err)
		return err;
	d = d_lookup(dir, last);
	if (d) {
		dput(d);
		dput(dir);
		return -EEXIST;
	}
	d = d_alloc(dir, last);
	err = d ? ramfs_new_node(dir->d_inode, d, mode, dev, uid, gid) : -ENOMEM;
	if (!err && res)
		*res = dget(d);
	if (d)
		dput(d);
	dput(dir);
	return err;
}

/* Remove path if it exists with a type other than mode's (clean_path()). */
static void clean_path(const char *path, mode_t mode)
{
	char last[NAME_MAX + 1];
	struct dentry *dir, *d;

	if (boot_parent(path, &dir, last))
		return;
	d = d_lookup(dir, last);
	if (d && (d->d_inode->i_mode ^ mode) & S_IFMT) {
		struct inode *di = dir->d_inode;
		if (S_ISDIR(d->d_inode->i_mode))
			di->i_op->rmdir(di, d);
		else
			di->i_op->unlink(di, d);
	}
	if (d)
		dput(d);
	dput(dir);
}

static void set_attrs(struct inode *ino, const struct cpio_entry *e)
{
	ino->i_mode = (ino->i_mode & S_IFMT) | (e->mode & 07777);
	ino->i_uid = e->uid;
	ino->i_gid = e->gid;
	ino->i_mtime.tv_sec = e->mtime;
	ino->i_mtime.tv_nsec = 0;
}

/* A second name for an earlier file with the same (ino, dev), if any. */
static int maybe_link(struct hardlink **links, const char *name,
		      const struct cpio_entry *e, bool *linked)
{
	char last[NAME_MAX + 1];
	struct dentry *dir, *d;
	struct hardlink *h;
	int err;

	*linked = false;
	for (h = *links; h; h = h->next)
		if (h->ino == e->ino && h->major == e->devmajor && h->minor == e->devminor)
			break;
	if (!h)
		return 0;
	err = boot_parent(name, &dir, last);
	if (err)
		return err;
	d = d_alloc(dir, last);
	err = d ? dir->d_inode->i_op->link(h->d, dir->d_inode, d) : -ENOMEM;
	if (d)
		dput(d);
	dput(dir);
	*linked = err == 0;
	return err;
}

static void remember_link(struct hardlink **links, const struct cpio_entry *e,
			  struct dentry *d)
{
	struct hardlink *h = kmalloc(sizeof(*h));

	if (!h)
		return;
	h->ino = e->ino;
	h->major = e->devmajor;
	h->minor = e->devminor;
	h->d = dget(d);
	h->next = *links;
	*links = h;
}

static int unpack_file(struct hardlink **links, const struct cpio_entry *e,
		       struct dentry *d)
{
	ssize_t n = pagecache_write(d->d_inode, e->data, e->size, 0, false);

	if (n != (ssize_t)e->size)
		return n < 0 ? (int)n : -ENOSPC;
	if (e->nlink >= 2)
		remember_link(links, e, d);
	return 0;
}

static struct dentry *find_existing(const char *name)
{
	char last[NAME_MAX + 1];
	struct dentry *dir, *d;

	if (boot_parent(name, &dir, last))
		return NULL;
	d = d_lookup(dir, last);
	dput(dir);
	return d;
}

/* The cpio_parse() callback: one archive entry. */
static int unpack_entry(const struct cpio_entry *e, void *arg)
{
	struct hardlink **links = arg;
	const char *name = e->name;
	mode_t type = e->mode & S_IFMT;
	struct dentry *d = NULL;
	bool linked = false;
	int err;

	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	if (!*name || strcmp(name, ".") == 0) {
		set_attrs(root_dentry->d_inode, e);	/* the archive's "." */
		return 0;
	}
	clean_path(name, e->mode);
	if (type == S_IFREG && e->nlink >= 2)
		err = maybe_link(links, name, e, &linked);
	if (linked)
		return 0;
	err = boot_mknod(name, type, new_encode_dev(e->rdevmajor, e->rdevminor),
			 e->uid, e->gid, &d);
	if (err == -EEXIST && type != S_IFLNK) {
		d = find_existing(name);	/* as Linux: reuse it */
		err = 0;
		if (d && type == S_IFREG)
			pagecache_truncate(d->d_inode, 0);
	}
	if (!err && d && type == S_IFLNK)
		err = ramfs_set_link(d->d_inode, e->data, e->size);
	if (!err && d && type == S_IFREG)
		err = unpack_file(links, e, d);
	if (!err && d)
		set_attrs(d->d_inode, e);
	if (d)
		dput(d);
	if (err)
		printk(KERN_WARNING "initramfs: %s: cannot create (error %d)\n",
		       name, err);
	return 0;
}

/*
 * Unpack the archive at [start, start+len) into the root filesystem.
 * Returns 0, or -EINVAL for a malformed archive after printing Linux's
 * "Initramfs unpacking failed: <why>"; what came before the damage stays.
 */
int initramfs_unpack(const void *start, u64 len)
{
	struct hardlink *links = NULL;
	const char *msg = "unknown error";
	int err = cpio_parse(start, len, unpack_entry, &links, &msg);

	while (links) {
		struct hardlink *h = links;
		links = h->next;
		dput(h->d);
		kfree(h);
	}
	if (err)
		pr_err("Initramfs unpacking failed: %s\n", msg);
	return err;
}
