/* exec_e2big: execve refuses argument lists that are too long with E2BIG
 * and leaves the caller intact: one string longer than MAX_ARG_STRLEN
 * (32 pages), and argv+envp totalling more than a quarter of the 8 MiB
 * stack limit.  A long list that fits (1 MiB in 1024 strings) is passed
 * through intact. */
#include "t.h"

#define ONE_MAX (32 * 4096)

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "child-mode")) {
		/* argv: child-mode, then 1024 strings of 1023 'a's */
		if (argc != 1026)
			return 10;
		for (int i = 2; i < argc; i++)
			if (strlen(argv[i]) != 1023 || argv[i][0] != 'a')
				return 11;
		return 0;
	}
	const char *self = self_path(argv[0]);

	char *big = malloc(ONE_MAX + 1);
	memset(big, 'x', ONE_MAX);
	big[ONE_MAX] = 0;		/* ONE_MAX + 1 bytes with the NUL */
	char *one[] = { (char *)self, big, NULL };
	CHECK_ERR("execve one string of 32 pages + 1", execve(self, one, NULL), E2BIG);
	char *env1[] = { big, NULL };
	char *argv1[] = { (char *)self, NULL };
	CHECK_ERR("execve one env string of 32 pages + 1", execve(self, argv1, env1), E2BIG);

	/* 24 strings of 128 KiB - 1: 3 MiB in all */
	big[ONE_MAX - 1] = 0;
	char *many[26];
	many[0] = (char *)self;
	for (int i = 1; i < 25; i++)
		many[i] = big;
	many[25] = NULL;
	CHECK_ERR("execve 3 MiB of arguments", execve(self, many, NULL), E2BIG);

	/* 1024 x 1 KiB fits */
	static char *fits[1027];
	char *a = malloc(1024);
	memset(a, 'a', 1023);
	a[1023] = 0;
	fits[0] = (char *)self;
	fits[1] = "child-mode";
	for (int i = 2; i < 1026; i++)
		fits[i] = a;
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		execve(self, fits, NULL);
		_exit(12);
	}
	CHECK_CHILD_OK("exec with 1 MiB of arguments", pid);
	return 0;
}
