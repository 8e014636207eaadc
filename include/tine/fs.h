/*
 * The VFS objects.  Three layers, as the processes page draws them:
 *   fd (files_struct, per process)  ->  struct file (open file description:
 *   offset, flags; shared by dup and fork)  ->  struct inode (the file).
 * Names are tied to inodes by dentries, which form the directory tree.  On the
 * RAM filesystem the dentry tree *is* the directory contents, as in Linux's
 * ramfs; other filesystems (procfs) build dentries on lookup.
 */
#ifndef TINE_FS_H
#define TINE_FS_H

#include <tine/types.h>
#include <tine/list.h>
#include <tine/spinlock.h>
#include <tine/wait.h>
#include <tine/uaccess.h>

#define NAME_MAX 255
#define PATH_MAX 4096

/* i_mode file types and permission bits, Linux values */
#define S_IFMT   0170000
#define S_IFSOCK 0140000
#define S_IFLNK	 0120000
#define S_IFREG  0100000
#define S_IFBLK  0060000
#define S_IFDIR  0040000
#define S_IFCHR  0020000
#define S_IFIFO  0010000
#define S_ISDIR(m)  (((m) & S_IFMT) == S_IFDIR)
#define S_ISREG(m)  (((m) & S_IFMT) == S_IFREG)
#define S_ISLNK(m)  (((m) & S_IFMT) == S_IFLNK)
#define S_ISCHR(m)  (((m) & S_IFMT) == S_IFCHR)
#define S_ISFIFO(m) (((m) & S_IFMT) == S_IFIFO)

/* open flags, Linux x86-64 values */
#define O_ACCMODE	00000003
#define O_RDONLY	00000000
#define O_WRONLY	00000001
#define O_RDWR		00000002
#define O_CREAT		00000100
#define O_EXCL		00000200
#define O_NOCTTY	00000400
#define O_TRUNC		00001000
#define O_APPEND	00002000
#define O_NONBLOCK	00004000
#define O_DIRECTORY	00200000
#define O_NOFOLLOW	00400000
#define O_CLOEXEC	02000000
#define O_LARGEFILE	00100000	/* always set by open() on 64-bit Linux */
#define O_PATH		010000000

struct inode;
struct file;
struct dentry;
struct page;
struct vm_area_struct;
struct super_block;
struct poll_table;

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

/*
 * File operations.  Buffers are user pointers (copy_to_user inside); *pos is
 * the offset to use and advance (the caller passes &file->f_pos, or a local
 * for pread/pwrite).  Blocking operations sleep interruptibly and return
 * -ERESTARTSYS when a signal arrives, or -EAGAIN under O_NONBLOCK.
 */
struct file_operations {
	ssize_t (*read)(struct file *f, char *buf, size_t n, u64 *pos);
	ssize_t (*write)(struct file *f, const char *buf, size_t n, u64 *pos);
	s64 (*llseek)(struct file *f, s64 off, int whence);
	long (*ioctl)(struct file *f, unsigned int cmd, unsigned long arg);
	/* poll: return the POLLIN/POLLOUT/... mask now; add wq to the table */
	unsigned int (*poll)(struct file *f, struct poll_table *pt);
	int (*open)(struct inode *ino, struct file *f);
	void (*release)(struct inode *ino, struct file *f);
	/* getdents64 into a user buffer; returns bytes or -errno */
	long (*iterate)(struct file *f, void *buf, size_t n);
};

