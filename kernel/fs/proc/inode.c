/*
 * The procfs inodes and the three kinds of file they stand for.  Every name
 * under /proc comes from a table of struct proc_entry: a regular file has a
 * show() that writes its text, a symlink a readlink(), a directory either a
 * table of children (served by the generic lookup and getdents here) or its
 * own operations (the root, fd/, fdinfo/, task/).  Lookup makes a dentry
 * and an inode on demand; nothing is pinned, so the dentry goes away with
 * its last user.  A regular file's text is generated once, at open, into a
 * kmalloc'd snapshot that read() copies from: the simplest way to give a
 * reader one consistent picture, which is what Linux's seq_file gives for
 * the small files (it regenerates at each read for the big ones).
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

#define SNAPSHOT_START 4096
#define SNAPSHOT_MAX (1024 * 1024)	/* a /proc file is never bigger */

struct snapshot {
	char *text;
	size_t len;
};

static struct proc_inode *proc_i(const struct inode *ino)
{
	return ino->i_private;
}

/* Run show() into a buffer that doubles until the text fits. */
static int snapshot_fill(struct snapshot *s, const struct proc_inode *pi)
{
	const struct proc_entry *e = pi->entry;

	for (size_t size = SNAPSHOT_START; size <= SNAPSHOT_MAX; size *= 2) {
		struct proc_buf pb = { kmalloc(size), size, 0 };
		int err;

		if (!pb.buf)
			return -ENOMEM;
		err = e->show ? e->show(&pb, pi->pid) : e->show_fd(&pb, pi->pid, pi->fd);
		if (err || !pb_overflow(&pb)) {
			s->text = pb.buf;
			s->len = pb.len;
			if (err)
				kfree(pb.buf);
			return err;
		}
		kfree(pb.buf);
	}
	return -ENOMEM;
}

static int proc_file_open(struct inode *ino, struct file *f)
{
	struct proc_inode *pi = proc_i(ino);
	struct snapshot *s;
	int err;

	if (pi->pid && !proc_task(pi->pid))
		return -ENOENT;		/* the task was reaped */
	s = kzalloc(sizeof(*s));
	if (!s)
		return -ENOMEM;
	if ((f->f_flags & O_ACCMODE) != O_WRONLY &&
	    (pi->entry->show || pi->entry->show_fd)) {
		err = snapshot_fill(s, pi);
		if (err) {
			kfree(s);
			return err;
		}
	}
	f->private_data = s;
	return 0;
}

static void proc_file_release(struct inode *ino, struct file *f)
{
	struct snapshot *s = f->private_data;

	(void)ino;
	if (s)
		kfree(s->text);
	kfree(s);
}

static ssize_t proc_file_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	struct snapshot *s = f->private_data;
	size_t left;

	if (*pos >= s->len)
		return 0;
	left = MIN(n, s->len - *pos);
	if (copy_to_user(buf, s->text + *pos, left))
		return -EFAULT;
	*pos += left;
	return left;
}

/* Writes go to the entry's write() whole, as Linux's proc files take them. */
static ssize_t proc_file_write(struct file *f, const char *buf, size_t n, u64 *pos)
{
	struct proc_inode *pi = proc_i(f->f_inode);
	char tmp[64];
	int err;

	if (!pi->entry->write)
		return -EINVAL;
	n = MIN(n, sizeof(tmp) - 1);
	if (copy_from_user(tmp, buf, n))
		return -EFAULT;
	tmp[n] = 0;
	err = pi->entry->write(pi->pid, tmp, n);
	if (err)
		return err;
	*pos += n;
	return n;
}

const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.release = proc_file_release,
	.read = proc_file_read,
	.write = proc_file_write,
	.llseek = generic_file_llseek,
};

void proc_evict(struct inode *ino)
{
	kfree(ino->i_private);
}

static int proc_readlink(struct inode *ino, char *buf, size_t n)
{
	struct proc_inode *pi = proc_i(ino);

	if (pi->pid && !proc_task(pi->pid))
		return -ENOENT;
	return pi->entry->readlink(pi, buf, n);
}

static const struct inode_operations proc_file_iops = {
	.evict = proc_evict,
};

const struct inode_operations proc_link_iops = {
	.readlink = proc_readlink,
	.evict = proc_evict,
};

/* The generic directory: its children are the entry's table. */
static struct dentry *proc_table_lookup(struct inode *dir, struct dentry *parent,
					const char *name)
{
	struct proc_inode *pi = proc_i(dir);

	return proc_lookup_entries(parent, name, pi->entry->sub,
				   pi->entry->nsub, pi->pid);
}

