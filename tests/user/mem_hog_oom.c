/* mem_hog_oom: a child maps and touches anonymous memory 8 MiB at a time
 * until mmap fails with ENOMEM or the kernel's out-of-memory path kills
 * it with SIGKILL; either is fine.  The kernel survives, the parent keeps
 * running, and the memory comes back: afterwards the parent can map and
 * touch 64 MiB, and MemFree returns to within 4 MiB of where it was. */
#include "t.h"
#include <sys/mman.h>

#define CHUNK (8L << 20)

static long mem_free_kb(void)
{
	char buf[4096];
	int fd = open("/proc/meminfo", O_RDONLY);
	CHECK(fd >= 0, "open /proc/meminfo: expected success, got errno %d", errno);
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	CHECK(n > 0, "read /proc/meminfo: got %zd", n);
	buf[n] = 0;
	char *p = strstr(buf, "MemFree:");
	CHECK(p != NULL, "MemFree missing from /proc/meminfo");
	return strtol(p + 8, NULL, 10);
}

static void touch(char *p, size_t len)
{
	for (size_t off = 0; off < len; off += 4096)
		p[off] = 1;
}

int main(void)
{
	mount_proc();
	long before = mem_free_kb();
	int p[2];
	CHECK_OK("pipe", pipe(p));

	pid_t hog = fork();
	CHECK_OK("fork", hog);
	if (hog == 0) {
		close(p[0]);
		for (unsigned long total = 0;; total += CHUNK) {
			char *m = mmap(NULL, CHUNK, PROT_READ | PROT_WRITE,
				       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
			if (m == MAP_FAILED)
				_exit(errno == ENOMEM ? 0 : 1);
			touch(m, (size_t)CHUNK);
			write(p[1], "m", 1);	/* one more chunk is resident */
		}
	}
	close(p[1]);
	char c;
	long chunks = 0;
	while (read(p[0], &c, 1) == 1)
		chunks++;
	int st = wait_for(hog);
	CHECK((WIFEXITED(st) && WEXITSTATUS(st) == 0) ||
	      (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL),
	      "hog: expected exit 0 after ENOMEM or SIGKILL, got raw status %#x", st);
	CHECK(chunks * CHUNK >= (before << 10) / 2,
	      "hog got only %ld MiB of %ld MiB free", chunks * 8, before >> 10);

	char *m = mmap(NULL, 64UL << 20, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap 64 MiB after the hog: expected success, got errno %d", errno);
	touch(m, 64UL << 20);
	CHECK_OK("munmap", munmap(m, 64UL << 20));

	long after = before;
	for (int i = 0; i < 100; i++) {	/* Linux frees some of it lazily */
		after = mem_free_kb();
		if (after >= before - 4096)
			break;
		usleep(20000);
	}
	CHECK(after >= before - 4096, "MemFree: expected about %ld kB, got %ld kB", before, after);
	return 0;
}
