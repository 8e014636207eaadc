/*
 * /proc/filesystems: the filesystem types mount(2) accepts, "nodev\tNAME"
 * for those without a block device (all of Tine's).  The list is the
 * types the kernel registers at boot: vfs_init() (ramfs, tmpfs) and
 * proc_init(); super.c keeps the table itself private.
 */
#include <tine/proc_fs.h>

static const char *const fs_names[] = { "ramfs", "tmpfs", "proc" };

int proc_filesystems_show(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	for (unsigned i = 0; i < sizeof(fs_names) / sizeof(fs_names[0]); i++)
		pb_printf(pb, "nodev\t%s\n", fs_names[i]);
	return 0;
}
