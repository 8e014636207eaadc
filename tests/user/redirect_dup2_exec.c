/* redirect_dup2_exec: shell-style redirection: a child opens a file,
 * dup2()s it onto fd 1 and execs a program (this test in "print-mode")
 * that just writes to stdout; the line ends up in the file. */
#include "t.h"

#define LINE "hello from the exec'd program\n"

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "print-mode") == 0) {
		write_all(1, LINE, strlen(LINE));
		return 0;
	}
	char path[64];
	snprintf(path, sizeof path, "/tmp/redirect_dup2_exec.%d", getpid());
	const char *self = self_path(argv[0]);
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		CHECK_OK("open output", fd);
		CHECK_EQ("dup2 onto stdout", 1, dup2(fd, 1));
		CHECK_OK("close", close(fd));
		char *args[] = { (char *)self, "print-mode", NULL };
		execv(self, args);
		FAIL("execv %s: expected no return, got errno %d", self, errno);
	}
	CHECK_CHILD_OK("redirected child", pid);
	int fd = open(path, O_RDONLY);
	CHECK_OK("open output for reading", fd);
	char buf[128] = { 0 };
	ssize_t n = read(fd, buf, sizeof buf - 1);
	close(fd);
	unlink(path);
	CHECK(n == (ssize_t)strlen(LINE) && strcmp(buf, LINE) == 0,
	      "redirected output: expected \"%s\", got %zd bytes \"%s\"", LINE, n, buf);
	return 0;
}
