/*
 * Host test of kernel/lib/cmdline.c on command lines whose Linux outcome is
 * known: what is consumed, what reaches init's argv and envp, quoting, the
 * "--" separator, module parameters and the limits.
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <tine/cmdline.h>
#include <tine/errno.h>

static struct cmdline cl;
static char buf[4096];

static int parse(const char *line)
{
	snprintf(buf, sizeof(buf), "%s", line);
	return cmdline_parse(buf, &cl);
}

/* Check argv[1..] (argv[0] stays NULL) against a NULL-terminated list. */
static void check_argv(const char *const *want)
{
	int i;

	assert_null(cl.argv[0]);
	for (i = 0; want[i]; i++) {
		assert_non_null(cl.argv[i + 1]);
		assert_string_equal(cl.argv[i + 1], want[i]);
	}
	assert_int_equal(cl.argc, i + 1);
	assert_null(cl.argv[cl.argc]);
}

static void check_envp(const char *const *want)
{
	int i;

	for (i = 0; want[i]; i++) {
		assert_non_null(cl.envp[i]);
		assert_string_equal(cl.envp[i], want[i]);
	}
	assert_int_equal(cl.envc, i);
	assert_null(cl.envp[cl.envc]);
}

#define ARGV(...) check_argv((const char *const[]){ __VA_ARGS__, NULL })
#define NO_ARGS() check_argv((const char *const[]){ NULL })
#define ENVP(...) check_envp((const char *const[]){ __VA_ARGS__, NULL })

static void test_empty(void **state)
{
	(void)state;
	assert_int_equal(parse(""), 0);
	assert_false(cl.quiet);
	assert_null(cl.console);
	assert_null(cl.init);
	assert_null(cl.rdinit);
	assert_null(cl.trace);
	assert_int_equal(cl.panic_timeout, 0);
	assert_int_equal(cl.loglevel, -1);
	NO_ARGS();
	ENVP("HOME=/", "TERM=linux");
	assert_int_equal(parse("   \t  "), 0);
	NO_ARGS();
}

static void test_boot_contract_line(void **state)
{
	(void)state;
	assert_int_equal(parse("console=ttyS0 quiet panic=-1"), 0);
	assert_string_equal(cl.console, "ttyS0");
	assert_true(cl.quiet);
	assert_int_equal(cl.loglevel, 4);
	assert_int_equal(cl.panic_timeout, -1);
	NO_ARGS();
	ENVP("HOME=/", "TERM=linux");
}

static void test_known_params(void **state)
{
	(void)state;
	assert_int_equal(parse("init=/bin/sh rdinit=/sbin/init trace=syscalls "
			       "loglevel=7 panic=0x10 console=tty0 console=ttyS0,115200"), 0);
	assert_string_equal(cl.init, "/bin/sh");
	assert_string_equal(cl.rdinit, "/sbin/init");
	assert_string_equal(cl.trace, "syscalls");
	assert_int_equal(cl.loglevel, 7);
	assert_int_equal(cl.panic_timeout, 16);
	assert_string_equal(cl.console, "ttyS0,115200");	/* last one wins */
	assert_false(cl.quiet);
	NO_ARGS();
	/* quiet, debug and loglevel=: the last one sets the level. */
	parse("debug quiet");
	assert_int_equal(cl.loglevel, 4);
	parse("quiet debug");
	assert_int_equal(cl.loglevel, 10);
	assert_true(cl.quiet);
	parse("loglevel=3 debug");
	assert_int_equal(cl.loglevel, 10);
	/* Malformed numbers are consumed and ignored. */
	parse("panic=abc loglevel loglevel=1x panic");
	assert_int_equal(cl.panic_timeout, 0);
	assert_int_equal(cl.loglevel, -1);
	NO_ARGS();
	ENVP("HOME=/", "TERM=linux");
	parse("panic=010");	/* base 0 like kstrtoint: octal */
	assert_int_equal(cl.panic_timeout, 8);
}

static void test_unknown_words_go_to_init(void **state)
{
	(void)state;
	/* Linux: "single" reaches init's argv, "FOO=bar" its environment. */
	assert_int_equal(parse("console=ttyS0 single FOO=bar -s emergency"), 0);
	ARGV("single", "-s", "emergency");
	ENVP("HOME=/", "TERM=linux", "FOO=bar");
	/* Params without their '=' are not the known "name=" setups. */
	parse("init console");
	ARGV("init", "console");
}

