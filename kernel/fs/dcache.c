/*
 * Dentries: the names.  A dentry ties one name in one directory to an inode
 * and links into its parent's d_subdirs list.  On ramfs the dentry tree is
 * the directory contents, as in Linux's ramfs: a name exists because its
 * dentry is in the tree, and the tree holds one reference on it ("pinned")
 * until unlink or rmdir takes it out.  Dentries that other filesystems build
 * on lookup (procfs) are not pinned and go away with their last user.
 * There is no cache of unused dentries: a count of zero frees at once.
 */
#include <tine/fs.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/panic.h>
#include <tine/errno.h>

static struct dentry *dentry_new(const char *name)
{
	struct dentry *d = kzalloc(sizeof(*d));
	size_t len = strlen(name);

	if (!d)
		return NULL;
	d->d_name = kmalloc(len + 1);
	if (!d->d_name) {
		kfree(d);
		return NULL;
	}
	memcpy(d->d_name, name, len + 1);
	d->d_count = 1;
	list_init(&d->d_child);
	list_init(&d->d_subdirs);
	return d;
}

/* A negative dentry called name under parent (which it references). */
struct dentry *d_alloc(struct dentry *parent, const char *name)
{
	struct dentry *d = dentry_new(name);

	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	d->d_sb = parent->d_sb;
	list_add_tail(&d->d_child, &parent->d_subdirs);
	return d;
}

/* The root dentry of a new filesystem: its own parent, named "/". */
struct dentry *d_alloc_root(struct super_block *sb, struct inode *root)
{
	struct dentry *d = dentry_new("/");

	if (!d)
		return NULL;
	d->d_parent = d;
	d->d_sb = sb;
	d->d_inode = root;
	sb->s_root = d;
	return d;
}

/* Give d its inode; the caller's reference on ino passes to d. */
void d_instantiate(struct dentry *d, struct inode *ino)
{
	d->d_inode = ino;
}

struct dentry *dget(struct dentry *d)
{
	d->d_count++;
	return d;
}

/* Drop a reference; the last one unlinks d and drops its inode and parent. */
void dput(struct dentry *d)
{
	while (d) {
		struct dentry *parent = d->d_parent;

		BUG_ON(d->d_count == 0);
		if (--d->d_count > 0)
			return;
		BUG_ON(!list_empty(&d->d_subdirs));
		list_del(&d->d_child);
		iput(d->d_inode);
		kfree(d->d_name);
		kfree(d);
		if (parent == d)
			return;
		d = parent;		/* iterate, not recurse: deep trees */
	}
}

/* The positive child of parent called name, referenced, or NULL. */
struct dentry *d_lookup(struct dentry *parent, const char *name)
{
	struct list_head *p;

	list_for_each(p, &parent->d_subdirs) {
		struct dentry *d = list_entry(p, struct dentry, d_child);
		if (d->d_inode && strcmp(d->d_name, name) == 0)
			return dget(d);
	}
	return NULL;
}

/* Take d out of its directory; open files keep it (and the inode) alive. */
void d_unlink(struct dentry *d)
{
	list_del(&d->d_child);
}

/* True once d has been unlinked (a root is never unlinked). */
bool d_unlinked(const struct dentry *d)
{
	return d->d_parent != d && list_empty(&d->d_child);
}

/* Rename d to new_name in new_parent; 0 or -ENOMEM. */
int d_move(struct dentry *d, struct dentry *new_parent, const char *new_name)
{
	size_t len = strlen(new_name);
	char *name = kmalloc(len + 1);
	struct dentry *old_parent = d->d_parent;

	if (!name)
		return -ENOMEM;
	memcpy(name, new_name, len + 1);
	kfree(d->d_name);
	d->d_name = name;
	list_del(&d->d_child);
	list_add_tail(&d->d_child, &new_parent->d_subdirs);
	if (new_parent != old_parent) {
		d->d_parent = dget(new_parent);
		dput(old_parent);
	}
	return 0;
}
