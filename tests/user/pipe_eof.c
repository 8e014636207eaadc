/* pipe_eof: read on a pipe returns the buffered data and then 0 (EOF)
 * once every write end is closed, including write ends held by a child,
 * which close when it exits. read blocks while a writer still exists. */
#include "t.h"

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	write_all(p[1], "hi", 2);
	CHECK_OK("close write end", close(p[1]));
	char b[8] = { 0 };
	CHECK_EQ("read buffered data", 2, read(p[0], b, sizeof b));
	CHECK(strcmp(b, "hi") == 0, "read: expected \"hi\", got \"%s\"", b);
	CHECK_EQ("read at EOF", 0, read(p[0], b, sizeof b));
	CHECK_EQ("read at EOF again", 0, read(p[0], b, sizeof b));
	close(p[0]);

	/* The child holds the last write end; EOF only after it exits. */
	int ready[2];
	CHECK_OK("pipe", pipe(p));
	CHECK_OK("pipe", pipe(ready));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		char c;
		close(p[0]);
		close(ready[1]);
		read_all(ready[0], &c, 1); /* the parent is about to block in read */
		write_all(p[1], "abc", 3);
		_exit(0);                   /* closes p[1] */
	}
	close(p[1]);
	close(ready[0]);
	write_all(ready[1], "r", 1);
	char buf[16];
	size_t got = 0;
	ssize_t r;
	while ((r = read(p[0], buf + got, sizeof buf - got)) > 0)
		got += r;
	CHECK_EQ("final read is EOF", 0, r);
	CHECK_EQ("bytes before EOF", 3, got);
	CHECK(memcmp(buf, "abc", 3) == 0, "data before EOF: expected \"abc\"");
	CHECK_CHILD_OK("writer child", pid);
	return 0;
}
