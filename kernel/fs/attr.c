/*
 * Changing and checking attributes: chmod, chown and their f/l/at forms,
 * utimensat, access/faccessat/faccessat2, umask, truncate and ftruncate.
 * The permission rules are chmod(2)'s and chown(2)'s: only the owner (or
 * root) may change the mode; only root may give a file away; the owner may
 * change the group to one it is in.
 */
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/time.h>
#include <tine/errno.h>

/* The inode an *at() call names, referenced; NULL with *err. */
static struct inode *target_at(int dfd, const char __user *path, int flags,
			       long *err)
{
	struct dentry *d;
	struct inode *ino;
	unsigned int lf = (flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW;

	if (flags & AT_EMPTY_PATH)
		lf |= LOOKUP_EMPTY;
	*err = user_path_at(dfd, path, lf, &d);
	if (*err)
		return NULL;
	ino = iget(d->d_inode);
	dput(d);
	return ino;
}

static struct inode *target_fd(int fd, long *err)
{
	struct file *f = fget(fd);
	struct inode *ino;

	if (!f) {
		*err = -EBADF;
		return NULL;
	}
	ino = iget(f->f_inode);
	fput(f);
	return ino;
}

static bool is_owner(struct inode *ino)
{
	uid_t fsuid = current->cred->fsuid;

	return fsuid == 0 || fsuid == ino->i_uid;
}

/* chmod(2): "EPERM: the effective UID does not match the owner of the
 * file, and the process is not privileged".  A non-root caller outside the
 * file's group loses S_ISGID, as Linux's setattr_prepare() does. */
static long do_chmod(struct inode *ino, mode_t mode)
{
	const struct cred *c = current->cred;

	if (!is_owner(ino))
		return -EPERM;
	mode &= 07777;
	if (c->fsuid != 0 && !in_group_p(ino->i_gid))
		mode &= ~02000;
	ino->i_mode = (ino->i_mode & S_IFMT) | mode;
	ino->i_ctime = current_time();
	return 0;
}

/* chown(2): only root changes the owner; the owner may change the group
 * to its own; -1 leaves an id alone.  The set-user/group-ID bits of a
 * non-directory are cleared, as on Linux. */
static long do_chown(struct inode *ino, uid_t uid, gid_t gid)
{
	const struct cred *c = current->cred;

	bool owner = c->fsuid == ino->i_uid;

	if (c->fsuid != 0) {
		if (uid != (uid_t)-1 && !(owner && uid == ino->i_uid))
			return -EPERM;
		if (gid != (gid_t)-1 && !(owner && (in_group_p(gid) || gid == ino->i_gid)))
			return -EPERM;
	}
	if (uid != (uid_t)-1)
		ino->i_uid = uid;
	if (gid != (gid_t)-1)
		ino->i_gid = gid;
	if (!S_ISDIR(ino->i_mode) && (uid != (uid_t)-1 || gid != (gid_t)-1)) {
		ino->i_mode &= ~04000;
		if (ino->i_mode & 010)
			ino->i_mode &= ~02000;
	}
	ino->i_ctime = current_time();
	return 0;
}

long sys_fchmodat(int dfd, const char __user *path, mode_t mode)
{
	long err;
	struct inode *ino = target_at(dfd, path, 0, &err);

	if (!ino)
		return err;
	err = do_chmod(ino, mode);
	iput(ino);
	return err;
}

long sys_chmod(const char __user *path, mode_t mode)
{
	return sys_fchmodat(AT_FDCWD, path, mode);
}

long sys_fchmod(int fd, mode_t mode)
{
	long err;
	struct inode *ino = target_fd(fd, &err);

	if (!ino)
		return err;
	err = do_chmod(ino, mode);
	iput(ino);
	return err;
}

long sys_fchownat(int dfd, const char __user *path, uid_t uid, gid_t gid, int flags)
{
	long err;
	struct inode *ino;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	ino = target_at(dfd, path, flags, &err);
	if (!ino)
		return err;
	err = do_chown(ino, uid, gid);
	iput(ino);
	return err;
}

long sys_chown(const char __user *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, 0);
}

long sys_lchown(const char __user *path, uid_t uid, gid_t gid)
{
	return sys_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}

long sys_fchown(int fd, uid_t uid, gid_t gid)
{
	long err;
	struct inode *ino = target_fd(fd, &err);

	if (!ino)
		return err;
	err = do_chown(ino, uid, gid);
	iput(ino);
	return err;
}

#define UTIME_NOW	((1l << 30) - 1l)
#define UTIME_OMIT	((1l << 30) - 2l)

