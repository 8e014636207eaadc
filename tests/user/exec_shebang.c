/* exec_shebang: execve of a "#!interpreter arg" script runs the interpreter
 * with argv = { interpreter, arg, script path, original argv[1..] }. The
 * interpreter is this test itself; it checks the argv it receives. */
#include "t.h"

int main(int argc, char **argv)
{
	if (argc >= 2 && strcmp(argv[1], "arg1") == 0) {
		/* Interpreter mode: argv[2] is the script, then the extra args. */
		CHECK_EQ("interpreter argc", 5, argc);
		const char *script = argv[2];
		char line[4200];
		snprintf(line, sizeof line, "%s.want0", script);
		int fd = open(line, O_RDONLY);
		CHECK(fd >= 0, "open %s: expected success, got errno %d", line, errno);
		ssize_t n = read(fd, line, sizeof line - 1);
		close(fd);
		CHECK(n > 0, "read expected argv[0]: expected > 0 bytes, got %zd", n);
		line[n] = 0;
		CHECK(strcmp(argv[0], line) == 0, "argv[0]: expected \"%s\", got \"%s\"", line, argv[0]);
		CHECK(strncmp(script, "/tmp/exec_shebang.", 18) == 0,
		      "argv[2]: expected the script path, got \"%s\"", script);
		CHECK(strcmp(argv[3], "extra1") == 0, "argv[3]: expected \"extra1\", got \"%s\"", argv[3]);
		CHECK(strcmp(argv[4], "extra2") == 0, "argv[4]: expected \"extra2\", got \"%s\"", argv[4]);
		return 0;
	}

	const char *interp = self_path(argv[0]);
	char script[64], want0[80];
	snprintf(script, sizeof script, "/tmp/exec_shebang.%d", getpid());
	snprintf(want0, sizeof want0, "%s.want0", script);

	int fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);
	CHECK_OK("create script", fd);
	char text[4200];
	int len = snprintf(text, sizeof text, "#!%s arg1\n", interp);
	write_all(fd, text, len);
	CHECK_OK("fchmod", fchmod(fd, 0755));
	CHECK_OK("close script", close(fd));
	fd = open(want0, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK_OK("create want0", fd);
	write_all(fd, interp, strlen(interp));
	CHECK_OK("close want0", close(fd));

	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		char *args[] = { script, "extra1", "extra2", NULL };
		execv(script, args);
		FAIL("execv %s: expected to run the interpreter, got errno %d", script, errno);
	}
	int st = wait_for(pid);
	unlink(script);
	unlink(want0);
	CHECK_EQ("interpreter's raw exit status", 0, st);
	return 0;
}
