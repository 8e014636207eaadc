/*
 * Inodes: the third layer, the file itself.  An inode is reference counted
 * (i_count): every dentry naming it, every open file and every mapping holds
 * one.  When the count reaches zero the inode has no name and no user left,
 * so its pages and private data are freed.  On a RAM filesystem the inode is
 * the only copy of the file; there is no disk to write back to.
 */
#include <tine/fs.h>
#include <tine/locks.h>
#include <tine/slab.h>
#include <tine/time.h>
#include <tine/panic.h>

static u64 last_ino;		/* inode numbers are never reused */
static u64 inodes_in_use;	/* nr_inodes(): for leak checks */

struct timespec64 current_time(void)
{
	u64 ns = ktime_get_real_ns();
	struct timespec64 t = { (s64)(ns / NSEC_PER_SEC), (long)(ns % NSEC_PER_SEC) };
	return t;
}

/* Record a change of the contents: mtime and ctime become now. */
void inode_touch(struct inode *ino)
{
	ino->i_mtime = ino->i_ctime = current_time();
}

/* A fresh inode of type and permissions mode with one reference, or NULL. */
struct inode *new_inode(struct super_block *sb, mode_t mode)
{
	struct inode *ino = kzalloc(sizeof(*ino));

	if (!ino)
		return NULL;
	ino->i_count = 1;
	ino->i_ino = ++last_ino;
	ino->i_mode = mode;
	ino->i_nlink = 1;
	ino->i_sb = sb;
	ino->i_atime = ino->i_mtime = ino->i_ctime = current_time();
	inodes_in_use++;
	return ino;
}

struct inode *iget(struct inode *ino)
{
	ino->i_count++;
	return ino;
}

/* Drop a reference; the last one frees the pages and the inode. */
void iput(struct inode *ino)
{
	if (!ino)
		return;
	BUG_ON(ino->i_count == 0);
	if (--ino->i_count > 0)
		return;
	if (ino->i_op && ino->i_op->evict)
		ino->i_op->evict(ino);
	pagecache_free(ino);
	locks_free_inode(ino);
	kfree(ino);
	inodes_in_use--;
}

u64 nr_inodes(void)
{
	return inodes_in_use;
}
