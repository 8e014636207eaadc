/*
 * /proc/PID, /proc/self and /proc/PID/task/TID: the per-process directory
 * and its small files (cmdline, environ, comm, wchan, limits) and links
 * (cwd, root, exe).  Nothing here holds a task: each access finds the task
 * again by PID (proc_task), so a reaped process's directory answers ENOENT
 * from then on, and a process whose /proc files are open can still go.
 * cmdline and environ read the other process's memory by walking its page
 * tables, without faulting: a page it never touched reads as the end.
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/mm.h>
#include <tine/page.h>
#include <tine/paging.h>
#include <tine/format.h>
#include <tine/string.h>
#include <tine/errno.h>

/* The live or zombie task with this PID (or TID); NULL once reaped. */
struct task_struct *proc_task(s32 pid)
{
	struct task_struct *t = pid > 0 ? find_task_by_pid(pid) : NULL;

	if (!t || t->released || t->exit_state == EXIT_DEAD)
		return NULL;
	return t;
}

/* A decimal number, the whole string (a trailing newline allowed). */
int proc_parse_int(const char *s, s32 *v)
{
	s64 x = 0;

	if (*s < '0' || *s > '9')
		return -EINVAL;
	while (*s >= '0' && *s <= '9') {
		x = x * 10 + (*s++ - '0');
		if (x > 0x7fffffff)
			return -EINVAL;
	}
	if (*s == '\n')
		s++;
	if (*s)
		return -EINVAL;
	*v = (s32)x;
	return 0;
}

/* Copy [addr, addr+n) of mm into buf through the page tables: bytes copied,
 * stopping at the first page that is not present. */
static size_t access_remote(struct mm_struct *mm, u64 addr, char *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		pte_t *pte = pte_lookup(mm->pgd, addr, false);
		size_t off = addr & (PAGE_SIZE - 1);
		size_t len = MIN(n - done, PAGE_SIZE - off);

		if (!pte || !(*pte & PTE_P) || !(*pte & PTE_U))
			break;
		memcpy(buf + done, (char *)phys_to_virt(*pte & PTE_ADDR) + off, len);
		done += len;
		addr += len;
	}
	return done;
}

/* [start, end) of the task's memory as the file's text. */
static int show_user_range(struct proc_buf *pb, s32 pid, bool env)
{
	struct task_struct *t = proc_task(pid);
	struct mm_struct *mm = t ? t->mm : NULL;
	u64 start, end;

	if (!t)
		return -ESRCH;
	if (!mm || t->exit_state)
		return 0;		/* zombies and kernel threads: empty */
	start = env ? mm->env_start : mm->arg_start;
	end = env ? mm->env_end : mm->arg_end;
	if (end <= start || end - start > pb->size) {
		pb->len = end > start ? end - start : 0;	/* ask for room */
		return 0;
	}
	pb->len = access_remote(mm, start, pb->buf, end - start);
	return 0;
}

static int show_cmdline(struct proc_buf *pb, s32 pid)
{
	return show_user_range(pb, pid, false);
}

static int show_environ(struct proc_buf *pb, s32 pid)
{
	return show_user_range(pb, pid, true);
}

static int show_comm(struct proc_buf *pb, s32 pid)
{
	struct task_struct *t = proc_task(pid);

	if (!t)
		return -ESRCH;
	pb_printf(pb, "%s\n", t->comm);
	return 0;
}

/* comm_write(): the first TASK_COMM_LEN - 1 bytes become the name, as
 * written (a trailing newline included, as on Linux). */
static int write_comm(s32 pid, const char *buf, size_t n)
{
	struct task_struct *t = proc_task(pid);

	if (!t)
		return -ESRCH;
	memset(t->comm, 0, sizeof(t->comm));
	memcpy(t->comm, buf, MIN(n, sizeof(t->comm) - 1));
	return 0;
}

/* wchan: the name of what a sleeper waits in, "0" for a running task. */
static int show_wchan(struct proc_buf *pb, s32 pid)
{
	struct task_struct *t = proc_task(pid);
	char s;

	if (!t)
		return -ESRCH;
	s = task_state_char(t);
	pb_printf(pb, "%s", (s == 'S' || s == 'D') && t->wchan ? t->wchan : "0");
	return 0;
}

static const struct {
	const char *name, *unit;
} rlimit_names[RLIM_NLIMITS] = {
	{ "Max cpu time", "seconds" }, { "Max file size", "bytes" },
	{ "Max data size", "bytes" }, { "Max stack size", "bytes" },
	{ "Max core file size", "bytes" }, { "Max resident set", "bytes" },
	{ "Max processes", "processes" }, { "Max open files", "files" },
	{ "Max locked memory", "bytes" }, { "Max address space", "bytes" },
	{ "Max file locks", "locks" }, { "Max pending signals", "signals" },
	{ "Max msgqueue size", "bytes" }, { "Max nice priority", NULL },
	{ "Max realtime priority", NULL }, { "Max realtime timeout", "us" },
};

