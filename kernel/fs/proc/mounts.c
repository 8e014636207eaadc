/*
 * /proc/mounts (and /proc/PID/mounts: one mount namespace): the VFS's
 * mount table, one "source target type options 0 0" line per mount.
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>

int proc_mounts_show(struct proc_buf *pb, s32 pid)
{
	size_t room = pb->len < pb->size ? pb->size - pb->len : 0;
	int len;

	(void)pid;
	len = mounts_show(pb->buf + pb->len, room);
	pb->len += len;
	if ((size_t)len >= room)
		pb->len = pb->size;	/* truncated: ask for a bigger buffer */
	return 0;
}
