/* mmap_shared_fork: a MAP_SHARED|MAP_ANONYMOUS mapping is the same memory
 * in parent and child (writes visible both ways), while a MAP_PRIVATE one
 * is copied (writes visible to neither side). Pipes order the steps. */
#include "t.h"
#include <sys/mman.h>

#define LEN (4 * 4096)

int main(void)
{
	int c2p[2], p2c[2];
	CHECK_OK("pipe", pipe(c2p));
	CHECK_OK("pipe", pipe(p2c));
	volatile char *sh = mmap(NULL, LEN, PROT_READ | PROT_WRITE,
				 MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	CHECK(sh != MAP_FAILED, "mmap shared: expected success, got errno %d", errno);
	volatile char *pr = mmap(NULL, LEN, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(pr != MAP_FAILED, "mmap private: expected success, got errno %d", errno);
	sh[0] = 'a';
	pr[0] = 'a';
	/* sh[4096*2] is left untouched before fork: still shared. */
	char tok;

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		CHECK_EQ("child sees shared pre-fork value", 'a', sh[0]);
		sh[0] = 'c';
		sh[2 * 4096] = 'c';
		pr[0] = 'c';
		write_all(c2p[1], "1", 1);
		read_all(p2c[0], &tok, 1);
		CHECK_EQ("child sees parent's shared write", 'p', sh[1]);
		CHECK_EQ("child sees parent's write to untouched shared page", 'p', sh[3 * 4096]);
		CHECK_EQ("child private page unchanged by parent", 'c', pr[0]);
		CHECK_EQ("child private page 2 unchanged by parent", 0, pr[4096]);
		_exit(0);
	}
	read_all(c2p[0], &tok, 1);
	CHECK_EQ("parent sees child's shared write", 'c', sh[0]);
	CHECK_EQ("parent sees child's write to untouched shared page", 'c', sh[2 * 4096]);
	CHECK_EQ("parent private page unchanged by child", 'a', pr[0]);
	sh[1] = 'p';
	sh[3 * 4096] = 'p';
	pr[4096] = 'p';
	write_all(p2c[1], "2", 1);
	CHECK_CHILD_OK("child checks", pid);
	/* The mapping outlives the child. */
	CHECK_EQ("shared value after child exit", 'c', sh[0]);
	return 0;
}
