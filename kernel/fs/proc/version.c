/*
 * /proc/version: Linux's "Linux version RELEASE (BUILDER) (COMPILER)
 * VERSION" line, with the release uname(2) reports.
 */
#include <tine/proc_fs.h>

int proc_version_show(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "Linux version 6.1.0-tine (tine@tine) (gcc) #1 Tine\n");
	return 0;
}
