/*
 * Filesystem types and the mount table.  A filesystem type is a name and a
 * function that makes a fresh instance and returns its root dentry.  Mounting
 * hangs that root on a directory: the directory's d_mounted points at the new
 * root and the root's d_mountpoint back at the directory, which is all the
 * path walk needs (namei.c).  vfs_init() makes the root filesystem, a ramfs,
 * and fills it like Linux's built-in initramfs (usr/default_cpio_list):
 * /dev, /dev/console (c 5 1) and /root, before the real initramfs is
 * unpacked over it.
 */
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/string.h>
#include <tine/format.h>
#include <tine/printk.h>
#include <tine/panic.h>
#include <tine/errno.h>
#include <tine/proc_fs.h>

#define MAX_FS_TYPES 8
#define MAX_MOUNTS 32

struct file_system_type {
	const char *name;
	struct dentry *(*mount)(void);
};

static struct file_system_type fs_types[MAX_FS_TYPES];
static int nr_fs_types;

/* The mounts made by mount(2), for umount and /proc/mounts. */
static struct mount {
	struct dentry *root;		/* NULL: a free slot */
	const char *type;
	char source[64];
} mounts[MAX_MOUNTS];

struct dentry *root_dentry;

/* Device numbers 0:N for filesystems without a device, as Linux's
 * get_anon_bdev() hands out. */
u32 new_anon_dev(void)
{
	static u32 next_minor = 1;

	return new_encode_dev(0, next_minor++);
}

int register_filesystem(const char *name, struct dentry *(*mount)(void))
{
	for (int i = 0; i < nr_fs_types; i++)
		if (strcmp(fs_types[i].name, name) == 0)
			return -EBUSY;
	if (nr_fs_types == MAX_FS_TYPES)
		return -ENOSPC;
	fs_types[nr_fs_types].name = name;
	fs_types[nr_fs_types].mount = mount;
	nr_fs_types++;
	return 0;
}

/* The name of the i-th registered filesystem type, in registration order
 * (as /proc/filesystems lists them), or NULL past the last. */
const char *filesystem_name(int i)
{
	return i >= 0 && i < nr_fs_types ? fs_types[i].name : NULL;
}

static struct file_system_type *find_fs_type(const char *name)
{
	for (int i = 0; i < nr_fs_types; i++)
		if (strcmp(fs_types[i].name, name) == 0)
			return &fs_types[i];
	return NULL;
}

static struct mount *find_mount(struct dentry *root)
{
	for (int i = 0; i < MAX_MOUNTS; i++)
		if (mounts[i].root == root)
			return &mounts[i];
	return NULL;
}

/* Hang the root of a new filesystem on directory mp; both references pass. */
static int do_mount(struct dentry *mp, struct dentry *root, const char *type,
		    const char *source)
{
	struct mount *m = find_mount(NULL);

	if (!m)
		return -ENOMEM;
	m->root = root;
	m->type = type;
	strlcpy(m->source, source, sizeof(m->source));
	mp->d_mounted = root;
	root->d_mountpoint = mp;
	return 0;
}

static void mknod_boot(const char *path, mode_t mode, u32 dev)
{
	if (boot_mknod(path, mode, dev, 0, 0, NULL))
		panic("vfs_init: cannot create %s", path);
}

/* Make the root filesystem and the device table.  Needs no task. */
void vfs_init(void)
{
	register_filesystem("ramfs", ramfs_mount);
	register_filesystem("tmpfs", tmpfs_mount);
	proc_init();
	root_dentry = ramfs_mount();
	if (!root_dentry)
		panic("vfs_init: cannot make the root filesystem");
	mknod_boot("/dev", S_IFDIR | 0755, 0);
	mknod_boot("/dev/console", S_IFCHR | 0600, new_encode_dev(5, 1));
	mknod_boot("/root", S_IFDIR | 0700, 0);
	mem_init();
	tty_init();
}