static void limit_value(struct proc_buf *pb, u64 v)
{
	if (v == RLIM_INFINITY)
		pb_printf(pb, "%-20s ", "unlimited");
	else
		pb_printf(pb, "%-20lu ", v);
}

/* fs/proc/base.c proc_pid_limits() */
int proc_pid_limits(struct proc_buf *pb, s32 pid)
{
	struct task_struct *t = proc_task(pid);

	if (!t || !t->signal)
		return -ESRCH;
	pb_printf(pb, "%-25s %-20s %-20s %-10s\n", "Limit", "Soft Limit",
		  "Hard Limit", "Units");
	for (int i = 0; i < RLIM_NLIMITS; i++) {
		pb_printf(pb, "%-25s ", rlimit_names[i].name);
		limit_value(pb, t->signal->rlim[i].rlim_cur);
		limit_value(pb, t->signal->rlim[i].rlim_max);
		if (rlimit_names[i].unit)
			pb_printf(pb, "%-10s\n", rlimit_names[i].unit);
		else
			pb_printf(pb, "\n");
	}
	return 0;
}

/* cwd, root: the fs_struct's dentries.  exe: the mm's executable. */
static int readlink_fs(const struct proc_inode *pi, char *buf, size_t n, bool root)
{
	struct task_struct *t = proc_task(pi->pid);

	if (!t || !t->fs)
		return -ENOENT;
	return dentry_path(root ? t->fs->root : t->fs->pwd, buf, n);
}

static int readlink_cwd(const struct proc_inode *pi, char *buf, size_t n)
{
	return readlink_fs(pi, buf, n, false);
}

static int readlink_root(const struct proc_inode *pi, char *buf, size_t n)
{
	return readlink_fs(pi, buf, n, true);
}

static int readlink_exe(const struct proc_inode *pi, char *buf, size_t n)
{
	struct task_struct *t = proc_task(pi->pid);

	if (!t || !t->mm || !t->mm->exe_file)
		return -ENOENT;
	return file_path(t->mm->exe_file, buf, n);
}

int proc_self_readlink(const struct proc_inode *pi, char *buf, size_t n)
{
	(void)pi;
	return snprintf(buf, n, "%d", current->tgid);
}

int proc_thread_self_readlink(const struct proc_inode *pi, char *buf, size_t n)
{
	(void)pi;
	return snprintf(buf, n, "%d/task/%d", current->tgid, current->pid);
}

static const struct inode_operations proc_task_iops;
static const struct file_operations proc_task_fops;

#define PID_FILE(n, m, fn) { .name = n, .mode = S_IFREG | (m), .show = fn }
#define PID_LINK(n, fn) { .name = n, .mode = S_IFLNK | 0777, .readlink = fn }
#define PID_DIR(n, m, i, f) { .name = n, .mode = S_IFDIR | (m), .iop = i, .fop = f }

/* A thread's directory: /proc/PID/task/TID. */
static const struct proc_entry tid_entries[] = {
	PID_FILE("cmdline", 0444, show_cmdline),
	{ .name = "comm", .mode = S_IFREG | 0644, .show = show_comm,
	  .write = write_comm },
	PID_LINK("cwd", readlink_cwd),
	PID_FILE("environ", 0400, show_environ),
	PID_LINK("exe", readlink_exe),
	PID_DIR("fd", 0500, &proc_fd_iops, &proc_fd_fops),
	PID_DIR("fdinfo", 0555, &proc_fdinfo_iops, &proc_fdinfo_fops),
	PID_FILE("limits", 0444, proc_pid_limits),
	PID_FILE("maps", 0444, proc_pid_maps),
	PID_LINK("root", readlink_root),
	PID_FILE("smaps_rollup", 0444, proc_pid_smaps_rollup),
	PID_FILE("stat", 0444, proc_pid_stat),
	PID_FILE("statm", 0444, proc_pid_statm),
	PID_FILE("status", 0444, proc_pid_status),
	PID_FILE("wchan", 0444, show_wchan),
};

