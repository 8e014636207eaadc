/*
 * ramfs (also mounted as "tmpfs"): a filesystem that is nothing but the
 * in-memory objects.  A directory's contents are its dentry children (each
 * pinned by one reference while it has a name), a regular file's bytes its
 * page cache, a symlink's target a string in i_private.  Device nodes and
 * FIFOs are inodes with a type and i_rdev; opening them picks the driver or
 * the pipe code (open.c).  Everything here is called by the VFS after it has
 * checked names, types and permissions.
 */
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

static const struct inode_operations ramfs_dir_iops;
static const struct inode_operations ramfs_file_iops;
static const struct inode_operations ramfs_other_iops;
static const struct file_operations ramfs_dir_fops;
static const struct file_operations ramfs_file_fops;
static int ramfs_unlink(struct inode *dir, struct dentry *d);

static void ramfs_evict(struct inode *ino)
{
	if (S_ISLNK(ino->i_mode))
		kfree(ino->i_private);
	if (S_ISFIFO(ino->i_mode))
		pipe_release_inode(ino);
}

static void set_ops(struct inode *ino)
{
	if (S_ISDIR(ino->i_mode)) {
		ino->i_op = &ramfs_dir_iops;
		ino->i_fop = &ramfs_dir_fops;
	} else if (S_ISREG(ino->i_mode)) {
		ino->i_op = &ramfs_file_iops;
		ino->i_fop = &ramfs_file_fops;
	} else {
		ino->i_op = &ramfs_other_iops;
	}
}

/*
 * Create an inode of any type owned by uid:gid for the negative dentry d in
 * dir.  In a set-group-ID directory the file takes the directory's group
 * instead (and subdirectories inherit the bit), as mkdir(2) and open(2) say.
 */
int ramfs_new_node(struct inode *dir, struct dentry *d, mode_t mode, u32 dev,
		   uid_t uid, gid_t gid)
{
	struct inode *ino = new_inode(dir->i_sb, mode);

	if (!ino)
		return -ENOSPC;
	ino->i_uid = uid;
	ino->i_gid = gid;
	if (dir->i_mode & 02000) {
		ino->i_gid = dir->i_gid;
		if (S_ISDIR(mode))
			ino->i_mode |= 02000;
	}
	if (S_ISCHR(mode) || (mode & S_IFMT) == S_IFBLK)
		ino->i_rdev = dev;
	set_ops(ino);
	if (S_ISDIR(mode)) {
		ino->i_nlink = 2;
		dir->i_nlink++;
	}
	d_instantiate(d, ino);
	dget(d);			/* the pin: the name now exists */
	inode_touch(dir);
	return 0;
}

/* i_op->create: a new node owned by the caller's fsuid and fsgid. */
int ramfs_mknod(struct inode *dir, struct dentry *d, mode_t mode, u32 dev)
{
	const struct cred *c = current->cred;

	return ramfs_new_node(dir, d, mode, dev, c->fsuid, c->fsgid);
}

/* Give the new symlink inode ino its target (len bytes, not NUL-ended). */
int ramfs_set_link(struct inode *ino, const char *target, size_t len)
{
	char *copy = kmalloc(len + 1);

	if (!copy)
		return -ENOSPC;
	memcpy(copy, target, len);
	copy[len] = 0;
	ino->i_private = copy;
	ino->i_size = len;
	return 0;
}

static int ramfs_symlink(struct inode *dir, struct dentry *d, const char *target)
{
	int err = ramfs_mknod(dir, d, S_IFLNK | 0777, 0);

	if (!err)
		err = ramfs_set_link(d->d_inode, target, strlen(target));
	if (err && d->d_inode)
		ramfs_unlink(dir, d);
	return err;
}

static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *new)
{
	struct inode *ino = old->d_inode;

	ino->i_nlink++;
	ino->i_ctime = current_time();
	d_instantiate(new, iget(ino));
	dget(new);
	inode_touch(dir);
	return 0;
}

/* Remove the name d; the inode lives on while files hold it open. */
static int ramfs_unlink(struct inode *dir, struct dentry *d)
{
	struct inode *ino = d->d_inode;

	ino->i_nlink--;
	ino->i_ctime = current_time();
	inode_touch(dir);
	d_unlink(d);
	dput(d);			/* drop the pin */
	return 0;
}

static bool dir_is_empty(struct dentry *d)
{
	struct list_head *p;

	list_for_each(p, &d->d_subdirs)
		if (list_entry(p, struct dentry, d_child)->d_inode)
			return false;
	return true;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *d)
{
	if (!dir_is_empty(d))
		return -ENOTEMPTY;
	d->d_inode->i_nlink = 0;
	dir->i_nlink--;
	inode_touch(dir);
	d_unlink(d);
	dput(d);
	return 0;
}