struct inode_operations {
	/* Find name in directory dir; a new referenced dentry or NULL. */
	struct dentry *(*lookup)(struct inode *dir, struct dentry *parent,
				 const char *name);
	int (*create)(struct inode *dir, struct dentry *d, mode_t mode, u32 dev);
	int (*unlink)(struct inode *dir, struct dentry *d);
	int (*rmdir)(struct inode *dir, struct dentry *d);
	int (*setsize)(struct inode *ino, u64 size);
	/* For symlinks whose target is generated (procfs): fill buf. */
	int (*readlink)(struct inode *ino, char *buf, size_t n);
	/* Make d (negative, in dir) a symlink to target. */
	int (*symlink)(struct inode *dir, struct dentry *d, const char *target);
	/* Give old's inode a second name: new (negative, in dir). */
	int (*link)(struct dentry *old, struct inode *dir, struct dentry *new);
	/* Move old to the name of new (both in their parent dirs; new may be
	 * positive and is then replaced). */
	int (*rename)(struct dentry *old, struct dentry *new);
	/* Free what i_private holds when the last reference goes. */
	void (*evict)(struct inode *ino);
};

struct inode {
	u32 i_count;			/* references: dentries, open files, maps */
	u64 i_ino;
	mode_t i_mode;
	u32 i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	u32 i_rdev;			/* device number for S_IFCHR/S_IFBLK */
	u64 i_size;
	struct timespec64 i_atime, i_mtime, i_ctime;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct super_block *i_sb;
	/*
	 * The page cache of a RAM file: i_pages[index] is the page holding
	 * bytes [index*4096, index*4096+4096), or NULL for a hole (reads as
	 * zeros).  mmap maps these pages directly.
	 */
	struct page **i_pages;
	u64 i_pages_cap;
	void *i_private;		/* symlink target, pipe, procfs data */
	struct file_lock_context *i_flctx;	/* POSIX locks, NULL if never locked */
};

struct dentry {
	u32 d_count;
	char *d_name;
	struct inode *d_inode;		/* NULL: a negative (deleted) entry */
	struct dentry *d_parent;	/* the root points at itself */
	struct list_head d_child;	/* link in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* our children */
	struct dentry *d_mounted;	/* root of a filesystem mounted here */
	struct dentry *d_mountpoint;	/* for a mounted root: where it sits */
	struct super_block *d_sb;
};

struct super_block {
	const char *s_type;		/* "ramfs", "tmpfs", "proc", ... */
	u32 s_magic;			/* statfs f_type: RAMFS_MAGIC, ... */
	u32 s_dev;			/* device number shown by stat */
	struct dentry *s_root;
};

/* The open file description, layer two of three. */
struct file {
	u32 f_count;			/* fds and other holders */
	spinlock_t f_pos_lock;
	u64 f_pos;
	u32 f_flags;			/* O_APPEND, O_NONBLOCK, access mode */
	struct inode *f_inode;
	struct dentry *f_dentry;
	const struct file_operations *f_op;
	void *private_data;
};

/* fs_struct: cwd, root and umask; shared by CLONE_FS. */
struct fs_struct {
	u32 users;
	spinlock_t lock;
	struct dentry *root, *pwd;
	mode_t umask;
};

/* poll support */
#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200
/* What a file without a poll operation reports: always ready (Linux's rule). */
#define DEFAULT_POLLMASK (POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM)

/*
 * The wait queues one poll()/select() call sleeps on.  f_op->poll calls
 * poll_wait() for each queue whose wake_up() could change its answer; the
 * table is a fixed array sized by the caller, and a registration that does
 * not fit sets overflow, which turns the sleep into a short nap instead.
 */
struct poll_table_entry {
	struct wait_queue_head *wq;
	struct wait_queue_entry wait;
};

struct poll_table {
	struct poll_table_entry *entries;
	int nr, cap;
	bool overflow;
};

void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table *pt);

/* Device numbers as stat(2) shows them: Linux's new_encode_dev() layout. */
static inline u32 new_encode_dev(u32 major, u32 minor)
{
	return (minor & 0xff) | (major << 8) | ((minor & ~0xffu) << 12);
}
static inline u32 dev_major(u32 dev)
{
	return (dev & 0xfff00) >> 8;
}
static inline u32 dev_minor(u32 dev)
{
	return (dev & 0xff) | ((dev >> 12) & 0xfff00);
}

