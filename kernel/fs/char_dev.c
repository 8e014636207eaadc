/*
 * The character device table: which file operations a device node with a
 * given major:minor gets when it is opened (open.c asks chrdev_fops()).
 * Drivers register their numbers at boot; Linux's numbers are used, so
 * nodes copied from a Linux system work (devices.txt: 1:3 null, 1:5 zero,
 * 1:7 full, 1:8 random, 1:9 urandom, 4:64 ttyS0, 5:0 tty, 5:1 console).
 */
#include <tine/fs.h>
#include <tine/errno.h>

#define MAX_CHRDEVS 16

static struct chrdev {
	u32 dev;
	const char *name;
	const struct file_operations *fop;
} chrdevs[MAX_CHRDEVS];
static int nr_chrdevs;

int register_chrdev(u32 major, u32 minor, const char *name,
		    const struct file_operations *fop)
{
	if (nr_chrdevs == MAX_CHRDEVS)
		return -ENOSPC;
	if (chrdev_fops(new_encode_dev(major, minor)))
		return -EBUSY;
	chrdevs[nr_chrdevs].dev = new_encode_dev(major, minor);
	chrdevs[nr_chrdevs].name = name;
	chrdevs[nr_chrdevs].fop = fop;
	nr_chrdevs++;
	return 0;
}

/* The operations of device dev, or NULL (open then fails with ENXIO). */
const struct file_operations *chrdev_fops(u32 dev)
{
	for (int i = 0; i < nr_chrdevs; i++)
		if (chrdevs[i].dev == dev)
			return chrdevs[i].fop;
	return NULL;
}
