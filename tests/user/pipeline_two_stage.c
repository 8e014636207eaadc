/* pipeline_two_stage: a shell-style pipeline "producer | consumer": two
 * children connected by a pipe with dup2 onto fds 1 and 0, each exec'ing
 * this test (in producer / consumer mode). The producer writes the numbers
 * 1..1000, the consumer sums its stdin until EOF and reports to the parent
 * through a second pipe on its stdout. EOF only comes if every copy of the
 * pipe's write end was closed. */
#include "t.h"

#define N 1000

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "producer") == 0) {
		char line[16];
		for (int i = 1; i <= N; i++) {
			int len = snprintf(line, sizeof line, "%d\n", i);
			write_all(1, line, len);
		}
		return 0;
	}
	if (argc == 2 && strcmp(argv[1], "consumer") == 0) {
		long sum = 0, lines = 0, cur = 0;
		char buf[512];
		ssize_t r;
		while ((r = read(0, buf, sizeof buf)) > 0)
			for (ssize_t i = 0; i < r; i++) {
				if (buf[i] == '\n') {
					sum += cur;
					lines++;
					cur = 0;
				} else {
					cur = cur * 10 + (buf[i] - '0');
				}
			}
		CHECK_EQ("consumer read end", 0, r);
		char out[64];
		int len = snprintf(out, sizeof out, "%ld %ld\n", lines, sum);
		write_all(1, out, len);
		return 0;
	}

	const char *self = self_path(argv[0]);
	int pipe1[2], result[2];
	CHECK_OK("pipe", pipe(pipe1));
	CHECK_OK("pipe", pipe(result));

	pid_t prod = fork();
	CHECK_OK("fork producer", prod);
	if (prod == 0) {
		CHECK_EQ("dup2 producer stdout", 1, dup2(pipe1[1], 1));
		close(pipe1[0]);
		close(pipe1[1]);
		close(result[0]);
		close(result[1]);
		char *args[] = { (char *)self, "producer", NULL };
		execv(self, args);
		FAIL("execv producer: errno %d", errno);
	}
	pid_t cons = fork();
	CHECK_OK("fork consumer", cons);
	if (cons == 0) {
		CHECK_EQ("dup2 consumer stdin", 0, dup2(pipe1[0], 0));
		CHECK_EQ("dup2 consumer stdout", 1, dup2(result[1], 1));
		close(pipe1[0]);
		close(pipe1[1]);
		close(result[0]);
		close(result[1]);
		char *args[] = { (char *)self, "consumer", NULL };
		execv(self, args);
		FAIL("execv consumer: errno %d", errno);
	}
	close(pipe1[0]);
	close(pipe1[1]);
	close(result[1]);
	char buf[64] = { 0 };
	size_t got = 0;
	ssize_t r;
	while ((r = read(result[0], buf + got, sizeof buf - 1 - got)) > 0)
		got += r;
	CHECK_CHILD_OK("producer", prod);
	CHECK_CHILD_OK("consumer", cons);
	char want[64];
	snprintf(want, sizeof want, "%d %d\n", N, N * (N + 1) / 2);
	CHECK(strcmp(buf, want) == 0, "consumer's report: expected \"%s\", got \"%s\"", want, buf);
	return 0;
}