/* Move old to new's name, replacing new's inode if it has one. */
static int ramfs_rename(struct dentry *old, struct dentry *new)
{
	struct inode *old_dir = old->d_parent->d_inode;
	struct inode *new_dir = new->d_parent->d_inode;
	bool is_dir = S_ISDIR(old->d_inode->i_mode);
	int err = 0;

	if (new->d_inode) {
		if (S_ISDIR(new->d_inode->i_mode))
			err = ramfs_rmdir(new_dir, new);
		else
			err = ramfs_unlink(new_dir, new);
		if (err)
			return err;
	}
	if (is_dir && old_dir != new_dir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	err = d_move(old, new->d_parent, new->d_name);
	inode_touch(old_dir);
	inode_touch(new_dir);
	old->d_inode->i_ctime = current_time();
	return err;
}

static int ramfs_setsize(struct inode *ino, u64 size)
{
	int err = pagecache_truncate(ino, size);

	inode_touch(ino);
	return err;
}

static ssize_t ramfs_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	ssize_t r = pagecache_read(f->f_inode, buf, n, *pos, true);

	if (r > 0)
		*pos += r;
	return r;
}

/* open(2): "O_APPEND: before each write(2), the file offset is positioned
 * at the end of the file" (also for pwrite, a documented Linux quirk). */
static ssize_t ramfs_write(struct file *f, const char *buf, size_t n, u64 *pos)
{
	struct inode *ino = f->f_inode;
	ssize_t w;

	if (f->f_flags & O_APPEND)
		*pos = ino->i_size;
	if (*pos + n < *pos)
		return -EFBIG;
	w = pagecache_write(ino, buf, n, *pos, true);
	if (w > 0) {
		*pos += w;
		inode_touch(ino);
	}
	return w;
}

static ssize_t ramfs_dir_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -EISDIR;
}

/* The child at index i (0-based, positive ones only), or NULL. */
static struct dentry *nth_child(struct dentry *dir, u64 i)
{
	struct list_head *p;

	list_for_each(p, &dir->d_subdirs) {
		struct dentry *d = list_entry(p, struct dentry, d_child);
		if (d->d_inode && i-- == 0)
			return d;
	}
	return NULL;
}

/* getdents64: ".", "..", then the children; f_pos counts entries. */
static long ramfs_iterate(struct file *f, void *buf, size_t n)
{
	struct dir_context ctx = { .buf = buf, .size = n };
	struct dentry *dir = f->f_dentry;

	if (d_unlinked(dir))
		return 0;		/* a removed directory lists nothing */
	while (!ctx.full) {
		u64 pos = f->f_pos;
		struct dentry *d = NULL;
		bool ok;

		if (pos == 0)
			ok = dir_emit(&ctx, ".", dir->d_inode->i_ino, S_IFDIR, 1);
		else if (pos == 1)
			ok = dir_emit(&ctx, "..", dir->d_parent->d_inode->i_ino,
				      S_IFDIR, 2);
		else if ((d = nth_child(dir, pos - 2)))
			ok = dir_emit(&ctx, d->d_name, d->d_inode->i_ino,
				      d->d_inode->i_mode, pos + 1);
		else
			break;
		if (!ok)
			break;
		f->f_pos++;
	}
	return dir_result(&ctx);
}

static const struct inode_operations ramfs_dir_iops = {
	.create = ramfs_mknod,
	.unlink = ramfs_unlink,
	.rmdir = ramfs_rmdir,
	.symlink = ramfs_symlink,
	.link = ramfs_link,
	.rename = ramfs_rename,
	.evict = ramfs_evict,
};

static const struct inode_operations ramfs_file_iops = {
	.setsize = ramfs_setsize,
	.evict = ramfs_evict,
};

static const struct inode_operations ramfs_other_iops = {
	.evict = ramfs_evict,
};

static const struct file_operations ramfs_file_fops = {
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
};

static const struct file_operations ramfs_dir_fops = {
	.read = ramfs_dir_read,
	.llseek = generic_file_llseek,
	.iterate = ramfs_iterate,
};

bool file_is_ramfs_regular(const struct file *f)
{
	return f->f_op == &ramfs_file_fops;
}

static struct dentry *ramfs_new_sb(const char *type, u32 magic, mode_t mode)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	struct inode *root;
	struct dentry *d;

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_magic = magic;
	sb->s_dev = new_anon_dev();
	root = new_inode(sb, S_IFDIR | mode);
	if (!root) {
		kfree(sb);
		return NULL;
	}
	root->i_nlink = 2;
	set_ops(root);
	d = d_alloc_root(sb, root);
	if (!d) {
		iput(root);
		kfree(sb);
	}
	return d;
}

/* mount -t ramfs: an empty root directory, mode 0755. */
struct dentry *ramfs_mount(void)
{
	return ramfs_new_sb("ramfs", RAMFS_MAGIC, 0755);
}

/* mount -t tmpfs: the same, with tmpfs's default root mode 1777. */
struct dentry *tmpfs_mount(void)
{
	return ramfs_new_sb("tmpfs", TMPFS_MAGIC, 01777);
}

/* Drop every name under d (umount of a RAM filesystem frees its files). */
void ramfs_kill_tree(struct dentry *d)
{
	struct list_head *p, *tmp;

	list_for_each_safe(p, tmp, &d->d_subdirs) {
		struct dentry *c = list_entry(p, struct dentry, d_child);
		if (!c->d_inode)
			continue;
		ramfs_kill_tree(c);
		d_unlink(c);
		dput(c);
	}
}