/* A process's directory: the thread's entries plus task/. */
static const struct proc_entry tgid_entries[] = {
	PID_FILE("cmdline", 0444, show_cmdline),
	{ .name = "comm", .mode = S_IFREG | 0644, .show = show_comm,
	  .write = write_comm },
	PID_LINK("cwd", readlink_cwd),
	PID_FILE("environ", 0400, show_environ),
	PID_LINK("exe", readlink_exe),
	PID_DIR("fd", 0500, &proc_fd_iops, &proc_fd_fops),
	PID_DIR("fdinfo", 0555, &proc_fdinfo_iops, &proc_fdinfo_fops),
	PID_FILE("limits", 0444, proc_pid_limits),
	PID_FILE("maps", 0444, proc_pid_maps),
	{ .name = "mounts", .mode = S_IFREG | 0444, .show = proc_mounts_show },
	PID_LINK("root", readlink_root),
	PID_FILE("smaps_rollup", 0444, proc_pid_smaps_rollup),
	PID_FILE("stat", 0444, proc_pid_stat),
	PID_FILE("statm", 0444, proc_pid_statm),
	PID_FILE("status", 0444, proc_pid_status),
	PID_DIR("task", 0555, &proc_task_iops, &proc_task_fops),
	PID_FILE("wchan", 0444, show_wchan),
};

static const struct proc_entry tgid_dir = {
	.name = "", .mode = S_IFDIR | 0555,
	.sub = tgid_entries, .nsub = ARRAY_SIZE(tgid_entries),
};

static const struct proc_entry tid_dir = {
	.name = "", .mode = S_IFDIR | 0555,
	.sub = tid_entries, .nsub = ARRAY_SIZE(tid_entries),
};

/* /proc/N: any live PID or TID, as on Linux (TIDs are just not listed). */
struct dentry *proc_pid_lookup(struct dentry *parent, const char *name)
{
	s32 pid;

	if (proc_parse_int(name, &pid) || !proc_task(pid))
		return NULL;
	return proc_new_dentry(parent, name, &tgid_dir, pid, 0);
}

/* The smallest PID >= from whose task passes want(), or 0. */
static s32 next_pid(s32 from, bool (*want)(struct task_struct *, s32), s32 arg)
{
	s32 best = 0;
	struct list_head *p;

	list_for_each(p, &task_list) {
		struct task_struct *t = list_entry(p, struct task_struct, tasks);

		if (t->pid >= from && (!best || t->pid < best) &&
		    proc_task(t->pid) && want(t, arg))
			best = t->pid;
	}
	return best;
}

static bool is_process(struct task_struct *t, s32 unused)
{
	(void)unused;
	return t->pid > 0 && thread_group_leader(t);
}

static bool in_group(struct task_struct *t, s32 tgid)
{
	return t->tgid == tgid;
}

/* Emit the PIDs chosen by want() from f_pos on; f_pos = base + next PID. */
static long emit_pids(struct file *f, struct dir_context *ctx, u64 base,
		      bool (*want)(struct task_struct *, s32), s32 arg)
{
	char name[16];

	if (f->f_pos < base)
		f->f_pos = base;
	for (;;) {
		s32 pid = next_pid(f->f_pos - base, want, arg);

		if (!pid)
			break;
		snprintf(name, sizeof(name), "%d", pid);
		if (!dir_emit(ctx, name, proc_ino(pid, 0), S_IFDIR, base + pid + 1))
			break;
		f->f_pos = base + pid + 1;
	}
	return proc_dir_result(ctx);
}

/* The PID directories of the /proc root, from f_pos first_pos on. */
long proc_pid_readdir(struct file *f, struct dir_context *ctx, u64 first_pos)
{
	return emit_pids(f, ctx, first_pos, is_process, 0);
}

/* /proc/PID/task: one directory per thread of the group. */
static struct dentry *proc_task_lookup(struct inode *dir, struct dentry *parent,
				       const char *name)
{
	struct proc_inode *pi = dir->i_private;
	struct task_struct *leader = proc_task(pi->pid), *t;
	s32 tid;

	if (!leader || proc_parse_int(name, &tid))
		return NULL;
	t = proc_task(tid);
	if (!t || t->tgid != leader->tgid)
		return NULL;
	return proc_new_dentry(parent, name, &tid_dir, tid, 0);
}

static long proc_task_iterate(struct file *f, void *buf, size_t n)
{
	struct proc_inode *pi = f->f_inode->i_private;
	struct task_struct *leader = proc_task(pi->pid);
	struct dir_context ctx = { .buf = buf, .size = n };

	if (!leader)
		return -ENOENT;
	if (!proc_emit_dots(f, &ctx))
		return proc_dir_result(&ctx);
	return emit_pids(f, &ctx, 2, in_group, leader->tgid);
}

static const struct inode_operations proc_task_iops = {
	.lookup = proc_task_lookup,
	.evict = proc_evict,
};

static const struct file_operations proc_task_fops = {
	.iterate = proc_task_iterate,
	.llseek = generic_file_llseek,
};
