/* proc_self_maps: /proc/self/maps lists every VMA as
 * "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu " followed, when there is a
 * name, by spaces up to column 73 and the name. It shows main's code as
 * r-xp of the executable, an initialised global as rw-p, the brk heap as
 * [heap], the main stack (holding a local) as [stack], and a fresh 3-page
 * PROT_READ anonymous mapping as r--p with exactly its range, no name. */
#include "t.h"
#include <stdint.h>
#include <sys/mman.h>

#define PG 4096UL

struct vma {
	unsigned long start, end;
	char perms[5];
	const char *name; /* "" if none */
	const char *line;
};

static char text[1 << 16];
static struct vma vmas[1024];
static int nvmas;
int initialised_global = 42;

static void parse(void)
{
	int fd = open("/proc/self/maps", O_RDONLY);
	CHECK_OK("open /proc/self/maps", fd);
	size_t n = 0;
	ssize_t r;
	while ((r = read(fd, text + n, sizeof text - 1 - n)) > 0)
		n += r;
	CHECK(r == 0, "read /proc/self/maps: expected EOF, got ret %zd errno %d", r, errno);
	close(fd);
	text[n] = 0;
	CHECK(n > 0 && text[n - 1] == '\n', "maps: expected text ending in newline, got %zu bytes", n);

	nvmas = 0;
	for (char *line = text; *line; ) {
		char *nl = strchr(line, '\n');
		*nl = 0;
		struct vma *v = &vmas[nvmas++];
		v->line = line;
		CHECK(nvmas < 1024, "maps: expected < 1024 lines");
		char r_, w_, x_, p_;
		unsigned long long off;
		unsigned maj, min;
		unsigned long ino;
		int len = 0;
		int got = sscanf(line, "%lx-%lx %c%c%c%c %llx %x:%x %lu %n", &v->start,
				 &v->end, &r_, &w_, &x_, &p_, &off, &maj, &min, &ino, &len);
		CHECK(got >= 10, "maps line \"%s\": expected 10 fields, got %d", line, got);
		char hdr[128];
		int hl = snprintf(hdr, sizeof hdr, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu ",
				  v->start, v->end, r_, w_, x_, p_, off, maj, min, ino);
		CHECK(strncmp(line, hdr, hl) == 0,
		      "maps line format: expected prefix \"%s\", got \"%s\"", hdr, line);
		v->perms[0] = r_, v->perms[1] = w_, v->perms[2] = x_, v->perms[3] = p_;
		v->perms[4] = 0;
		char *rest = line + hl;
		if (*rest) {
			int col = hl > 72 ? hl : 73;
			for (int i = hl; i < col; i++)
				CHECK(line[i] == ' ', "maps line \"%s\": expected spaces up to column 73, got '%c' at %d",
				      line, line[i], i);
			CHECK(line[col] != ' ' && line[col] != 0,
			      "maps line \"%s\": expected the name at column %d", line, col);
			v->name = line + col;
		} else {
			v->name = "";
		}
		CHECK(v->start < v->end && v->start % PG == 0 && v->end % PG == 0,
		      "maps line \"%s\": expected a page-aligned non-empty range", line);
		line = nl + 1;
	}
}

static struct vma *find(const void *addr)
{
	uintptr_t a = (uintptr_t)addr;
	for (int i = 0; i < nvmas; i++)
		if (vmas[i].start <= a && a < vmas[i].end)
			return &vmas[i];
	return NULL;
}

int main(void)
{
	mount_proc();
	volatile int local = 7;

	/* Grow the heap with brk so that a [heap] VMA exists. */
	uintptr_t b0 = (uintptr_t)syscall(SYS_brk, 0);
	uintptr_t b1 = b0 + 4 * PG;
	CHECK_EQ("brk grow", b1, syscall(SYS_brk, b1));
	*(volatile char *)(b1 - 1) = 1;

	char *ro = mmap(NULL, 3 * PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(ro != MAP_FAILED, "mmap 3 pages: expected success, got errno %d", errno);

	parse();
	for (int i = 1; i < nvmas; i++)
		CHECK(vmas[i - 1].end <= vmas[i].start,
		      "maps: expected sorted, non-overlapping VMAs, got %lx-%lx before %lx-%lx",
		      vmas[i - 1].start, vmas[i - 1].end, vmas[i].start, vmas[i].end);

	struct vma *v = find((void *)main);
	CHECK(v, "maps: expected a VMA containing main at %p, got none", (void *)main);
	CHECK(strcmp(v->perms, "r-xp") == 0, "main's VMA perms: expected r-xp, got %s", v->perms);
	CHECK(v->name[0] == '/', "main's VMA name: expected the executable's path, got \"%s\"", v->name);

	v = find(&initialised_global);
	CHECK(v, "maps: expected a VMA containing a global, got none");
	CHECK(strcmp(v->perms, "rw-p") == 0, "global's VMA perms: expected rw-p, got %s", v->perms);

	v = find((void *)(b1 - 1));
	CHECK(v, "maps: expected a VMA containing the brk heap, got none");
	CHECK(strcmp(v->name, "[heap]") == 0, "brk VMA name: expected [heap], got \"%s\"", v->name);
	CHECK(strcmp(v->perms, "rw-p") == 0, "[heap] perms: expected rw-p, got %s", v->perms);

	v = find((void *)&local);
	CHECK(v, "maps: expected a VMA containing a local, got none");
	CHECK(strcmp(v->name, "[stack]") == 0, "local's VMA name: expected [stack], got \"%s\"", v->name);
	CHECK(strcmp(v->perms, "rw-p") == 0, "[stack] perms: expected rw-p, got %s", v->perms);

	v = find(ro);
	CHECK(v, "maps: expected a VMA for the 3-page mmap, got none");
	CHECK_EQ("mmap VMA start", (uintptr_t)ro, v->start);
	CHECK_EQ("mmap VMA end", (uintptr_t)ro + 3 * PG, v->end);
	CHECK(strcmp(v->perms, "r--p") == 0, "mmap VMA perms: expected r--p, got %s", v->perms);
	CHECK(v->name[0] == 0, "mmap VMA name: expected none, got \"%s\"", v->name);
	/* The line itself, exactly. */
	char want[128];
	snprintf(want, sizeof want, "%08lx-%08lx r--p 00000000 00:00 0 ",
		 (unsigned long)ro, (unsigned long)ro + 3 * PG);
	CHECK(strcmp(v->line, want) == 0, "mmap maps line: expected \"%s\", got \"%s\"", want, v->line);

	/* After munmap the VMA is gone. */
	CHECK_OK("munmap", munmap(ro, 3 * PG));
	parse();
	CHECK(find(ro) == NULL, "maps after munmap: expected no VMA at %p", (void *)ro);
	syscall(SYS_brk, b0);
	return 0;
}
