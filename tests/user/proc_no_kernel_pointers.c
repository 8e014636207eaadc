/* proc_no_kernel_pointers: a non-root process reads every file under /proc
 * it may read (the first 64 KiB of each, symlinks not followed, depth at
 * most 4) and finds no kernel address in them: no number, written in hex
 * (16 digits) or in decimal (19-20 digits), inside the ranges where Linux
 * or Tine keep kernel objects: the direct maps [0xffff800000000000,
 * 0xffffc88000000000), vmalloc and Tine's stack area [0xffffc90000000000,
 * 0xffffe90000000000), vmemmap [0xffffea0000000000, 0xffffeb0000000000),
 * kernel text and modules [0xffffffff80000000, 0xfffffffff0000000).  The
 * top 256 MiB below 2^64 is left out: masks and limits live there
 * (shmmax = ULONG_MAX - 2^24, input key bitmaps, RLIM_INFINITY), as does
 * Linux's fixed vsyscall page.  Skipped: pagemap and mem (binary, the
 * reader's own pages), kcore and kmsg (root only anyway). */
#include "t.h"
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <ctype.h>
#include <stdbool.h>

static char buf[65536];
static int files_read, leaks;

static bool kernel_half(unsigned long long v)
{
	return (v >= 0xffff800000000000ULL && v < 0xffffc88000000000ULL) ||
	       (v >= 0xffffc90000000000ULL && v < 0xffffe90000000000ULL) ||
	       (v >= 0xffffea0000000000ULL && v < 0xffffeb0000000000ULL) ||
	       (v >= 0xffffffff80000000ULL && v < 0xfffffffff0000000ULL);
}

/* Look at each run of [0-9a-fA-Fx] in buf[0..n) as a hex and a decimal number. */
static void scan(const char *path, ssize_t n)
{
	for (ssize_t i = 0; i < n; ) {
		if (!isxdigit((unsigned char)buf[i])) {
			i++;
			continue;
		}
		ssize_t j = i;
		bool dec = true;
		while (j < n && (isxdigit((unsigned char)buf[j]) || buf[j] == 'x')) {
			dec = dec && isdigit((unsigned char)buf[j]);
			j++;
		}
		const char *s = buf + i;
		size_t len = j - i;
		if (len > 2 && s[0] == '0' && s[1] == 'x') {
			s += 2;
			len -= 2;
		}
		char tok[24];
		unsigned long long hv = 0, dv = 0;
		bool hex_ok = len == 16 && !memchr(s, 'x', len);
		if (len < sizeof tok) {
			memcpy(tok, s, len);
			tok[len] = 0;
			if (hex_ok)
				hv = strtoull(tok, NULL, 16);
			if (dec && (len == 19 || len == 20))
				dv = strtoull(tok, NULL, 10);
		}
		if ((hex_ok && kernel_half(hv)) || kernel_half(dv)) {
			dprintf(2, "FAIL: %s: kernel address %.*s\n", path, (int)(j - i), buf + i);
			leaks++;
		}
		i = j;
	}
}

static void walk(const char *dir, int depth)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	if (!d)
		return;
	while ((e = readdir(d))) {
		char path[512];
		struct stat st;
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..") ||
		    !strcmp(e->d_name, "pagemap") || !strcmp(e->d_name, "mem") ||
		    !strcmp(e->d_name, "kcore") || !strcmp(e->d_name, "kmsg"))
			continue;
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		if (lstat(path, &st) < 0 || S_ISLNK(st.st_mode))
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (depth < 4)
				walk(path, depth + 1);
			continue;
		}
		int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW);
		if (fd < 0)
			continue;
		ssize_t got = read(fd, buf, sizeof buf);
		close(fd);
		if (got > 0) {
			files_read++;
			scan(path, got);
		}
	}
	closedir(d);
}

int main(void)
{
	mount_proc();
	pid_t c = fork();
	CHECK_OK("fork", c);
	if (c == 0) {
		CHECK_OK("setgid", setgid(1000));
		CHECK_OK("setuid", setuid(1000));
		walk("/proc", 0);
		CHECK(files_read > 20, "read only %d files under /proc", files_read);
		_exit(leaks ? 1 : 0);
	}
	CHECK_CHILD_OK("non-root walk of /proc", c);
	return 0;
}
