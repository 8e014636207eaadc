/*
 * getdents64: list a directory.  The filesystem's iterate operation walks
 * its entries from f_pos and calls dir_emit() for each; dir_emit() packs a
 * struct linux_dirent64 into the user's buffer and says when it is full.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/syscalls.h>
#include <tine/string.h>
#include <tine/errno.h>

struct linux_dirent64 {
	u64 d_ino;
	s64 d_off;			/* f_pos of the entry after this one */
	u16 d_reclen;
	u8 d_type;			/* DT_*: the file type bits of the mode */
	char d_name[];
};

/* Pack one entry; false (and ctx->full) when it does not fit. */
bool dir_emit(struct dir_context *ctx, const char *name, u64 ino, mode_t mode,
	      u64 pos)
{
	size_t namelen = strlen(name);
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + namelen + 1, 8);
	char rec[offsetof(struct linux_dirent64, d_name) + NAME_MAX + 9];
	struct linux_dirent64 *de = (struct linux_dirent64 *)rec;

	if (namelen > NAME_MAX || ctx->used + reclen > ctx->size) {
		ctx->full = true;
		return false;
	}
	memset(rec, 0, reclen);
	de->d_ino = ino;
	de->d_off = pos;
	de->d_reclen = reclen;
	de->d_type = (mode >> 12) & 15;
	memcpy(de->d_name, name, namelen);
	if (copy_to_user(ctx->buf + ctx->used, rec, reclen)) {
		ctx->full = true;
		ctx->error = -EFAULT;
		return false;
	}
	ctx->used += reclen;
	return true;
}

/* As Linux's getdents64: the entries copied count even if a later copy
 * faulted; with none, the fault (EFAULT) or "Result buffer is too small"
 * (EINVAL). */
long dir_result(const struct dir_context *ctx)
{
	if (ctx->used)
		return (long)ctx->used;
	if (ctx->error)
		return ctx->error;
	return ctx->full ? -EINVAL : 0;
}

/* getdents64(2): EBADF, ENOTDIR ("File descriptor does not refer to a
 * directory"), EINVAL (buffer too small), EFAULT. */
long sys_getdents64(int fd, void __user *buf, unsigned int count)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	if (f->f_flags & O_PATH)
		r = -EBADF;
	else if (!f->f_op->iterate)
		r = -ENOTDIR;
	else if (!access_ok(buf, count))
		r = -EFAULT;
	else
		r = f->f_op->iterate(f, buf, count);
	fput(f);
	return r;
}
