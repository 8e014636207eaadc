/*
 * stat, fstat, lstat, newfstatat, statx, readlink and readlinkat: reading an
 * inode's attributes out to user space.  struct stat is the x86-64 Linux
 * layout (arch/x86/include/uapi/asm/stat.h), 144 bytes; statx's is the
 * generic 256-byte one.  Device numbers use the new_encode_dev() layout,
 * which is what glibc's and musl's major()/minor() decode.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/syscalls.h>
#include <tine/string.h>
#include <tine/slab.h>
#include <tine/errno.h>

struct stat {
	u64 st_dev;
	u64 st_ino;
	u64 st_nlink;
	u32 st_mode;
	u32 st_uid;
	u32 st_gid;
	u32 __pad0;
	u64 st_rdev;
	s64 st_size;
	s64 st_blksize;
	s64 st_blocks;			/* 512-byte units */
	u64 st_atime, st_atime_nsec;
	u64 st_mtime, st_mtime_nsec;
	u64 st_ctime, st_ctime_nsec;
	s64 __unused[3];
};
_Static_assert(sizeof(struct stat) == 144, "x86-64 struct stat is 144 bytes");

struct statx_timestamp {
	s64 tv_sec;
	u32 tv_nsec;
	s32 __reserved;
};

struct statx {
	u32 stx_mask, stx_blksize;
	u64 stx_attributes;
	u32 stx_nlink, stx_uid, stx_gid;
	u16 stx_mode, __spare0;
	u64 stx_ino, stx_size, stx_blocks, stx_attributes_mask;
	struct statx_timestamp stx_atime, stx_btime, stx_ctime, stx_mtime;
	u32 stx_rdev_major, stx_rdev_minor, stx_dev_major, stx_dev_minor;
	u64 stx_mnt_id;
	u64 __spare3[13];
};
_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");

#define STATX_BASIC_STATS 0x7ff
#define AT_STATX_SYNC_TYPE 0x6000

static u64 blocks_of(struct inode *ino)
{
	return pagecache_nr_pages(ino) * (4096 / 512);
}

static long put_stat(struct inode *ino, struct stat __user *ust)
{
	struct stat st;

	memset(&st, 0, sizeof(st));
	st.st_dev = ino->i_sb ? ino->i_sb->s_dev : 0;
	st.st_ino = ino->i_ino;
	st.st_nlink = ino->i_nlink;
	st.st_mode = ino->i_mode;
	st.st_uid = ino->i_uid;
	st.st_gid = ino->i_gid;
	st.st_rdev = ino->i_rdev;
	st.st_size = ino->i_size;
	st.st_blksize = 4096;
	st.st_blocks = blocks_of(ino);
	st.st_atime = ino->i_atime.tv_sec;
	st.st_atime_nsec = ino->i_atime.tv_nsec;
	st.st_mtime = ino->i_mtime.tv_sec;
	st.st_mtime_nsec = ino->i_mtime.tv_nsec;
	st.st_ctime = ino->i_ctime.tv_sec;
	st.st_ctime_nsec = ino->i_ctime.tv_nsec;
	return copy_to_user(ust, &st, sizeof(st)) ? -EFAULT : 0;
}

/*
 * The inode that a *stat*at() call names: the fd itself for an empty path
 * with AT_EMPTY_PATH (any fd, pipes too), else the path walked from dfd.
 * Returns a referenced inode or NULL with *err.
 */
static struct inode *stat_target(int dfd, const char __user *upath, int flags,
				 long *err)
{
	struct dentry *d;
	struct inode *ino;
	char c;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_STATX_SYNC_TYPE)) {
		*err = -EINVAL;
		return NULL;
	}
	if ((flags & AT_EMPTY_PATH) && copy_from_user(&c, upath, 1) == 0 && !c) {
		struct file *f = fget(dfd);
		if (!f) {
			*err = -EBADF;
			return NULL;
		}
		ino = iget(f->f_inode);
		fput(f);
		return ino;
	}
	*err = user_path_at(dfd, upath,
			    (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &d);
	if (*err)
		return NULL;
	ino = iget(d->d_inode);
	dput(d);
	return ino;
}