/* *at() arguments, Linux values */
#define AT_FDCWD		(-100)
#define AT_SYMLINK_NOFOLLOW	0x100
#define AT_EACCESS		0x200
#define AT_REMOVEDIR		0x200
#define AT_SYMLINK_FOLLOW	0x400
#define AT_EMPTY_PATH		0x1000

/* Path lookup flags (namei.c) */
#define LOOKUP_FOLLOW		0x1	/* follow a symlink in the last component */
#define LOOKUP_DIRECTORY	0x2	/* the result must be a directory */
#define LOOKUP_EMPTY		0x4	/* "" means the dirfd itself */

/* inode_permission() masks */
#define MAY_EXEC	1
#define MAY_WRITE	2
#define MAY_READ	4

/* Limits (the values of Linux's sysctls with the same names) */
#define MAXSYMLINKS	40		/* symlinks followed in one lookup */
#define FILE_MAX_DEFAULT 8192		/* fs.file-max at boot: open struct files */
#define NR_OPEN		1048576		/* fs.nr_open: largest fd table */
#define PIPE_BUF	4096		/* writes up to this size are atomic */
#define PIPE_DEF_SIZE	65536		/* a new pipe's capacity */
#define PIPE_MAX_SIZE	1048576		/* fs.pipe-max-size for non-root */

#define RAMFS_MAGIC	0x858458f6
#define TMPFS_MAGIC	0x01021994
#define PIPEFS_MAGIC	0x50495045

/*
 * A path walk in progress (namei.c).  dir is where the walk stands (one
 * reference held); after path_parentat() last is the final component, not
 * yet looked up, so that create, unlink and rename can act on it.
 */
struct nameidata {
	struct dentry *dir;
	struct dentry *root;
	int links;			/* symlinks followed so far */
	bool trailing_slash;		/* the path ended in "/" */
	char last[NAME_MAX + 1];	/* "" if the path was "/" */
};

/* kernel/fs/inode.c */
struct inode *new_inode(struct super_block *sb, mode_t mode);
struct inode *iget(struct inode *ino);
void iput(struct inode *ino);
struct timespec64 current_time(void);
void inode_touch(struct inode *ino);		/* mtime = ctime = now */

/* kernel/fs/dcache.c */
struct dentry *d_alloc(struct dentry *parent, const char *name);
struct dentry *d_alloc_root(struct super_block *sb, struct inode *root);
void d_instantiate(struct dentry *d, struct inode *ino);
struct dentry *dget(struct dentry *d);
void dput(struct dentry *d);
struct dentry *d_lookup(struct dentry *parent, const char *name);
void d_unlink(struct dentry *d);
int d_move(struct dentry *d, struct dentry *new_parent, const char *new_name);
bool d_unlinked(const struct dentry *d);

/* kernel/fs/namei.c */
int inode_permission(struct inode *ino, int mask);
char *getname(const char __user *upath, long *err);
void putname(char *name);
int kern_path_at(int dfd, const char *path, unsigned int flags,
		 struct dentry **res);
int user_path_at(int dfd, const char __user *path, unsigned int flags,
		 struct dentry **res);
int path_parentat(int dfd, const char *path, struct nameidata *nd);
/* After path_parentat(): step into nd->last (nd->dir becomes the result). */
int nd_walk_last(struct nameidata *nd, bool follow);
void nd_release(struct nameidata *nd);
struct dentry *lookup_child(struct dentry *dir, const char *name);
bool dir_names_generated(struct inode *dir);
bool is_dot_name(const char *name);

/* kernel/fs/super.c */
extern struct dentry *root_dentry;
int register_filesystem(const char *name, struct dentry *(*mount)(void));
const char *filesystem_name(int i);
u32 new_anon_dev(void);
int mounts_show(char *buf, size_t n);		/* /proc/mounts text */

