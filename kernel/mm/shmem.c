/*
 * Shared anonymous memory (mmap MAP_SHARED|MAP_ANONYMOUS).  Both sides of a
 * fork must find the same pages, including pages neither had touched at the
 * fork, so the memory needs an owner outside either page table: a nameless
 * RAM file, as Linux's shmem gives it.  Faults then fill both mappings from
 * this file's page cache.
 */
#include <tine/mm.h>
#include <tine/fs.h>

struct inode *shmem_new_inode(u64 size)
{
	struct inode *ino = new_inode(NULL, S_IFREG | 0600);
	if (ino) {
		ino->i_nlink = 0;	/* no name anywhere */
		ino->i_size = size;
	}
	return ino;
}
