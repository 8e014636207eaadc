/* vmpte_counts_tables: /proc/self/status VmPTE counts page-table pages.
 * Touching one page in each of 32 separate 2 MiB stretches needs 32 new
 * page tables (4 kB each), so VmPTE must grow by at least 128 kB.
 * MADV_NOHUGEPAGE keeps Linux from mapping whole 2 MiB pages instead. */
#include "t.h"
#include <sys/mman.h>

#define STRETCH (2UL << 20)
#define N 32

static long vmpte_kb(void)
{
	char buf[4096];
	int fd = open("/proc/self/status", O_RDONLY);
	CHECK_OK("open /proc/self/status", fd);
	ssize_t len = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	CHECK(len > 0, "read /proc/self/status");
	buf[len] = 0;
	char *s = strstr(buf, "\nVmPTE:");
	CHECK(s != NULL, "no VmPTE line");
	return atol(s + 7);
}

int main(void)
{
	long before = vmpte_kb();
	CHECK(before > 0, "VmPTE %ld kB: a running process has page tables",
	      before);
	char *p = mmap(NULL, (N + 1) * STRETCH, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap: errno %d", errno);
	madvise(p, (N + 1) * STRETCH, MADV_NOHUGEPAGE);
	for (int i = 0; i < N; i++)
		p[i * STRETCH + 4096] = 1;
	long after = vmpte_kb();
	CHECK(after - before >= N * 4, "VmPTE grew %ld -> %ld kB, want +%d",
	      before, after, N * 4);
	printf("ok: VmPTE %ld -> %ld kB\n", before, after);
	return 0;
}
