/*
 * Parsing the kernel command line the way Linux does, for the parameters
 * Tine knows, and building init's argv and envp from the rest.
 *
 * The Linux rules implemented here (init/main.c: parse_args with
 * unknown_bootoption and set_init_arg; kernel/params.c: next_arg;
 * Documentation/admin-guide/kernel-parameters.txt):
 *
 *  - Words are separated by white space.  A double quote starts or ends a
 *    quoted stretch in which spaces do not split: param="a b" is one word.
 *    The value part is the text after the first '=' (not counting an '=' in
 *    the very first position), with one pair of surrounding quotes removed;
 *    a word that is entirely quoted loses its quotes too.
 *  - Kernel parameters are consumed: console=, init=, rdinit=, trace= (any
 *    value), quiet, debug, loglevel= (with or without a value) and panic=.
 *    init= and rdinit= also throw away the init arguments gathered so far
 *    (Linux does this because LILO prepended "auto" to the command line).
 *    console= may repeat; the last one wins, as /dev/console does on Linux.
 *  - Words the bootloader adds ("BOOT_IMAGE=...", "kexec...") are dropped,
 *    and so is any word with a '.' in its name part (before the '='): an
 *    unused module parameter such as "usbcore.autosuspend=-1".
 *  - Any other word with an '=' goes to init's environment, replacing an
 *    earlier entry of the same name (so TERM=vt100 replaces the default);
 *    any other word without one goes to init's arguments.
 *  - Everything after a bare "--" goes to init's arguments unfiltered, even
 *    words with an '=' or a '.', up to a second bare "--", where Linux stops
 *    (what follows it is dropped).
 *  - init's environment always starts with HOME=/ and TERM=linux.
 *
 * Where Linux panics later on too many init arguments or variables, we keep
 * parsing (so console= still takes effect) and return -E2BIG.
 */
#include <tine/cmdline.h>
#include <tine/errno.h>
#include <tine/string.h>

#define LOGLEVEL_QUIET	4	/* Linux's CONSOLE_LOGLEVEL_QUIET */
#define LOGLEVEL_DEBUG	10	/* Linux's CONSOLE_LOGLEVEL_DEBUG */

static bool is_space(char c)
{
	return c == ' ' || (c >= '\t' && c <= '\r');
}

static char *skip_spaces(char *s)
{
	while (is_space(*s))
		s++;
	return s;
}

/*
 * Split the word at args off in place: *param is the whole word, or its
 * name with *val its value (NULL without '=').  Returns the next word.
 */
static char *next_word(char *args, char **param, char **val)
{
	bool in_quote = false, quoted = false;
	size_t i, eq = 0;

	if (*args == '"') {
		args++;
		in_quote = quoted = true;
	}
	for (i = 0; args[i] && (in_quote || !is_space(args[i])); i++) {
		if (eq == 0 && i > 0 && args[i] == '=')
			eq = i;
		if (args[i] == '"')
			in_quote = !in_quote;
	}
	*param = args;
	*val = NULL;
	if (eq) {
		args[eq] = '\0';
		*val = args + eq + 1;
		if (**val == '"') {	/* drop the quotes around the value */
			(*val)++;
			if (args[i - 1] == '"')
				args[i - 1] = '\0';
		}
	}
	if (quoted && i > 0 && args[i - 1] == '"')
		args[i - 1] = '\0';
	if (args[i])
		args[i++] = '\0';
	return skip_spaces(args + i);
}

/* Undo the split of next_word: make param the whole "name=value" again. */
static char *join_word(char *param, char *val)
{
	size_t len = strlen(param);

	if (!val)
		return param;
	if (val == param + len + 1) {
		val[-1] = '=';
	} else {		/* name="value": slide the value over the quote */
		val[-2] = '=';
		memmove(val - 1, val, strlen(val) + 1);
	}
	return param;
}

