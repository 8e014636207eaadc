/* fork_shared_tables_isolation: after fork of a large mapping (whose page
 * tables a kernel may share copy-on-write), every change one side makes
 * (writes, munmap, mprotect, a MAP_FIXED mapping on top, madvise
 * DONTNEED) stays invisible to the other side, in both directions. */
#include "t.h"
#include <sys/mman.h>
#include <sys/wait.h>

#define SIZE (8UL << 20)
#define PAGES (SIZE / 4096)

static unsigned char *area;

static void fill(unsigned char v)
{
	for (unsigned long i = 0; i < PAGES; i++)
		area[i * 4096 + 7] = v;
}

/* Every page still holds v, except pages in [skip_lo, skip_hi). */
static int check(unsigned char v, unsigned long skip_lo, unsigned long skip_hi)
{
	for (unsigned long i = 0; i < PAGES; i++)
		if ((i < skip_lo || i >= skip_hi) && area[i * 4096 + 7] != v)
			return (int)i + 1;
	return 0;
}

static void sync_write(int fd) { char c = 1; write_all(fd, &c, 1); }
static void sync_read(int fd) { char c; read_all(fd, &c, 1); }

int main(void)
{
	int to_child[2], to_parent[2];
	area = mmap(NULL, SIZE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(area != MAP_FAILED, "mmap: %s", strerror(errno));
	fill(0x11);
	CHECK_OK("pipe", pipe(to_child));
	CHECK_OK("pipe", pipe(to_parent));
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		if (check(0x11, 0, 0))
			FAIL("child: data at fork is wrong (page %d)", check(0x11, 0, 0) - 1);
		/* Unmap 2 MiB in the middle, drop another 1 MiB, protect one. */
		CHECK_OK("munmap", munmap(area + (2UL << 20), 2UL << 20));
		CHECK_OK("madvise", madvise(area + (5UL << 20), 1UL << 20, MADV_DONTNEED));
		CHECK_OK("mprotect", mprotect(area + (6UL << 20), 4096, PROT_READ));
		void *p = mmap(area + (7UL << 20), 4096, PROT_READ | PROT_WRITE,
			       MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		CHECK(p == area + (7UL << 20), "mmap fixed: %s", strerror(errno));
		area[(1UL << 20) + 7] = 0x22;			/* one private write */
		sync_write(to_parent[1]);			/* 1: parent checks */
		sync_read(to_child[0]);				/* 2: parent wrote */
		/* Our pages: unchanged by the parent's writes. */
		if (area[7] != 0x11 || area[(1UL << 20) + 7] != 0x22 ||
		    area[(5UL << 20) + 7] != 0 || area[(7UL << 20) + 7] != 0)
			FAIL("child sees the parent's writes or lost its own");
		_exit(0);
	}
	sync_read(to_parent[0]);
	int bad = check(0x11, 0, 0);
	CHECK(!bad, "parent: the child's changes leaked into page %d", bad - 1);
	fill(0x33);					/* write everywhere */
	CHECK(!check(0x33, 0, 0), "parent cannot write its own pages");
	sync_write(to_child[1]);
	int st;
	CHECK_EQ("waitpid", pid, waitpid(pid, &st, 0));
	CHECK_EQ("child status", 0, st);
	CHECK(!check(0x33, 0, 0), "parent pages changed after the child exited");
	fill(0x44);
	CHECK(!check(0x44, 0, 0), "parent cannot write after the child exited");
	return 0;
}
