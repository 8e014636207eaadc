/* pipe_atomic_writes: writes of PIPE_BUF bytes or less to a pipe are
 * atomic. 4 writer processes each write 64 records of PIPE_BUF bytes
 * filled with their own byte; the reader, reading in odd-sized chunks,
 * finds every PIPE_BUF-aligned record made of a single fill byte and
 * exactly 64 records from each writer. */
#include "t.h"
#include <limits.h>

#define WRITERS 4
#define RECORDS 64

int main(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t kids[WRITERS];
	for (int w = 0; w < WRITERS; w++) {
		kids[w] = fork();
		CHECK_OK("fork", kids[w]);
		if (kids[w] == 0) {
			static char rec[PIPE_BUF];
			close(p[0]);
			memset(rec, 'A' + w, sizeof rec);
			for (int i = 0; i < RECORDS; i++) {
				ssize_t r = write(p[1], rec, sizeof rec);
				if (r != PIPE_BUF)
					FAIL("writer %d record %d: expected %d bytes written, got %zd errno %d",
					     w, i, PIPE_BUF, r, errno);
			}
			_exit(0);
		}
	}
	close(p[1]);

	static char rec[PIPE_BUF];
	int count[WRITERS] = { 0 };
	size_t fill = 0;
	long records = 0;
	for (;;) {
		size_t want = sizeof rec - fill;
		if (want > 1000)
			want = 1000; /* odd-sized reads that straddle records */
		ssize_t r = read(p[0], rec + fill, want);
		CHECK_OK("read", r);
		if (r == 0)
			break;
		fill += r;
		if (fill < sizeof rec)
			continue;
		int w = rec[0] - 'A';
		CHECK(w >= 0 && w < WRITERS, "record %ld: expected fill byte A-D, got 0x%02x",
		      records, (unsigned char)rec[0]);
		for (size_t i = 1; i < sizeof rec; i++)
			if (rec[i] != rec[0])
				FAIL("record %ld byte %zu: expected '%c' (no interleaving), got '%c'",
				     records, i, rec[0], rec[i]);
		count[w]++;
		records++;
		fill = 0;
	}
	CHECK_EQ("partial record at EOF", 0, fill);
	for (int w = 0; w < WRITERS; w++) {
		CHECK_EQ("records from one writer", RECORDS, count[w]);
		CHECK_CHILD_OK("writer", kids[w]);
	}
	return 0;
}
