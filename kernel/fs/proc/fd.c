/*
 * /proc/PID/fd/ and /proc/PID/fdinfo/: one entry per open descriptor of
 * the task's table, listed in fd order.  fd/N is a symlink whose target is
 * what file_path() says ("/dev/console", "pipe:[N]"); following it opens
 * that path again, which is what Linux does for ordinary files (Linux
 * jumps straight to the open file; Tine does not, so fd/N of a pipe does
 * not open).  fdinfo/N shows the open file description's offset, flags
 * and inode in Linux's format.
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/format.h>
#include <tine/errno.h>

/* The file at fd of task pid, or NULL (no reference taken: the caller holds
 * the big kernel lock and uses it before anything can sleep). */
static struct file *task_file(s32 pid, s32 fd)
{
	struct task_struct *t = proc_task(pid);
	struct files_struct *files = t ? t->files : NULL;

	if (!files || fd < 0 || fd >= files->max_fds)
		return NULL;
	return files->fd[fd];
}

static int fd_readlink(const struct proc_inode *pi, char *buf, size_t n)
{
	struct file *f = task_file(pi->pid, pi->fd);

	return f ? file_path(f, buf, n) : -ENOENT;
}

/* fs/proc/fd.c seq_show(): pos, flags (octal, O_CLOEXEC folded in), mnt_id, ino */
static int fdinfo_show(struct proc_buf *pb, s32 pid, s32 fd)
{
	struct task_struct *t = proc_task(pid);
	struct file *f = task_file(pid, fd);
	u32 flags;
	int cloexec;

	if (!f)
		return -ENOENT;
	cloexec = (t->files->close_on_exec[fd / 64] >> (fd % 64)) & 1;
	flags = f->f_flags | (cloexec ? O_CLOEXEC : 0);
	pb_printf(pb, "pos:\t%lu\nflags:\t0%o\nmnt_id:\t%u\nino:\t%lu\n",
		  f->f_pos, flags,
		  f->f_inode->i_sb ? dev_minor(f->f_inode->i_sb->s_dev) : 0,
		  f->f_inode->i_ino);
	return 0;
}

/* The link's permission bits say how the file is open, as on Linux. */
static const struct proc_entry fd_links[3] = {
	[O_RDONLY] = { .name = "", .mode = S_IFLNK | 0500, .readlink = fd_readlink },
	[O_WRONLY] = { .name = "", .mode = S_IFLNK | 0300, .readlink = fd_readlink },
	[O_RDWR] = { .name = "", .mode = S_IFLNK | 0700, .readlink = fd_readlink },
};

static const struct proc_entry fdinfo_file = {
	.name = "", .mode = S_IFREG | 0444, .show_fd = fdinfo_show,
};

static const struct proc_entry *fd_entry(struct file *f, bool info)
{
	u32 acc = f->f_flags & O_ACCMODE;

	return info ? &fdinfo_file : &fd_links[acc == 3 ? O_RDWR : acc];
}

static struct dentry *lookup_fd(struct inode *dir, struct dentry *parent,
				const char *name, bool info)
{
	struct proc_inode *pi = dir->i_private;
	struct dentry *d;
	struct file *f;
	s32 fd;

	if (proc_parse_int(name, &fd))
		return NULL;
	f = task_file(pi->pid, fd);
	if (!f)
		return NULL;
	d = proc_new_dentry(parent, name, fd_entry(f, info), pi->pid, fd);
	if (d && !info)
		d->d_inode->i_size = 64;	/* what lstat shows on Linux */
	return d;
}

/* ".", "..", then every open fd; f_pos = 2 + the next fd to look at. */
static long iterate_fds(struct file *dirf, void *buf, size_t n, bool info)
{
	struct proc_inode *pi = dirf->f_inode->i_private;
	struct task_struct *t = proc_task(pi->pid);
	struct dir_context ctx = { .buf = buf, .size = n };
	char name[16];

	if (!t)
		return -ENOENT;
	if (!proc_emit_dots(dirf, &ctx))
		return proc_dir_result(&ctx);
	while (t->files && dirf->f_pos - 2 < (u64)t->files->max_fds) {
		s32 fd = dirf->f_pos - 2;
		struct file *f = t->files->fd[fd];

		if (f) {
			snprintf(name, sizeof(name), "%d", fd);
			if (!dir_emit(&ctx, name, proc_ino(pi->pid, 0x8000 + fd),
				      fd_entry(f, info)->mode, dirf->f_pos + 1))
				break;
		}
		dirf->f_pos++;
	}
	return proc_dir_result(&ctx);
}

static struct dentry *proc_fd_lookup(struct inode *dir, struct dentry *parent,
				     const char *name)
{
	return lookup_fd(dir, parent, name, false);
}

static struct dentry *proc_fdinfo_lookup(struct inode *dir, struct dentry *parent,
					 const char *name)
{
	return lookup_fd(dir, parent, name, true);
}

static long proc_fd_iterate(struct file *f, void *buf, size_t n)
{
	return iterate_fds(f, buf, n, false);
}

static long proc_fdinfo_iterate(struct file *f, void *buf, size_t n)
{
	return iterate_fds(f, buf, n, true);
}

const struct inode_operations proc_fd_iops = {
	.lookup = proc_fd_lookup,
	.evict = proc_evict,
};

const struct inode_operations proc_fdinfo_iops = {
	.lookup = proc_fdinfo_lookup,
	.evict = proc_evict,
};

const struct file_operations proc_fd_fops = {
	.iterate = proc_fd_iterate,
	.llseek = generic_file_llseek,
};

const struct file_operations proc_fdinfo_fops = {
	.iterate = proc_fdinfo_iterate,
	.llseek = generic_file_llseek,
};
