/*
 * struct file, the open file description: layer two of three.  One is made
 * by each open() (and pipe(), two); dup, fork and SCM-less fd passing only
 * add references (f_count).  It holds what POSIX says belongs to the open
 * file description rather than to the fd or the inode: the offset, the
 * status flags (O_APPEND, O_NONBLOCK) and the access mode.  The last fput()
 * releases it: the driver's release hook, then the dentry and inode.
 * Linux's fs.file-max limits how many exist (ENFILE), root excepted.
 */
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/format.h>
#include <tine/panic.h>
#include <tine/errno.h>

static u64 files_in_use;	/* nr_open_files() */
static u64 file_max = FILE_MAX_DEFAULT;	/* /proc/sys/fs/file-max */

/*
 * A new file for inode ino (named by dentry d, which may be NULL for pipes)
 * with one reference.  Takes references on d and ino of its own.
 */
struct file *alloc_file(struct dentry *d, struct inode *ino, u32 flags,
			const struct file_operations *fop, long *err)
{
	struct file *f;

	/* "ENFILE: The system-wide limit on the total number of open files
	 * has been reached" (open(2)); CAP_SYS_ADMIN may go beyond it. */
	if (files_in_use >= file_max && current->cred->euid != 0) {
		*err = -ENFILE;
		return NULL;
	}
	f = kzalloc(sizeof(*f));
	if (!f) {
		*err = -ENOMEM;
		return NULL;
	}
	f->f_count = 1;
	spin_lock_init(&f->f_pos_lock, "f_pos_lock");
	f->f_flags = flags;
	f->f_inode = iget(ino);
	f->f_dentry = d ? dget(d) : NULL;
	f->f_op = fop;
	files_in_use++;
	return f;
}

struct file *get_file(struct file *f)
{
	f->f_count++;
	return f;
}

/* Drop a reference; the last one releases the file. */
void fput(struct file *f)
{
	BUG_ON(f->f_count == 0);
	if (--f->f_count > 0)
		return;
	if (f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	if (f->f_dentry)
		dput(f->f_dentry);
	iput(f->f_inode);
	kfree(f);
	files_in_use--;
}

u64 file_max_get(void)
{
	return file_max;
}

/* Linux takes any value from 0 up; files already open stay open. */
int file_max_set(s64 v)
{
	if (v < 0)
		return -EINVAL;
	file_max = (u64)v;
	return 0;
}

u64 nr_open_files(void)
{
	return files_in_use;
}

/* Prepend s (len bytes) before buf[*pos]; false if it does not fit. */
static bool prepend(char *buf, size_t *pos, const char *s, size_t len)
{
	if (len > *pos)
		return false;
	*pos -= len;
	memcpy(buf + *pos, s, len);
	return true;
}

/*
 * The absolute path of d, as getcwd and /proc/PID/fd show it, with
 * " (deleted)" after an unlinked name.  Length, or -ENAMETOOLONG.
 */
int dentry_path(struct dentry *d, char *buf, size_t n)
{
	size_t pos = n - 1;
	bool deleted = d_unlinked(d);

	if (n < 2)
		return -ENAMETOOLONG;
	buf[pos] = 0;
	while (d != root_dentry) {
		if (d->d_parent == d) {
			if (!d->d_mountpoint)
				break;		/* a detached tree */
			d = d->d_mountpoint;
			continue;
		}
		if (!prepend(buf, &pos, d->d_name, strlen(d->d_name)) ||
		    !prepend(buf, &pos, "/", 1))
			return -ENAMETOOLONG;
		d = d->d_parent;
	}
	if (pos == n - 1 && !prepend(buf, &pos, "/", 1))
		return -ENAMETOOLONG;
	memmove(buf, buf + pos, n - pos);
	if (deleted && strlen(buf) + 11 <= n - 1)
		memcpy(buf + strlen(buf), " (deleted)", 11);
	return strlen(buf);
}

/* What readlink("/proc/PID/fd/N") shows for f. */
int file_path(struct file *f, char *buf, size_t n)
{
	if (file_is_pipe(f))
		return snprintf(buf, n, "pipe:[%llu]",
				(unsigned long long)f->f_inode->i_ino);
	if (!f->f_dentry)
		return snprintf(buf, n, "anon_inode:[%llu]",
				(unsigned long long)f->f_inode->i_ino);
	return dentry_path(f->f_dentry, buf, n);
}