/* mount(2) flags we honour */
#define MS_RDONLY	1
#define MS_REMOUNT	32
#define MS_BIND		4096

static long copy_fstype(char *buf, size_t n, const char __user *ufs)
{
	long len = strncpy_from_user(buf, ufs, n);

	if (len < 0)
		return -EFAULT;
	if (len >= (long)n)
		return -ENODEV;
	return 0;
}

/*
 * mount(source, target, fstype, flags, data): new instances of registered
 * types only.  MS_REMOUNT is accepted and changes nothing; bind mounts are
 * not supported (EINVAL).  mount(2): "EPERM: the caller does not have the
 * required privileges", "ENODEV: filesystemtype not configured".
 */
long sys_mount(const char __user *source, const char __user *target,
	       const char __user *fstype, unsigned long flags, const void __user *data)
{
	char type[32], src[64] = "none";
	struct file_system_type *fst;
	struct dentry *mp, *root;
	long err;

	(void)data;
	if (current->cred->euid != 0)
		return -EPERM;
	err = user_path_at(AT_FDCWD, target, LOOKUP_FOLLOW, &mp);
	if (err)
		return err;
	if (flags & (MS_REMOUNT | MS_BIND)) {
		dput(mp);
		return (flags & MS_REMOUNT) ? 0 : -EINVAL;
	}
	/* A NULL type is do_new_mount()'s EINVAL; a bad pointer is EFAULT. */
	err = fstype ? copy_fstype(type, sizeof(type), fstype) : -EINVAL;
	if (!err && source && strncpy_from_user(src, source, sizeof(src)) < 0)
		err = -EFAULT;
	src[sizeof(src) - 1] = 0;
	fst = err ? NULL : find_fs_type(type);
	if (!err && !fst)
		err = -ENODEV;
	if (!err && !S_ISDIR(mp->d_inode->i_mode))
		err = -ENOTDIR;
	root = err ? NULL : fst->mount();
	if (!err && !root)
		err = -ENOMEM;
	if (!err)
		err = do_mount(mp, root, fst->name, src);
	if (err)
		dput(mp);
	return err;
}

#define MNT_FORCE	1
#define MNT_DETACH	2
#define UMOUNT_NOFOLLOW	8

/* umount2(target, flags): detach the filesystem whose root is target. */
long sys_umount2(const char __user *target, int flags)
{
	struct dentry *root, *mp;
	struct mount *m;
	long err;

	if (current->cred->euid != 0)
		return -EPERM;
	if (flags & ~(MNT_FORCE | MNT_DETACH | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = user_path_at(AT_FDCWD, target,
			   (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &root);
	if (err)
		return err;
	m = find_mount(root);
	if (!m || root == current->fs->root) {
		dput(root);
		return m ? -EBUSY : -EINVAL;
	}
	mp = root->d_mountpoint;
	mp->d_mounted = NULL;
	root->d_mountpoint = NULL;
	m->root = NULL;
	if (root->d_sb->s_magic == RAMFS_MAGIC || root->d_sb->s_magic == TMPFS_MAGIC)
		ramfs_kill_tree(root);
	dput(mp);
	dput(root);			/* the mount's reference */
	dput(root);			/* ours from the lookup */
	return 0;
}

/* One line per mount, like /proc/mounts: "source path type rw 0 0". */
int mounts_show(char *buf, size_t n)
{
	size_t used = 0;
	char path[256];

	used += snprintf(buf, n, "rootfs / rootfs rw 0 0\n");
	for (int i = 0; i < MAX_MOUNTS && used < n; i++) {
		if (!mounts[i].root)
			continue;
		if (dentry_path(mounts[i].root->d_mountpoint, path, sizeof(path)) < 0)
			continue;
		used += snprintf(buf + used, n - used, "%s %s %s rw 0 0\n",
				 mounts[i].source, path, mounts[i].type);
	}
	return used < n ? (int)used : (int)n;
}