static void test_env_replaces_same_name(void **state)
{
	(void)state;
	parse("TERM=vt100 A=1 HOME=/root A=2 AB=3");
	ENVP("HOME=/root", "TERM=vt100", "A=2", "AB=3");
}

static void test_module_params_and_bootloader(void **state)
{
	(void)state;
	parse("usbcore.autosuspend=-1 nosmp.x foo=a.b BOOT_IMAGE=/vmlinuz kexec_jump");
	NO_ARGS();
	ENVP("HOME=/", "TERM=linux", "foo=a.b");	/* the '.' is in the value */
}

static void test_quotes(void **state)
{
	(void)state;
	parse("FOO=\"a b  c\" \"quoted word\" init=\"/bin/my init\" x\"y z\"w");
	ENVP("HOME=/", "TERM=linux", "FOO=a b  c");
	assert_string_equal(cl.init, "/bin/my init");
	/* init= drops the arguments before it, as Linux's init_setup does. */
	ARGV("x\"y z\"w");
	parse("\"two words\" after");
	ARGV("two words", "after");
	parse("console=\"ttyS0\"");
	assert_string_equal(cl.console, "ttyS0");
}

static void test_init_resets_args(void **state)
{
	(void)state;
	parse("auto one init=/sbin/init two");
	ARGV("two");
	parse("auto rdinit=/init three");
	ARGV("three");
	assert_string_equal(cl.rdinit, "/init");
}

static void test_double_dash(void **state)
{
	(void)state;
	assert_int_equal(parse("quiet a X=1 -- b Y=2 mod.p=3 quiet \"c d\" E=\"f g\""), 0);
	assert_true(cl.quiet);
	ARGV("a", "b", "Y=2", "mod.p=3", "quiet", "c d", "E=f g");
	ENVP("HOME=/", "TERM=linux", "X=1");
	/* A second "--" ends the line; Linux drops what follows. */
	parse("-- a -- b");
	ARGV("a");
	parse("--");
	NO_ARGS();
	/* "--x" is just a word. */
	parse("--x");
	ARGV("--x");
}

static void test_separators(void **state)
{
	(void)state;
	parse("  a\tb\n c  ");
	ARGV("a", "b", "c");
	/* An '=' in first position does not start a value (Linux's next_arg). */
	parse("=x");
	ARGV("=x");
}

static void test_too_many(void **state)
{
	char line[2048] = "console=ttyS1";
	int i;

	(void)state;
	for (i = 0; i < CMDLINE_MAX_ARGS; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), " a%d", i);
	assert_int_equal(parse(line), -E2BIG);
	assert_int_equal(cl.argc, CMDLINE_MAX_ARGS);
	assert_null(cl.argv[CMDLINE_MAX_ARGS]);
	assert_string_equal(cl.console, "ttyS1");

	/* Exactly full: argv[0] plus CMDLINE_MAX_ARGS-1 words is fine. */
	strcpy(line, "");
	for (i = 0; i < CMDLINE_MAX_ARGS - 1; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), " a%d", i);
	assert_int_equal(parse(line), 0);

	strcpy(line, "");
	for (i = 0; i < CMDLINE_MAX_ENVS - 2; i++)
		snprintf(line + strlen(line), sizeof(line) - strlen(line), " V%d=1", i);
	assert_int_equal(parse(line), 0);
	assert_int_equal(cl.envc, CMDLINE_MAX_ENVS);
	assert_int_equal(parse(strcat(line, " LAST=1 console=ttyS2")), -E2BIG);
	assert_string_equal(cl.console, "ttyS2");
	/* Replacing an existing name needs no new slot. */
	strcpy(line + strlen(line) - strlen(" LAST=1 console=ttyS2"), " V0=2");
	assert_int_equal(parse(line), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_boot_contract_line),
		cmocka_unit_test(test_known_params),
		cmocka_unit_test(test_unknown_words_go_to_init),
		cmocka_unit_test(test_env_replaces_same_name),
		cmocka_unit_test(test_module_params_and_bootloader),
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_init_resets_args),
		cmocka_unit_test(test_double_dash),
		cmocka_unit_test(test_separators),
		cmocka_unit_test(test_too_many),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
