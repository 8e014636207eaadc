/*
 * auxv_getauxval: the kernel builds the initial user stack the way the
 * x86-64 ABI says: argc, argv[], NULL, envp[], NULL, auxv pairs. Checks
 * AT_PAGESZ is 4096, AT_RANDOM points at readable bytes, argv[0] is the
 * program name (the runner passes "auxv_getauxval"; rdinit= boots pass a
 * path ending in it), argv[argc] is NULL and every envp string has an '='.
 */
#include <stdio.h>
#include <string.h>
#include <sys/auxv.h>

static int fails;

static void check(int ok, const char *what)
{
	if (!ok) {
		printf("auxv_getauxval: FAIL %s\n", what);
		fails++;
	}
}

int main(int argc, char **argv, char **envp)
{
	check(getauxval(AT_PAGESZ) == 4096, "AT_PAGESZ == 4096");

	const unsigned char *rnd = (const unsigned char *)getauxval(AT_RANDOM);
	check(rnd != NULL, "AT_RANDOM non-null");
	if (rnd) {
		unsigned or = 0;
		for (int i = 0; i < 16; i++)
			or |= rnd[i];
		check(or != 0, "AT_RANDOM bytes not all zero");
	}

	check(argc >= 1, "argc >= 1");
	check(argv[argc] == NULL, "argv[argc] == NULL");
	if (argc >= 1 && argv[0]) {
		const char *base = strrchr(argv[0], '/');
		base = base ? base + 1 : argv[0];
		check(strcmp(base, "auxv_getauxval") == 0, "argv[0] names the test");
	}
	for (char **e = envp; *e; e++)
		check(strchr(*e, '=') != NULL, "envp entries are NAME=VALUE");

	return fails != 0;
}
