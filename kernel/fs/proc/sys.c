/*
 * /proc/sys: the sysctls Tine has.  kernel/pid_max is writable, in the
 * range Linux allows it ("pid_max ... must be between RESERVED_PIDS+1 and
 * PID_MAX_LIMIT", EINVAL otherwise); kernel/threads-max too (fork.c owns
 * it and holds fork to it); fs/file-max is the system-wide limit on open
 * files (ENFILE, root exempt); fs/file-nr and fs/inode-nr count the open
 * files and inodes, for leak checks.  Debug builds add debug/provoke-crash
 * (kernel/lib/crashtest.c).
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>
#include <tine/pid.h>
#include <tine/page.h>
#include <tine/task.h>
#include <tine/errno.h>
#include <tine/crashtest.h>

static int show_pid_max(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "%d\n", pid_max_get());
	return 0;
}

static int write_pid_max(s32 pid, const char *buf, size_t n)
{
	s32 v;

	(void)pid;
	(void)n;
	if (proc_parse_int(buf, &v) || v < PID_MAX_MIN || v > PID_MAX_LIMIT)
		return -EINVAL;
	return pid_max_set(v);
}

static int show_threads_max(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "%d\n", threads_max_get());
	return 0;
}

/* kernel/fork.c sysctl_max_threads(): in [1, MAX_THREADS]. */
static int write_threads_max(s32 pid, const char *buf, size_t n)
{
	s32 v;

	(void)pid;
	(void)n;
	if (proc_parse_int(buf, &v))
		return -EINVAL;
	return threads_max_set(v);
}

static int show_osrelease(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "6.1.0-tine\n");
	return 0;
}

static int show_ostype(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "Linux\n");
	return 0;
}

/* fs/file_table.c proc_nr_files: "allocated unused max" */
static int show_file_nr(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "%lu\t0\t%lu\n", nr_open_files(), file_max_get());
	return 0;
}

static int show_file_max(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "%lu\n", file_max_get());
	return 0;
}

static int write_file_max(s32 pid, const char *buf, size_t n)
{
	s32 v;

	(void)pid;
	(void)n;
	if (proc_parse_int(buf, &v))
		return -EINVAL;
	return file_max_set(v);
}

static int show_inode_nr(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "%lu\t0\n", nr_inodes());
	return 0;
}

static const struct proc_entry kernel_entries[] = {
	{ .name = "osrelease", .mode = S_IFREG | 0444, .show = show_osrelease },
	{ .name = "ostype", .mode = S_IFREG | 0444, .show = show_ostype },
	{ .name = "pid_max", .mode = S_IFREG | 0644, .show = show_pid_max,
	  .write = write_pid_max },
	{ .name = "threads-max", .mode = S_IFREG | 0644, .show = show_threads_max,
	  .write = write_threads_max },
};

static const struct proc_entry fs_entries[] = {
	{ .name = "file-max", .mode = S_IFREG | 0644, .show = show_file_max,
	  .write = write_file_max },
	{ .name = "file-nr", .mode = S_IFREG | 0444, .show = show_file_nr },
	{ .name = "inode-nr", .mode = S_IFREG | 0444, .show = show_inode_nr },
};

#ifdef TINE_DEBUG
static int write_provoke_crash(s32 pid, const char *buf, size_t n)
{
	(void)pid;
	return provoke_crash(buf, n);
}

static const struct proc_entry debug_entries[] = {
	{ .name = "provoke-crash", .mode = S_IFREG | 0200,
	  .write = write_provoke_crash },
};
#endif

static const struct proc_entry sys_entries[] = {
#ifdef TINE_DEBUG
	{ .name = "debug", .mode = S_IFDIR | 0555, .sub = debug_entries,
	  .nsub = ARRAY_SIZE(debug_entries) },
#endif
	{ .name = "fs", .mode = S_IFDIR | 0555, .sub = fs_entries,
	  .nsub = ARRAY_SIZE(fs_entries) },
	{ .name = "kernel", .mode = S_IFDIR | 0555, .sub = kernel_entries,
	  .nsub = ARRAY_SIZE(kernel_entries) },
};

static struct dentry *proc_sys_lookup(struct inode *dir, struct dentry *parent,
				      const char *name)
{
	(void)dir;
	return proc_lookup_entries(parent, name, sys_entries,
				   ARRAY_SIZE(sys_entries), 0);
}

static long proc_sys_iterate(struct file *f, void *buf, size_t n)
{
	return proc_emit_entries(f, buf, n, sys_entries, ARRAY_SIZE(sys_entries), 0);
}

const struct inode_operations proc_sys_iops = {
	.lookup = proc_sys_lookup,
	.evict = proc_evict,
};

const struct file_operations proc_sys_fops = {
	.iterate = proc_sys_iterate,
	.llseek = generic_file_llseek,
};
