/* lowest_free_fd: open, dup and pipe always return the lowest-numbered
 * free descriptor, including a hole left by close(). */
#include "t.h"

int main(void)
{
	for (int fd = 3; fd < 64; fd++)
		close(fd); /* start from a known table: 0-2 only */
	int a = open("/dev/null", O_RDONLY);
	CHECK_OK("open a", a);
	int b = open("/dev/null", O_RDONLY);
	int c = open("/dev/null", O_RDONLY);
	int d = open("/dev/null", O_RDONLY);
	CHECK_EQ("second open", a + 1, b);
	CHECK_EQ("third open", a + 2, c);
	CHECK_EQ("fourth open", a + 3, d);

	CHECK_OK("close b", close(b));
	CHECK_EQ("open reuses the hole", b, open("/dev/null", O_RDONLY));
	CHECK_OK("close c", close(c));
	CHECK_OK("close a", close(a));
	CHECK_EQ("dup takes the lowest hole", a, dup(d));
	CHECK_EQ("open takes the next hole", c, open("/dev/null", O_RDONLY));
	CHECK_EQ("open after holes are filled", d + 1, open("/dev/null", O_RDONLY));

	CHECK_OK("close b", close(b));
	CHECK_OK("close d", close(d));
	int p[2];
	CHECK_OK("pipe", pipe(p));
	CHECK_EQ("pipe read end takes lowest", b, p[0]);
	CHECK_EQ("pipe write end takes next lowest", d, p[1]);

	CHECK_EQ("F_DUPFD returns lowest >= arg", d + 2, fcntl(a, F_DUPFD, d));
	return 0;
}