/* kernel/fs/ramfs.c */
struct dentry *ramfs_mount(void);
struct dentry *tmpfs_mount(void);
bool file_is_ramfs_regular(const struct file *f);
void ramfs_kill_tree(struct dentry *d);
int ramfs_mknod(struct inode *dir, struct dentry *d, mode_t mode, u32 dev);
int ramfs_new_node(struct inode *dir, struct dentry *d, mode_t mode, u32 dev,
		   uid_t uid, gid_t gid);
int ramfs_set_link(struct inode *ino, const char *target, size_t len);

/* kernel/fs/pagecache.c */
struct page *inode_get_page(struct inode *ino, u64 index);
ssize_t pagecache_read(struct inode *ino, void *buf, size_t n, u64 off, bool user);
ssize_t pagecache_write(struct inode *ino, const void *buf, size_t n, u64 off,
			bool user);
int pagecache_truncate(struct inode *ino, u64 size);
void pagecache_free(struct inode *ino);
u64 pagecache_nr_pages(struct inode *ino);

/* kernel/fs/file.c */
struct file *alloc_file(struct dentry *d, struct inode *ino, u32 flags,
			const struct file_operations *fop, long *err);
struct file *get_file(struct file *f);
void fput(struct file *f);
u64 nr_open_files(void);
u64 file_max_get(void);			/* fs.file-max */
int file_max_set(s64 v);
int file_path(struct file *f, char *buf, size_t n);	/* for /proc/PID/fd */
int dentry_path(struct dentry *d, char *buf, size_t n);

/* kernel/fs/open.c */
struct file *filp_open(const char *path, int flags, mode_t mode, long *err);
struct file *dentry_open(struct dentry *d, int flags, long *err);

/* kernel/fs/read_write.c */
/* Read n bytes at off into a kernel buffer: bytes read or -errno. */
ssize_t kernel_read(struct file *f, void *buf, size_t n, u64 off);
s64 generic_file_llseek(struct file *f, s64 off, int whence);

/* kernel/fs/dir.c: helpers for f_op->iterate (getdents64) */
struct dir_context {
	char __user *buf;		/* the user's buffer */
	size_t size, used;
	bool full;
	int error;			/* -EFAULT once a copy failed */
};
/* Emit one entry with d_off = pos; false when the buffer is full. */
bool dir_emit(struct dir_context *ctx, const char *name, u64 ino,
	      mode_t mode, u64 pos);
/* What iterate returns: the bytes filled, else EFAULT or EINVAL (full). */
long dir_result(const struct dir_context *ctx);

/* kernel/fs/char_dev.c */
int register_chrdev(u32 major, u32 minor, const char *name,
		    const struct file_operations *fop);
const struct file_operations *chrdev_fops(u32 dev);

/* kernel/fs/pipe.c */
extern const struct file_operations fifo_fops;
bool file_is_pipe(const struct file *f);
long pipe_fcntl(struct file *f, unsigned int cmd, unsigned long arg);
void pipe_release_inode(struct inode *ino);

/* kernel/fs/fdtable.c */
struct fs_struct *fs_struct_root(void);		/* PID 1: cwd = root = "/" */
struct fs_struct *copy_fs_struct(struct fs_struct *old);
void put_fs_struct(struct fs_struct *fs);

/* kernel/drivers/mem.c, tty.c: register their devices (vfs_init calls) */
void mem_init(void);
void tty_init(void);

/* kernel/drivers/tty.c */
bool file_is_tty(const struct file *f);

u64 nr_inodes(void);

void vfs_init(void);
/* Unpack the initramfs at [start, start+len) into the root filesystem. */
int initramfs_unpack(const void *start, u64 len);
/* Create path (absolute, parents must exist) in the root fs at boot, when
 * no task may exist yet; *res gets the new dentry, referenced, if res. */
int boot_mknod(const char *path, mode_t mode, u32 dev, uid_t uid, gid_t gid,
	       struct dentry **res);

#endif
