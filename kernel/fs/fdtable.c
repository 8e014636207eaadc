/*
 * files_struct, the file descriptor table: layer one of three.  fd[n]
 * points at a struct file (layer two); close_on_exec is a bitmap beside it.
 * The table grows on demand and a new fd is always the lowest free slot
 * ("The file descriptor returned by a successful call will be the
 * lowest-numbered file descriptor not currently open for the process",
 * open(2)), below the RLIMIT_NOFILE soft limit (EMFILE).  fork copies the
 * table, taking a reference on every file, so parent and child share each
 * open file description and its offset; CLONE_FILES shares the table itself.
 * This file also owns fs_struct (cwd, root, umask), which CLONE_FS shares.
 */
#include <tine/fs.h>
#include <tine/locks.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/trace.h>

#define NR_OPEN_DEFAULT 64		/* first table size, one bitmap word */

static size_t bitmap_bytes(int nr)
{
	return ALIGN_UP(nr, 64) / 8;
}

static struct files_struct *files_new(int max_fds)
{
	struct files_struct *files = kzalloc(sizeof(*files));

	if (!files)
		return NULL;
	files->fd = kzalloc(max_fds * sizeof(struct file *));
	files->close_on_exec = kzalloc(bitmap_bytes(max_fds));
	if (!files->fd || !files->close_on_exec) {
		kfree(files->fd);
		kfree(files->close_on_exec);
		kfree(files);
		return NULL;
	}
	files->count = 1;
	spin_lock_init(&files->file_lock, "file_lock");
	files->max_fds = max_fds;
	return files;
}

/* An empty table (PID 1, kernel threads). */
struct files_struct *files_alloc(void)
{
	return files_new(NR_OPEN_DEFAULT);
}

struct files_struct *get_files_struct(struct files_struct *files)
{
	files->count++;
	return files;
}

/* fork without CLONE_FILES: a copy sharing every open file description. */
struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = files_new(old->max_fds);

	if (!files)
		return NULL;
	for (int i = 0; i < old->max_fds; i++)
		if (old->fd[i])
			files->fd[i] = get_file(old->fd[i]);
	memcpy(files->close_on_exec, old->close_on_exec, bitmap_bytes(old->max_fds));
	files->next_fd = old->next_fd;
	return files;
}

/* Every fd that goes away comes here: the file loses this reference, and
 * the process (owner) its record locks on the file (fcntl(2)). */
static void filp_close(int fd, struct file *f, struct files_struct *owner)
{
	trace_fd_close(fd, f);
	locks_remove_posix(f, owner);
	fput(f);
}

/* Drop a task's use of the table; the last user closes every fd. */
void put_files_struct(struct files_struct *files)
{
	if (--files->count > 0)
		return;
	for (int i = 0; i < files->max_fds; i++)
		if (files->fd[i])
			filp_close(i, files->fd[i], files);
	kfree(files->fd);
	kfree(files->close_on_exec);
	kfree(files);
}

static bool test_bit(const u64 *map, int n)
{
	return map[n / 64] & (1ULL << (n % 64));
}

static void assign_bit(u64 *map, int n, bool on)
{
	if (on)
		map[n / 64] |= 1ULL << (n % 64);
	else
		map[n / 64] &= ~(1ULL << (n % 64));
}

/* Remove fd from the table; the file (with the table's reference) or NULL. */
static struct file *pick_fd(struct files_struct *files, int fd)
{
	struct file *f;

	if (fd < 0 || fd >= files->max_fds || !files->fd[fd])
		return NULL;
	f = files->fd[fd];
	files->fd[fd] = NULL;
	assign_bit(files->close_on_exec, fd, false);
	if (fd < files->next_fd)
		files->next_fd = fd;
	return f;
}

/* execve: "By default, file descriptors remain open across an execve().
 * File descriptors that are marked close-on-exec are closed." */
void files_close_on_exec(struct files_struct *files)
{
	for (int i = 0; i < files->max_fds; i++) {
		if (test_bit(files->close_on_exec, i)) {
			struct file *f = pick_fd(files, i);
			if (f)
				filp_close(i, f, files);
		}
	}
}

