/*
 * Shared anonymous memory (mmap MAP_SHARED|MAP_ANONYMOUS).  Both sides of a
 * fork must find the same pages, including pages neither had touched at the
 * fork, so the memory needs an owner outside either page table: a nameless
 * RAM file, as Linux's shmem gives it.  Faults then fill both mappings from
 * this file's page cache.
 */
#include <tine/mm.h>
#include <tine/fs.h>

struct file *shmem_new_file(u64 size)
{
	long err;
	struct inode *ino = new_inode(NULL, S_IFREG | 0600);
	if (!ino)
		return NULL;
	ino->i_nlink = 0;		/* no name anywhere */
	ino->i_size = size;
	struct file *f = alloc_file(NULL, ino, O_RDWR, NULL, &err);
	iput(ino);			/* the file holds its own reference */
	return f;
}
