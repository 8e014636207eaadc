/*
 * The /proc root: registering the "proc" filesystem type, making an
 * instance for mount(2), and the root directory, which lists the system
 * files of the table below followed by one directory per process (thread
 * group), in ascending PID order as Linux's proc_pid_readdir() does.
 * Threads other than leaders are not listed but can be looked up by TID,
 * as on Linux.
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>

#define PROC_FILE(n, fn) { .name = n, .mode = S_IFREG | 0444, .show = fn }

static const struct proc_entry root_entries[] = {
	PROC_FILE("cpuinfo", proc_cpuinfo_show),
	PROC_FILE("filesystems", proc_filesystems_show),
	PROC_FILE("loadavg", proc_loadavg_show),
	PROC_FILE("meminfo", proc_meminfo_show),
	PROC_FILE("mounts", proc_mounts_show),
	{ .name = "slabinfo", .mode = S_IFREG | 0400, .show = proc_slabinfo_show },
	PROC_FILE("stat", proc_stat_show),
	PROC_FILE("uptime", proc_uptime_show),
	PROC_FILE("version", proc_version_show),
	{ .name = "self", .mode = S_IFLNK | 0777, .readlink = proc_self_readlink },
	{ .name = "thread-self", .mode = S_IFLNK | 0777,
	  .readlink = proc_thread_self_readlink },
	{ .name = "sys", .mode = S_IFDIR | 0555, .iop = &proc_sys_iops,
	  .fop = &proc_sys_fops },
	{ .name = "tine", .mode = S_IFDIR | 0555, .iop = &proc_tine_iops,
	  .fop = &proc_tine_fops },
};

#define NR_ROOT ((int)ARRAY_SIZE(root_entries))

static struct dentry *proc_root_lookup(struct inode *dir, struct dentry *parent,
				       const char *name)
{
	(void)dir;
	if (name[0] >= '1' && name[0] <= '9')
		return proc_pid_lookup(parent, name);
	return proc_lookup_entries(parent, name, root_entries, NR_ROOT, 0);
}

/* ".", "..", the table at f_pos 2.., then the PIDs (proc_pid_readdir). */
static long proc_root_iterate(struct file *f, void *buf, size_t n)
{
	struct dir_context ctx = { .buf = buf, .size = n };

	if (!proc_emit_dots(f, &ctx))
		return proc_dir_result(&ctx);
	while (f->f_pos - 2 < (u64)NR_ROOT) {
		const struct proc_entry *e = &root_entries[f->f_pos - 2];

		if (!dir_emit(&ctx, e->name, proc_ino(0, f->f_pos), e->mode,
			      f->f_pos + 1))
			return proc_dir_result(&ctx);
		f->f_pos++;
	}
	return proc_pid_readdir(f, &ctx, 2 + NR_ROOT);
}

static const struct inode_operations proc_root_iops = {
	.lookup = proc_root_lookup,
	.evict = proc_evict,
};

static const struct file_operations proc_root_fops = {
	.iterate = proc_root_iterate,
	.llseek = generic_file_llseek,
};

static const struct proc_entry proc_root_entry = {
	.name = "/", .mode = S_IFDIR | 0555,
	.iop = &proc_root_iops, .fop = &proc_root_fops,
};

/* A new procfs instance: mount -t proc proc /proc. */
struct dentry *proc_mount(void)
{
	struct super_block *sb = kzalloc(sizeof(*sb));
	struct proc_inode *pi = kzalloc(sizeof(*pi));
	struct inode *root = (sb && pi) ? new_inode(sb, S_IFDIR | 0555) : NULL;
	struct dentry *d = root ? d_alloc_root(sb, root) : NULL;

	if (!d) {
		if (root)
			iput(root);
		kfree(pi);
		kfree(sb);
		return NULL;
	}
	sb->s_type = "proc";
	sb->s_magic = PROC_SUPER_MAGIC;
	sb->s_dev = new_anon_dev();
	pi->entry = &proc_root_entry;
	root->i_private = pi;
	root->i_op = &proc_root_iops;
	root->i_fop = &proc_root_fops;
	root->i_nlink = 2;
	return d;
}

void proc_init(void)
{
	register_filesystem("proc", proc_mount);
}
