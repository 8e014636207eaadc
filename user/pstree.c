/*
 * pstree: draw the process tree from /proc, with each process's PID and
 * state letter, and zombies marked <defunct>:
 *
 *     sh(1,S)
 *      |-sh(40,S)
 *      |  `-sleep(41,Z) <defunct>
 *      `-pstree(42,R)
 *
 * Debian's busybox has no pstree applet and its ps no forest view, so this
 * small program is Tine's tree tool.  It reads only /proc/PID/stat (pid,
 * comm, state, ppid: the first four fields), so it runs unchanged on Linux,
 * where the busybox scenarios check it against the oracle.  A process whose
 * parent is not listed (PID 1; Linux's kthreadd, PID 2) is a root.
 *
 *     pstree           every tree, roots in PID order
 *     pstree PID       only the subtree under PID
 *     pstree -k        keep kernel threads (children of PID 2 on Linux,
 *                      which have an empty cmdline); hidden by default
 *                      so that both kernels draw the same trees
 */
#include <ctype.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct proc {
	int pid;
	int ppid;
	char state;
	char comm[64];
};

static struct proc *procs;
static int nprocs;
static int show_kthreads;

/* Read /proc/PID/stat into *p; 0 on success, -1 if the process is gone. */
static int read_stat(int pid, struct proc *p)
{
	char path[64], buf[512];
	snprintf(path, sizeof(path), "/proc/%d/stat", pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	ssize_t n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	/* comm may hold spaces and parentheses: it ends at the last ')'. */
	char *open_paren = strchr(buf, '(');
	char *close_paren = strrchr(buf, ')');
	if (!open_paren || !close_paren || close_paren < open_paren)
		return -1;
	size_t len = close_paren - open_paren - 1;
	if (len >= sizeof(p->comm))
		len = sizeof(p->comm) - 1;
	memcpy(p->comm, open_paren + 1, len);
	p->comm[len] = '\0';
	p->pid = pid;
	if (sscanf(close_paren + 1, " %c %d", &p->state, &p->ppid) != 2)
		return -1;
	return 0;
}

/* A kernel thread has an empty cmdline and is not a zombie (Linux only). */
static int is_kthread(const struct proc *p)
{
	char path[64], c;
	if (p->state == 'Z')
		return 0;
	snprintf(path, sizeof(path), "/proc/%d/cmdline", p->pid);
	int fd = open(path, O_RDONLY);
	if (fd < 0)
		return 0;
	ssize_t n = read(fd, &c, 1);
	close(fd);
	return n == 0;
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc *)a)->pid - ((const struct proc *)b)->pid;
}

/* Fill procs[] with every process in /proc, sorted by PID. */
static void scan(void)
{
	DIR *d = opendir("/proc");
	if (!d) {
		perror("pstree: /proc");
		exit(1);
	}
	int cap = 0;
	struct dirent *e;
	while ((e = readdir(d)) != NULL) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		if (nprocs == cap) {
			cap = cap ? cap * 2 : 64;
			procs = realloc(procs, cap * sizeof(*procs));
			if (!procs) {
				perror("pstree");
				exit(1);
			}
		}
		struct proc *p = &procs[nprocs];
		if (read_stat(atoi(e->d_name), p) == 0 &&
		    (show_kthreads || !is_kthread(p)))
			nprocs++;
	}
	closedir(d);
	qsort(procs, nprocs, sizeof(*procs), by_pid);
}

static int listed(int pid)
{
	for (int i = 0; i < nprocs; i++)
		if (procs[i].pid == pid)
			return 1;
	return 0;
}

/*
 * Print p, then its children below it.  prefix is what the lines of p's
 * subtree start with: one "|  " or "   " per ancestor level, depending on
 * whether that ancestor has younger siblings still to come.
 */
static void draw(const struct proc *p, char *prefix, size_t plen, int last,
		 int root)
{
	if (root)
		printf("%s(%d,%c)", p->comm, p->pid, p->state);
	else
		printf("%.*s%s-%s(%d,%c)", (int)plen, prefix, last ? "`" : "|",
		       p->comm, p->pid, p->state);
	printf("%s\n", p->state == 'Z' ? " <defunct>" : "");

	size_t clen = plen;
	if (!root) {
		memcpy(prefix + plen, last ? "   " : "|  ", 3);
		clen += 3;
	} else {
		prefix[clen++] = ' ';
	}
	int nchild = 0, seen = 0;
	for (int i = 0; i < nprocs; i++)
		if (procs[i].ppid == p->pid && procs[i].pid != p->pid)
			nchild++;
	for (int i = 0; i < nprocs && clen < 1000; i++)
		if (procs[i].ppid == p->pid && procs[i].pid != p->pid)
			draw(&procs[i], prefix, clen, ++seen == nchild, 0);
}

int main(int argc, char **argv)
{
	int top = 0;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-k") == 0)
			show_kthreads = 1;
		else if (isdigit((unsigned char)argv[i][0]))
			top = atoi(argv[i]);
		else {
			fprintf(stderr, "usage: pstree [-k] [PID]\n");
			return 2;
		}
	}
	scan();
	static char prefix[1024];
	int found = 0;
	for (int i = 0; i < nprocs; i++) {
		struct proc *p = &procs[i];
		int root = top ? p->pid == top : !listed(p->ppid);
		if (root) {
			draw(p, prefix, 0, 1, 1);
			found = 1;
		}
	}
	if (top && !found) {
		fprintf(stderr, "pstree: no process %d\n", top);
		return 1;
	}
	return 0;
}
