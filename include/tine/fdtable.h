/*
 * files_struct: the per-process file descriptor table, layer one of three.
 * fd[n] points at a struct file; close_on_exec is a bitmap beside it.
 * Shared between tasks created with CLONE_FILES, copied by fork.
 */
#ifndef TINE_FDTABLE_H
#define TINE_FDTABLE_H

#include <tine/types.h>
#include <tine/spinlock.h>

struct file;

struct files_struct {
	u32 count;			/* tasks sharing this table */
	spinlock_t file_lock;		/* guards everything below */
	int max_fds;			/* capacity of fd[] */
	struct file **fd;
	u64 *close_on_exec;		/* bitmap, max_fds bits */
	int next_fd;			/* lowest possibly free slot */
};

struct files_struct *files_alloc(void);
struct files_struct *get_files_struct(struct files_struct *files); /* CLONE_FILES */
struct files_struct *dup_files(struct files_struct *old);	/* fork */
void put_files_struct(struct files_struct *files);		/* exit */
void files_close_on_exec(struct files_struct *files);		/* execve */

/* Install f at the lowest free fd >= minfd; the fd or -EMFILE. */
int fd_install_lowest(struct file *f, int minfd, bool cloexec);
/* The file at fd with a reference taken, or NULL (-EBADF for callers). */
struct file *fget(int fd);

/* Detach fd from the table and drop its file: 0 or -EBADF. */
int close_fd(int fd);
/* Put f (a reference the caller gives up) at fd, closing what was there. */
int replace_fd(int fd, struct file *f, bool cloexec);
bool get_close_on_exec(int fd);
void set_close_on_exec(int fd, bool on);
/* The RLIMIT_NOFILE soft limit of the current task. */
u64 nofile_limit(void);

#endif