static long proc_table_iterate(struct file *f, void *buf, size_t n)
{
	struct proc_inode *pi = proc_i(f->f_inode);

	return proc_emit_entries(f, buf, n, pi->entry->sub, pi->entry->nsub,
				 pi->pid);
}

static const struct inode_operations proc_table_iops = {
	.lookup = proc_table_lookup,
	.evict = proc_evict,
};

static const struct file_operations proc_table_fops = {
	.iterate = proc_table_iterate,
	.llseek = generic_file_llseek,
};

/* The ops for entry e, by its type; directories may bring their own. */
static void proc_set_ops(struct inode *ino, const struct proc_entry *e)
{
	if (S_ISDIR(e->mode)) {
		ino->i_op = e->iop ? e->iop : &proc_table_iops;
		ino->i_fop = e->fop ? e->fop : &proc_table_fops;
		ino->i_nlink = 2;
	} else if (S_ISLNK(e->mode)) {
		ino->i_op = &proc_link_iops;
	} else {
		ino->i_op = &proc_file_iops;
		ino->i_fop = e->fop ? e->fop : &proc_file_fops;
	}
}

/*
 * A new dentry called name under parent for entry e of task pid (fd for
 * fd/N), with a fresh inode owned by the task's effective ids, as in Linux.
 */
struct dentry *proc_new_dentry(struct dentry *parent, const char *name,
			       const struct proc_entry *e, s32 pid, s32 fd)
{
	struct task_struct *t = pid ? proc_task(pid) : NULL;
	struct proc_inode *pi = kzalloc(sizeof(*pi));
	struct inode *ino = pi ? new_inode(parent->d_sb, e->mode) : NULL;
	struct dentry *d = ino ? d_alloc(parent, name) : NULL;

	if (!d) {
		if (ino)
			iput(ino);
		else
			kfree(pi);
		return NULL;
	}
	pi->entry = e;
	pi->pid = pid;
	pi->fd = fd;
	ino->i_private = pi;
	if (t && t->cred) {
		ino->i_uid = t->cred->euid;
		ino->i_gid = t->cred->egid;
	}
	proc_set_ops(ino, e);
	d_instantiate(d, ino);
	return d;
}

struct dentry *proc_lookup_entries(struct dentry *parent, const char *name,
				   const struct proc_entry *ents, int count,
				   s32 pid)
{
	if (pid && !proc_task(pid))
		return NULL;
	for (int i = 0; i < count; i++)
		if (strcmp(ents[i].name, name) == 0)
			return proc_new_dentry(parent, name, &ents[i], pid, 0);
	return NULL;
}

/* "." and ".." at f_pos 0 and 1; true if both are (already) out. */
bool proc_emit_dots(struct file *f, struct dir_context *ctx)
{
	struct dentry *dir = f->f_dentry;

	if (f->f_pos == 0) {
		if (!dir_emit(ctx, ".", dir->d_inode->i_ino, S_IFDIR, 1))
			return false;
		f->f_pos = 1;
	}
	if (f->f_pos == 1) {
		if (!dir_emit(ctx, "..", dir->d_parent->d_inode->i_ino, S_IFDIR, 2))
			return false;
		f->f_pos = 2;
	}
	return true;
}

/* getdents64's answer: bytes filled, or EINVAL when nothing fitted. */
long proc_dir_result(const struct dir_context *ctx)
{
	return dir_result(ctx);
}

/* getdents64 over a table: ".", "..", then entry f_pos - 2 onwards. */
long proc_emit_entries(struct file *f, void *buf, size_t n,
		       const struct proc_entry *ents, int count, s32 pid)
{
	struct dir_context ctx = { .buf = buf, .size = n };

	if (pid && !proc_task(pid))
		return -ENOENT;
	if (!proc_emit_dots(f, &ctx))
		return proc_dir_result(&ctx);
	while (f->f_pos - 2 < (u64)count) {
		const struct proc_entry *e = &ents[f->f_pos - 2];

		if (!dir_emit(&ctx, e->name, proc_ino(pid, f->f_pos), e->mode,
			      f->f_pos + 1))
			break;
		f->f_pos++;
	}
	return proc_dir_result(&ctx);
}

/* Inode numbers for getdents: stable per (pid, index), never 0. */
u64 proc_ino(s32 pid, u32 index)
{
	return ((u64)pid << 16) + index + 1;
}