long sys_newfstatat(int dfd, const char __user *path, struct stat __user *st,
		    int flags)
{
	long err;
	struct inode *ino = stat_target(dfd, path, flags, &err);

	if (!ino)
		return err;
	err = put_stat(ino, st);
	iput(ino);
	return err;
}

long sys_stat(const char __user *path, struct stat __user *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, 0);
}

long sys_lstat(const char __user *path, struct stat __user *st)
{
	return sys_newfstatat(AT_FDCWD, path, st, AT_SYMLINK_NOFOLLOW);
}

long sys_fstat(int fd, struct stat __user *st)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = put_stat(f->f_inode, st);
	fput(f);
	return err;
}

static struct statx_timestamp stx_time(struct timespec64 t)
{
	struct statx_timestamp s = { t.tv_sec, (u32)t.tv_nsec, 0 };
	return s;
}

long sys_statx(int dfd, const char __user *path, int flags, unsigned int mask,
	       struct statx __user *ubuf)
{
	struct statx sx;
	struct inode *ino;
	long err;

	(void)mask;		/* we always have every basic field */
	ino = stat_target(dfd, path, flags, &err);
	if (!ino)
		return err;
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS;
	sx.stx_blksize = 4096;
	sx.stx_nlink = ino->i_nlink;
	sx.stx_uid = ino->i_uid;
	sx.stx_gid = ino->i_gid;
	sx.stx_mode = ino->i_mode;
	sx.stx_ino = ino->i_ino;
	sx.stx_size = ino->i_size;
	sx.stx_blocks = blocks_of(ino);
	sx.stx_atime = stx_time(ino->i_atime);
	sx.stx_ctime = stx_time(ino->i_ctime);
	sx.stx_mtime = stx_time(ino->i_mtime);
	sx.stx_rdev_major = dev_major(ino->i_rdev);
	sx.stx_rdev_minor = dev_minor(ino->i_rdev);
	sx.stx_dev_major = ino->i_sb ? dev_major(ino->i_sb->s_dev) : 0;
	sx.stx_dev_minor = ino->i_sb ? dev_minor(ino->i_sb->s_dev) : 0;
	iput(ino);
	return copy_to_user(ubuf, &sx, sizeof(sx)) ? -EFAULT : 0;
}

/*
 * readlinkat(2): "places the contents of the symbolic link pathname in the
 * buffer buf ... does not append a terminating null byte ... truncate (to a
 * length of bufsiz characters)"; EINVAL if bufsiz <= 0 or not a symlink.
 */
long sys_readlinkat(int dfd, const char __user *path, char __user *buf, int bufsiz)
{
	struct dentry *d;
	struct inode *ino;
	char *tmp, c = 1;
	long err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	if (copy_from_user(&c, path, 1))
		return -EFAULT;
	err = user_path_at(dfd, path, LOOKUP_EMPTY, &d);
	if (err)
		return err;
	ino = d->d_inode;
	tmp = kmalloc(PATH_MAX);
	if (!tmp)
		err = -ENOMEM;
	else if (!S_ISLNK(ino->i_mode))
		err = c ? -EINVAL : -ENOENT;	/* Linux: "" names no link */
	else if (ino->i_op && ino->i_op->readlink)
		err = ino->i_op->readlink(ino, tmp, PATH_MAX);
	else
		err = strlcpy(tmp, ino->i_private ? ino->i_private : "", PATH_MAX);
	if (err >= 0) {
		len = MIN(err, bufsiz);
		err = copy_to_user(buf, tmp, len) ? -EFAULT : len;
	}
	kfree(tmp);
	dput(d);
	return err;
}

long sys_readlink(const char __user *path, char __user *buf, int bufsiz)
{
	return sys_readlinkat(AT_FDCWD, path, buf, bufsiz);
}
