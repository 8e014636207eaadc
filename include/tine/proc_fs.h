/*
 * procfs (kernel/fs/proc/): the /proc filesystem, whose files are made of
 * text generated from kernel objects when they are opened.  Two halves:
 *
 *  - the formatters (format.c): pure functions from a snapshot of plain
 *    numbers to Linux's exact text, host-tested against samples taken from
 *    Linux 6.1 (tests/unit/proc_format_test.c);
 *  - the inodes (root.c, base.c, fd.c, ...): directories that build their
 *    entries on lookup, and files whose show() gathers a snapshot from the
 *    live task or system and calls a formatter.
 *
 * A /proc/PID inode stores only the PID, never a task pointer: every access
 * looks the task up again, so a reaped task's files answer ENOENT/ESRCH and
 * an open file does not keep the task alive (Linux keeps a struct pid; Tine
 * keeps the number, which PID reuse after a full wrap could confuse).
 */
#ifndef TINE_PROC_FS_H
#define TINE_PROC_FS_H

#include <tine/types.h>

#define PROC_SUPER_MAGIC 0x9fa0
#define USER_HZ 100			/* clock_t ticks, sysconf(_SC_CLK_TCK) */

/* An output buffer: counts every byte, stores what fits (like seq_file). */
struct proc_buf {
	char *buf;
	size_t size;
	size_t len;			/* > size - 1 means it overflowed */
};

