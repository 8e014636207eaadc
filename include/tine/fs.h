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
#define POLLWRNORM 0x100

void poll_wait(struct file *f, struct wait_queue_head *wq, struct poll_table *pt);

/* File references and the helpers the rest of the kernel uses. */
struct file *get_file(struct file *f);
void fput(struct file *f);
struct file *filp_open(const char *path, int flags, mode_t mode, long *err);
/* Read n bytes at off into a kernel buffer: bytes read or -errno. */
ssize_t kernel_read(struct file *f, void *buf, size_t n, u64 off);
/* The page holding byte index*4096 of a RAM inode, allocated if absent. */
struct page *inode_get_page(struct inode *ino, u64 index);

struct fs_struct *copy_fs_struct(struct fs_struct *old);
void put_fs_struct(struct fs_struct *fs);

u64 nr_open_files(void);
u64 nr_inodes(void);

void vfs_init(void);
/* Unpack the initramfs at [start, start+len) into the root filesystem. */
int initramfs_unpack(const void *start, u64 len);

#endif
