/* kernel_pointer_efault: syscalls given kernel-half, non-canonical, NULL or
 * unmapped user pointers fail with EFAULT, and the kernel survives (the
 * process keeps running and the pipe still works afterwards). */
#include "t.h"
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>

#define KADDR ((void *)0xffff888000000000UL)
#define KTEXT ((void *)0xffffffff81000000UL)
#define NONCANON ((void *)0x8000000000000000UL)

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));

	CHECK_ERR("write from kernel address", write(p[1], KADDR, 10), EFAULT);
	CHECK_ERR("write from kernel text address", write(p[1], KTEXT, 10), EFAULT);
	CHECK_ERR("write from non-canonical address", write(p[1], NONCANON, 10), EFAULT);
	CHECK_ERR("write from NULL", write(p[1], NULL, 10), EFAULT);

	char *gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(gone != MAP_FAILED, "mmap: expected success, got errno %d", errno);
	CHECK_OK("munmap", munmap(gone, 4096));
	CHECK_ERR("write from unmapped user address", write(p[1], gone, 10), EFAULT);

	write_all(p[1], "0123456789", 10);
	CHECK_ERR("read into kernel address", read(p[0], KADDR, 10), EFAULT);
	CHECK_ERR("read into NULL", read(p[0], NULL, 10), EFAULT);
	CHECK_ERR("read into unmapped user address", read(p[0], gone, 10), EFAULT);

	/* Other syscalls that write a struct to user memory. */
	CHECK_ERR("uname into kernel address", syscall(SYS_uname, KADDR), EFAULT);
	CHECK_ERR("clock_gettime into kernel address",
		  syscall(SYS_clock_gettime, CLOCK_MONOTONIC, KADDR), EFAULT);
	CHECK_ERR("pipe into kernel address", syscall(SYS_pipe, KADDR), EFAULT);
	CHECK_ERR("open with kernel-address path", syscall(SYS_open, KADDR, O_RDONLY), EFAULT);
	CHECK_ERR("open with NULL path", syscall(SYS_open, NULL, O_RDONLY), EFAULT);

	/* The data written before is still there and the process carries on. */
	char buf[11] = { 0 };
	read_all(p[0], buf, 10);
	CHECK(strcmp(buf, "0123456789") == 0,
	      "pipe data after faults: expected \"0123456789\", got \"%s\"", buf);
	struct utsname u;
	CHECK_OK("uname into valid buffer", uname(&u));
	CHECK(getpid() > 0, "getpid after faults: expected > 0");
	return 0;
}
