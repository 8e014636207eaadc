/* pipe_nonblock_eagain: on an O_NONBLOCK pipe, read of an empty pipe fails
 * with EAGAIN (while a writer exists) and write to a full pipe fails with
 * EAGAIN; a PIPE_BUF write never goes in partially; everything written can
 * be read back in order; with no writer left, read returns 0, not EAGAIN. */
#include "t.h"
#include <limits.h>

int main(void)
{
	int p[2];
	CHECK_OK("pipe2 O_NONBLOCK", pipe2(p, O_NONBLOCK));
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK, "F_GETFL read end: expected O_NONBLOCK");
	char c;
	CHECK_ERR("read of empty nonblocking pipe", read(p[0], &c, 1), EAGAIN);

	static char chunk[PIPE_BUF];
	long total = 0;
	unsigned char seq = 0;
	for (;;) {
		for (size_t i = 0; i < sizeof chunk; i++)
			chunk[i] = (char)(seq + i);
		ssize_t r = write(p[1], chunk, sizeof chunk);
		if (r < 0) {
			CHECK_EQ("write to full pipe: errno", EAGAIN, errno);
			break;
		}
		CHECK_EQ("PIPE_BUF write is all or nothing", PIPE_BUF, r);
		total += r;
		seq++;
		CHECK(total <= 16L * 1024 * 1024, "pipe capacity: expected to fill up, got > 16 MiB");
	}
	CHECK(total >= PIPE_BUF, "pipe capacity: expected >= %d, got %ld", PIPE_BUF, total);
	CHECK_ERR("1-byte write to full pipe", write(p[1], "x", 1), EAGAIN);

	long got = 0;
	for (unsigned char s = 0; got < total; s++) {
		ssize_t r = read(p[0], chunk, sizeof chunk);
		CHECK_EQ("read back a chunk", PIPE_BUF, r);
		for (size_t i = 0; i < sizeof chunk; i++)
			if (chunk[i] != (char)(s + i))
				FAIL("chunk %d byte %zu: expected %d, got %d", s, i,
				     (unsigned char)(s + i), (unsigned char)chunk[i]);
		got += r;
	}
	CHECK_ERR("read of drained pipe", read(p[0], &c, 1), EAGAIN);

	/* Clearing O_NONBLOCK via F_SETFL works; setting it back too. */
	CHECK_OK("F_SETFL 0", fcntl(p[1], F_SETFL, 0));
	CHECK(!(fcntl(p[1], F_GETFL) & O_NONBLOCK), "F_GETFL after clear: expected no O_NONBLOCK");
	write_all(p[1], "z", 1);
	CHECK_OK("close write end", close(p[1]));
	CHECK_EQ("read last byte", 1, read(p[0], &c, 1));
	CHECK_EQ("nonblocking read with no writer is EOF", 0, read(p[0], &c, 1));
	return 0;
}