static void set_time(struct timespec64 *t, const struct timespec_user *u)
{
	if (!u || u->tv_nsec == UTIME_NOW) {
		*t = current_time();
	} else if (u->tv_nsec != UTIME_OMIT) {
		t->tv_sec = u->tv_sec;
		t->tv_nsec = u->tv_nsec;
	}
}

static bool bad_nsec(const struct timespec_user *u)
{
	return u->tv_nsec != UTIME_NOW && u->tv_nsec != UTIME_OMIT &&
	       (u->tv_nsec < 0 || u->tv_nsec >= (s64)NSEC_PER_SEC);
}

/*
 * utimensat(2).  Setting both times to now needs write permission or
 * ownership; setting explicit times needs ownership (EPERM).  A NULL path
 * means the file dfd itself (the futimens() case).
 */
long sys_utimensat(int dfd, const char __user *path,
		   const struct timespec_user __user *utimes, int flags)
{
	struct timespec_user ts[2];
	bool explicit = false;
	struct inode *ino;
	long err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (utimes) {
		if (copy_from_user(ts, utimes, sizeof(ts)))
			return -EFAULT;
		if (bad_nsec(&ts[0]) || bad_nsec(&ts[1]))
			return -EINVAL;
		explicit = ts[0].tv_nsec != UTIME_NOW || ts[1].tv_nsec != UTIME_NOW;
	}
	ino = path ? target_at(dfd, path, flags, &err) : target_fd(dfd, &err);
	if (!ino)
		return err;
	err = 0;
	if (explicit && !is_owner(ino))
		err = -EPERM;
	else if (!explicit && !is_owner(ino))
		err = inode_permission(ino, MAY_WRITE);
	if (!err) {
		set_time(&ino->i_atime, utimes ? &ts[0] : NULL);
		set_time(&ino->i_mtime, utimes ? &ts[1] : NULL);
		ino->i_ctime = current_time();
	}
	iput(ino);
	return err;
}

#define F_OK 0
#define X_OK 1
#define W_OK 2
#define R_OK 4

/*
 * faccessat2(2): "The check is done using the calling process's real UID
 * and GID, rather than the effective IDs" unless AT_EACCESS; root passes
 * everything but X_OK on a file with no execute bit.
 */
long sys_faccessat2(int dfd, const char __user *path, int mode, int flags)
{
	struct cred *cred = current->cred;
	uid_t fsuid = cred->fsuid;
	gid_t fsgid = cred->fsgid;
	struct inode *ino;
	long err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EACCESS | AT_EMPTY_PATH))
		return -EINVAL;
	if (!(flags & AT_EACCESS)) {
		cred->fsuid = cred->uid;	/* Linux overrides creds the same way */
		cred->fsgid = cred->gid;
	}
	ino = target_at(dfd, path, flags & ~AT_EACCESS, &err);
	if (ino) {
		err = mode ? inode_permission(ino, mode) : 0;
		iput(ino);
	}
	cred->fsuid = fsuid;
	cred->fsgid = fsgid;
	return err;
}

long sys_faccessat(int dfd, const char __user *path, int mode)
{
	return sys_faccessat2(dfd, path, mode, 0);
}

long sys_access(const char __user *path, int mode)
{
	return sys_faccessat2(AT_FDCWD, path, mode, 0);
}

/* umask(2): "always succeeds, and the previous value of the mask is
 * returned". */
long sys_umask(int mask)
{
	mode_t old = current->fs->umask;

	current->fs->umask = mask & 0777;
	return old;
}

static long do_truncate(struct inode *ino, s64 len)
{
	if (len < 0)
		return -EINVAL;
	if (S_ISDIR(ino->i_mode))
		return -EISDIR;
	if (!S_ISREG(ino->i_mode) || !ino->i_op || !ino->i_op->setsize)
		return -EINVAL;
	return ino->i_op->setsize(ino, len);
}

/* truncate(2): needs write permission (EACCES), not a directory (EISDIR). */
long sys_truncate(const char __user *path, s64 len)
{
	long err;
	struct inode *ino = target_at(AT_FDCWD, path, 0, &err);

	if (!ino)
		return err;
	err = S_ISDIR(ino->i_mode) ? -EISDIR : inode_permission(ino, MAY_WRITE);
	if (!err)
		err = do_truncate(ino, len);
	iput(ino);
	return err;
}

/* ftruncate(2): "EBADF or EINVAL: fd is not open for writing"; Linux says
 * EINVAL, and EINVAL too for a non-regular file. */
long sys_ftruncate(int fd, s64 len)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	if (f->f_flags & O_PATH)
		err = -EBADF;
	else if ((f->f_flags & O_ACCMODE) == O_RDONLY || S_ISDIR(f->f_inode->i_mode))
		err = -EINVAL;
	else
		err = do_truncate(f->f_inode, len);
	fput(f);
	return err;
}