void pb_printf(struct proc_buf *pb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
bool pb_overflow(const struct proc_buf *pb);

/*
 * One task's figures, gathered once (array.c) for stat, status and statm.
 * Times are clock ticks (USER_HZ); memory figures are pages.
 */
struct proc_task_info {
	char comm[16];
	char state;			/* task_state_char(): R S D T Z X */
	bool sleeping_in_kernel;	/* for stat's wchan field */
	s32 pid, tgid, ppid, pgrp, session, tracer;
	s32 tty_nr, tpgid;
	u64 flags;			/* Linux PF_* bits */
	u64 min_flt, cmin_flt, maj_flt;
	u64 utime, stime, cutime, cstime;
	s32 nice, num_threads;
	u64 start_time;
	u64 rsslim;
	u32 umask;
	u32 uid[4], gid[4];		/* real, effective, saved, fs */
	const u32 *groups;		/* supplementary groups, sorted */
	u32 ngroups;
	u32 fdsize;
	u64 sig_pending, shared_pending, blocked, ignored, caught;
	u64 sigq, sigq_max;
	u64 cap_inh, cap_prm, cap_eff, cap_bnd;
	s32 exit_signal, exit_code;
	s32 processor;			/* the CPU it last ran on */
	u64 nvcsw, nivcsw;
	/* the address space; absent for zombies and kernel threads */
	bool has_mm;
	u64 total_vm, hiwater_vm, rss_anon, rss_file, hiwater_rss;
	u64 data_vm, stack_vm, exec_vm, pte_pages;
	u64 start_code, end_code, start_stack, start_data, end_data;
	u64 start_brk, arg_start, arg_end, env_start, env_end;
};

/* System-wide figures for /proc/meminfo, in pages. */
struct proc_mem_info {
	u64 total, free, slab, kernel_stack, page_tables;
	u64 anon, file, shmem, committed;
};

/* /proc/stat figures; the times are clock ticks. */
struct proc_cpu_times {
	u64 user, nice, system, idle;	/* clock ticks (USER_HZ) */
};

struct proc_cpu_info {
	int nr_cpus;
	struct proc_cpu_times cpu[8];	/* MAX_CPUS */
	u64 intr, ctxt, btime, processes;
	u64 running, blocked;
};

/* kernel/fs/proc/format.c: Linux's formats */
void proc_format_stat(struct proc_buf *pb, const struct proc_task_info *p);
void proc_format_status(struct proc_buf *pb, const struct proc_task_info *p);
void proc_format_statm(struct proc_buf *pb, const struct proc_task_info *p);
void proc_format_maps_line(struct proc_buf *pb, u64 start, u64 end, u64 flags,
			   u64 pgoff, u32 dev, u64 ino, const char *name);
void proc_format_loadavg(struct proc_buf *pb, const u64 loads[3],
			 int running, int threads, int last_pid);
void proc_format_meminfo(struct proc_buf *pb, const struct proc_mem_info *m);
void proc_format_uptime(struct proc_buf *pb, u64 uptime_ns, u64 idle_ns);
void proc_format_cpu_stat(struct proc_buf *pb, const struct proc_cpu_info *c);
const char *proc_state_name(char state);

/*
 * The inodes.  A regular procfs file names a show() that fills pb for the
 * task with that PID (0 for system files); the text is generated once at
 * open and read from that snapshot, so a reader sees one consistent state.
 * A write() hook makes the file writable (comm, pid_max).
 */
struct inode;
struct dentry;
struct file;
struct super_block;
struct task_struct;

struct proc_inode;
struct dir_context;

struct proc_entry {
	const char *name;
	u32 mode;			/* S_IF* | permissions */
	int (*show)(struct proc_buf *pb, s32 pid);	/* regular files */
	int (*show_fd)(struct proc_buf *pb, s32 pid, s32 fd);	/* fdinfo/N */
	int (*write)(s32 pid, const char *buf, size_t n);
	int (*readlink)(const struct proc_inode *pi, char *buf, size_t n);
	const struct proc_entry *sub;	/* a directory's children, */
	int nsub;
	const struct inode_operations *iop;	/* or its own operations */
	const struct file_operations *fop;	/* (a file's: instead of show) */
};

/* What i_private of a procfs inode points at. */
struct proc_inode {
	const struct proc_entry *entry;
	s32 pid;			/* the task it describes, 0 for none */
	s32 fd;				/* fd/N and fdinfo/N */
};

/* root.c */
struct dentry *proc_mount(void);
void proc_init(void);
/* inode.c: make the inode for one entry under parent */
struct dentry *proc_new_dentry(struct dentry *parent, const char *name,
			       const struct proc_entry *e, s32 pid, s32 fd);
u64 proc_ino(s32 pid, u32 index);
long proc_emit_entries(struct file *f, void *buf, size_t n,
		       const struct proc_entry *ents, int count, s32 pid);
bool proc_emit_dots(struct file *f, struct dir_context *ctx);
long proc_dir_result(const struct dir_context *ctx);
struct dentry *proc_lookup_entries(struct dentry *parent, const char *name,
				   const struct proc_entry *ents, int count,
				   s32 pid);
extern const struct file_operations proc_file_fops;
void proc_evict(struct inode *ino);
extern const struct inode_operations proc_link_iops;

/* base.c: /proc/PID, /proc/self, /proc/PID/task */
struct task_struct *proc_task(s32 pid);	/* NULL if gone (reaped) */
struct dentry *proc_pid_lookup(struct dentry *parent, const char *name);
long proc_pid_readdir(struct file *f, struct dir_context *ctx, u64 first_pos);
int proc_self_readlink(const struct proc_inode *pi, char *buf, size_t n);
int proc_thread_self_readlink(const struct proc_inode *pi, char *buf, size_t n);
int proc_parse_int(const char *s, s32 *v);
int proc_pid_limits(struct proc_buf *pb, s32 pid);
/* array.c */
void proc_task_info_get(struct task_struct *t, struct proc_task_info *p);
int proc_pid_stat(struct proc_buf *pb, s32 pid);
int proc_pid_status(struct proc_buf *pb, s32 pid);
int proc_pid_statm(struct proc_buf *pb, s32 pid);
/* task_mmu.c */
int proc_pid_maps(struct proc_buf *pb, s32 pid);
int proc_pid_smaps_rollup(struct proc_buf *pb, s32 pid);
/* fd.c */
extern const struct inode_operations proc_fd_iops, proc_fdinfo_iops;
extern const struct file_operations proc_fd_fops, proc_fdinfo_fops;
/* system files: meminfo.c, loadavg.c, stat.c, uptime.c, cpuinfo.c,
 * version.c, mounts.c, filesystems.c, sys.c, slabinfo.c */
int proc_meminfo_show(struct proc_buf *pb, s32 pid);
int proc_loadavg_show(struct proc_buf *pb, s32 pid);
int proc_stat_show(struct proc_buf *pb, s32 pid);
int proc_uptime_show(struct proc_buf *pb, s32 pid);
int proc_cpuinfo_show(struct proc_buf *pb, s32 pid);
int proc_version_show(struct proc_buf *pb, s32 pid);
int proc_mounts_show(struct proc_buf *pb, s32 pid);
int proc_filesystems_show(struct proc_buf *pb, s32 pid);
int proc_slabinfo_show(struct proc_buf *pb, s32 pid);
extern const struct inode_operations proc_sys_iops;	/* sys.c: /proc/sys */
extern const struct file_operations proc_sys_fops;
extern const struct inode_operations proc_tine_iops;	/* tine.c: /proc/tine */
extern const struct file_operations proc_tine_fops;

#endif