/* Linux's kstrtoint(s, 0, ...): optional sign, 0x hex, 0 octal, decimal. */
static bool parse_int(const char *s, int *out)
{
	bool neg = false;
	unsigned base = 10;
	s64 v = 0;

	if (!s)
		return false;
	if (*s == '-' || *s == '+')
		neg = *s++ == '-';
	if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2]) {
		base = 16;
		s += 2;
	} else if (s[0] == '0' && s[1]) {
		base = 8;
		s++;
	}
	if (!*s)
		return false;
	for (; *s; s++) {
		unsigned d;

		if (*s >= '0' && *s <= '9')
			d = *s - '0';
		else if ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')
			d = (*s | 0x20) - 'a' + 10;
		else
			return false;
		if (d >= base)
			return false;
		v = v * base + d;
		if (v > (s64)INT32_MAX + 1)
			return false;
	}
	if (v > INT32_MAX && !neg)
		return false;
	*out = (int)(neg ? -v : v);
	return true;
}

/* Consume a kernel parameter Tine knows; false if param is not one. */
static bool kernel_param(const char *param, const char *val, struct cmdline *out)
{
	if (!strcmp(param, "quiet")) {
		out->quiet = true;
		out->loglevel = LOGLEVEL_QUIET;
	} else if (!strcmp(param, "debug")) {
		out->loglevel = LOGLEVEL_DEBUG;
	} else if (!strcmp(param, "loglevel")) {
		parse_int(val, &out->loglevel);	/* malformed: ignored, like Linux */
	} else if (!strcmp(param, "panic")) {
		parse_int(val, &out->panic_timeout);
	} else if (!val) {
		return false;	/* the rest are "name=" setups and need a value */
	} else if (!strcmp(param, "console")) {
		out->console = val;
	} else if (!strcmp(param, "init") || !strcmp(param, "rdinit")) {
		*(param[0] == 'i' ? &out->init : &out->rdinit) = val;
		out->argc = 1;
		out->argv[1] = NULL;
	} else if (!strcmp(param, "trace")) {
		out->trace = val;
	} else {
		return false;
	}
	return true;
}

static int add_arg(struct cmdline *out, const char *word)
{
	if (out->argc >= CMDLINE_MAX_ARGS)
		return -E2BIG;
	out->argv[out->argc++] = word;
	out->argv[out->argc] = NULL;
	return 0;
}

/* Add "name=value", replacing an entry with the same name (namelen bytes). */
static int add_env(struct cmdline *out, const char *word, size_t namelen)
{
	int i;

	for (i = 0; i < out->envc; i++)
		if (!strncmp(out->envp[i], word, namelen + 1))
			break;
	if (i == CMDLINE_MAX_ENVS)
		return -E2BIG;
	out->envp[i] = word;
	if (i == out->envc)
		out->envp[++out->envc] = NULL;
	return 0;
}

/* An unused module parameter ("mod.param=value") has a '.' in its name. */
static bool name_has_dot(const char *word, size_t namelen)
{
	size_t i;

	for (i = 0; i < namelen; i++)
		if (word[i] == '.')
			return true;
	return false;
}

static bool from_bootloader(const char *word)
{
	return !strncmp(word, "BOOT_IMAGE=", 11) || !strncmp(word, "kexec", 5);
}

/* A word before any "--": a kernel parameter, or something for init. */
static int handle_word(char *param, char *val, struct cmdline *out)
{
	size_t namelen = strlen(param);
	char *word;

	if (kernel_param(param, val, out))
		return 0;
	word = join_word(param, val);
	if (from_bootloader(word) || name_has_dot(word, namelen))
		return 0;
	return val ? add_env(out, word, namelen) : add_arg(out, word);
}

static void cmdline_init(struct cmdline *out)
{
	memset(out, 0, sizeof(*out));
	out->loglevel = -1;
	out->argc = 1;		/* argv[0] is the init path, set by the caller */
	out->envp[0] = "HOME=/";
	out->envp[1] = "TERM=linux";
	out->envc = 2;
}

/*
 * Parse buf (modified in place; the strings in *out point into it).
 * Returns 0, or -E2BIG when init's argv or envp overflowed; the other
 * fields are filled in either way.
 */
int cmdline_parse(char *buf, struct cmdline *out)
{
	char *p = skip_spaces(buf), *param, *val;
	int err = 0, ret;

	cmdline_init(out);
	while (*p) {
		p = next_word(p, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		ret = handle_word(param, val, out);
		err = err ? err : ret;
	}
	while (*p) {		/* after "--": everything is init's */
		p = next_word(p, &param, &val);
		if (!val && !strcmp(param, "--"))
			break;
		ret = add_arg(out, join_word(param, val));
		err = err ? err : ret;
	}
	return err;
}
