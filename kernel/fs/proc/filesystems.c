/*
 * /proc/filesystems: the filesystem types mount(2) accepts, in the order
 * they were registered (vfs_init: ramfs, tmpfs; proc_init: proc), each as
 * "nodev\tNAME" since none of Tine's needs a block device.
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>

int proc_filesystems_show(struct proc_buf *pb, s32 pid)
{
	const char *name;

	(void)pid;
	for (int i = 0; (name = filesystem_name(i)) != NULL; i++)
		pb_printf(pb, "nodev\t%s\n", name);
	return 0;
}