/* Grow the table to hold fd nr; 0 or -EMFILE/-ENOMEM. */
static int expand_files(struct files_struct *files, int nr)
{
	int max = files->max_fds;
	struct file **fd;
	u64 *bits;

	if (nr < max)
		return 0;
	if (nr >= NR_OPEN)
		return -EMFILE;
	while (max <= nr)
		max *= 2;
	fd = kzalloc(max * sizeof(*fd));
	bits = kzalloc(bitmap_bytes(max));
	if (!fd || !bits) {
		kfree(fd);
		kfree(bits);
		return -ENOMEM;
	}
	memcpy(fd, files->fd, files->max_fds * sizeof(*fd));
	memcpy(bits, files->close_on_exec, bitmap_bytes(files->max_fds));
	kfree(files->fd);
	kfree(files->close_on_exec);
	files->fd = fd;
	files->close_on_exec = bits;
	files->max_fds = max;
	return 0;
}

u64 nofile_limit(void)
{
	return current->signal->rlim[RLIMIT_NOFILE].rlim_cur;
}

/*
 * Install f at the lowest free fd >= minfd, taking over the caller's
 * reference.  Returns the fd, or -EMFILE ("The per-process limit on the
 * number of open file descriptors has been reached") without touching f.
 */
int fd_install_lowest(struct file *f, int minfd, bool cloexec)
{
	struct files_struct *files = current->files;
	u64 limit = nofile_limit();
	int fd = MAX(minfd, files->next_fd);
	int err;

	while (fd < files->max_fds && files->fd[fd])
		fd++;
	if ((u64)fd >= limit)
		return -EMFILE;
	err = expand_files(files, fd);
	if (err)
		return err;
	files->fd[fd] = f;
	assign_bit(files->close_on_exec, fd, cloexec);
	if (minfd <= files->next_fd)
		files->next_fd = fd + 1;
	trace_fd_install(fd, f);
	return fd;
}

/* Put f at exactly fd (dup2, dup3), closing what was there. */
int replace_fd(int fd, struct file *f, bool cloexec)
{
	struct files_struct *files = current->files;
	struct file *old;
	int err;

	if (fd < 0 || (u64)fd >= nofile_limit())
		return -EBADF;
	err = expand_files(files, fd);
	if (err)
		return err;
	old = files->fd[fd];
	files->fd[fd] = f;
	assign_bit(files->close_on_exec, fd, cloexec);
	if (old)
		filp_close(fd, old, files);
	trace_fd_install(fd, f);
	return fd;
}

struct file *fget(int fd)
{
	struct files_struct *files = current->files;

	if (fd < 0 || fd >= files->max_fds || !files->fd[fd])
		return NULL;
	return get_file(files->fd[fd]);
}

int close_fd(int fd)
{
	struct file *f = pick_fd(current->files, fd);

	if (!f)
		return -EBADF;
	filp_close(fd, f, current->files);
	return 0;
}

bool get_close_on_exec(int fd)
{
	return test_bit(current->files->close_on_exec, fd);
}

void set_close_on_exec(int fd, bool on)
{
	assign_bit(current->files->close_on_exec, fd, on);
}

/* fs_struct for PID 1: root and cwd "/", umask 022 (Linux's init_fs). */
struct fs_struct *fs_struct_root(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock, "fs_struct");
	fs->root = dget(root_dentry);
	fs->pwd = dget(root_dentry);
	fs->umask = 022;
	return fs;
}

/* fork without CLONE_FS: same root, cwd and umask, changed independently. */
struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs));

	if (!fs)
		return NULL;
	fs->users = 1;
	spin_lock_init(&fs->lock, "fs_struct");
	fs->root = dget(old->root);
	fs->pwd = dget(old->pwd);
	fs->umask = old->umask;
	return fs;
}

void put_fs_struct(struct fs_struct *fs)
{
	if (--fs->users > 0)
		return;
	dput(fs->root);
	dput(fs->pwd);
	kfree(fs);
}
