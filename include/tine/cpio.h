/*
 * The newc cpio format of an initramfs (kernel/fs/cpio.c): a walker that
 * hands each entry, names and data still in the caller's buffer, to a
 * callback.  Creating files from the entries is the caller's job.
 */
#ifndef TINE_CPIO_H
#define TINE_CPIO_H

#include <tine/types.h>

struct cpio_entry {
	const char *name;	/* NUL-terminated, inside the buffer */
	size_t namelen;		/* strlen(name) */
	u32 ino, mode, uid, gid, nlink, mtime;
	u32 devmajor, devminor, rdevmajor, rdevminor;
	const void *data;	/* file contents or symlink target, inside the buffer */
	size_t size;
};

/*
 * Walk every entry of buf (one or more archives, zero padding between them
 * allowed), calling cb for each but the "TRAILER!!!" ones.  Returns 0, cb's
 * first non-zero return value, or -EINVAL for malformed input with *errmsg
 * (if errmsg is not NULL) set to a message naming the offset; the message
 * lives in a static buffer until the next call.
 */
int cpio_parse(const void *buf, size_t len,
	       int (*cb)(const struct cpio_entry *e, void *arg), void *arg,
	       const char **errmsg);

#endif
