/*
 * The page cache of RAM files.  A regular file's bytes live in whole pages,
 * inode->i_pages[index] holding bytes [index*4096, index*4096 + 4096); a
 * NULL slot is a hole that reads as zeros.  The pages are the file: file
 * mmap maps them directly (taking its own page references) and exec reads
 * ELF headers through kernel_read(), so there is exactly one copy of each
 * byte.  Bytes past i_size inside the last page are kept zero, so growing a
 * file by truncate or by a write beyond the end shows zeros, as POSIX wants.
 */
#include <tine/fs.h>
#include <tine/page.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/uaccess.h>
#include <tine/errno.h>

/* Make i_pages hold at least nr slots; 0 or -ENOMEM. */
static int ensure_slots(struct inode *ino, u64 nr)
{
	u64 cap = ino->i_pages_cap ? ino->i_pages_cap : 4;
	struct page **p;

	if (nr <= ino->i_pages_cap)
		return 0;
	while (cap < nr)
		cap *= 2;
	p = krealloc(ino->i_pages, cap * sizeof(*p));
	if (!p)
		return -ENOMEM;
	memset(p + ino->i_pages_cap, 0, (cap - ino->i_pages_cap) * sizeof(*p));
	ino->i_pages = p;
	ino->i_pages_cap = cap;
	return 0;
}

/* The page holding byte index*4096 of ino, allocated (zeroed) if absent;
 * NULL when memory is exhausted.  The inode keeps its own reference. */
struct page *inode_get_page(struct inode *ino, u64 index)
{
	struct page *pg;

	if (ensure_slots(ino, index + 1))
		return NULL;
	if (!ino->i_pages[index]) {
		pg = alloc_page();
		if (!pg)
			return NULL;
		memset(page_address(pg), 0, PAGE_SIZE);
		ino->i_pages[index] = pg;
	}
	return ino->i_pages[index];
}

/* The page at index if present, else NULL (a hole). */
static struct page *find_page(struct inode *ino, u64 index)
{
	return index < ino->i_pages_cap ? ino->i_pages[index] : NULL;
}

static long copy_out(void *dst, const void *src, size_t n, bool user)
{
	if (user)
		return src ? copy_to_user(dst, src, n) : clear_user(dst, n);
	if (src)
		memcpy(dst, src, n);
	else
		memset(dst, 0, n);
	return 0;
}

/* Copy up to n bytes from offset off into buf (user or kernel memory). */
ssize_t pagecache_read(struct inode *ino, void *buf, size_t n, u64 off, bool user)
{
	size_t done = 0;

	if (off >= ino->i_size)
		return 0;
	n = MIN(n, ino->i_size - off);
	while (done < n) {
		u64 pos = off + done;
		size_t in_page = pos % PAGE_SIZE;
		size_t chunk = MIN(n - done, PAGE_SIZE - in_page);
		struct page *pg = find_page(ino, pos / PAGE_SIZE);
		const char *src = pg ? (char *)page_address(pg) + in_page : NULL;

		if (copy_out((char *)buf + done, src, chunk, user))
			return done ? (ssize_t)done : -EFAULT;
		done += chunk;
	}
	return done;
}

/* Copy n bytes from buf into the file at off, growing it; bytes or -errno. */
ssize_t pagecache_write(struct inode *ino, const void *buf, size_t n, u64 off,
			bool user)
{
	size_t done = 0;

	while (done < n) {
		u64 pos = off + done;
		size_t in_page = pos % PAGE_SIZE;
		size_t chunk = MIN(n - done, PAGE_SIZE - in_page);
		struct page *pg = inode_get_page(ino, pos / PAGE_SIZE);
		char *dst;

		if (!pg)
			return done ? (ssize_t)done : -ENOSPC;
		dst = (char *)page_address(pg) + in_page;
		if (!user)
			memcpy(dst, (const char *)buf + done, chunk);
		else if (copy_from_user(dst, (const char *)buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		done += chunk;
		if (off + done > ino->i_size)
			ino->i_size = off + done;
	}
	return done;
}

/*
 * Set the file's size.  Shrinking frees the pages past the end and zeroes
 * the tail of the last one, so that growing again shows zeros.
 */
int pagecache_truncate(struct inode *ino, u64 size)
{
	u64 keep = ALIGN_UP(size, PAGE_SIZE) / PAGE_SIZE;
	struct page *last;

	for (u64 i = keep; i < ino->i_pages_cap; i++) {
		if (ino->i_pages[i]) {
			put_page(ino->i_pages[i]);
			ino->i_pages[i] = NULL;
		}
	}
	last = size % PAGE_SIZE ? find_page(ino, size / PAGE_SIZE) : NULL;
	if (last && size < ino->i_size)
		memset((char *)page_address(last) + size % PAGE_SIZE, 0,
		       PAGE_SIZE - size % PAGE_SIZE);
	ino->i_size = size;
	return 0;
}

/* Drop every page (the inode is going away). */
void pagecache_free(struct inode *ino)
{
	for (u64 i = 0; i < ino->i_pages_cap; i++)
		if (ino->i_pages[i])
			put_page(ino->i_pages[i]);
	kfree(ino->i_pages);
	ino->i_pages = NULL;
	ino->i_pages_cap = 0;
}

/* Pages in use, for st_blocks. */
u64 pagecache_nr_pages(struct inode *ino)
{
	u64 n = 0;

	for (u64 i = 0; i < ino->i_pages_cap; i++)
		n += ino->i_pages[i] != NULL;
	return n;
}
