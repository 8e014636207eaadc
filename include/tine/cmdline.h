/*
 * The kernel command line (kernel/lib/cmdline.c): the parameters Tine acts
 * on, and the words Linux would hand to init as its arguments and
 * environment.
 */
#ifndef TINE_CMDLINE_H
#define TINE_CMDLINE_H

#include <tine/types.h>

/* Linux's MAX_INIT_ARGS/MAX_INIT_ENVS (CONFIG_INIT_ENV_ARG_LIMIT = 32). */
#define CMDLINE_MAX_ARGS 32	/* entries of init's argv, argv[0] included */
#define CMDLINE_MAX_ENVS 32	/* entries of init's envp, HOME and TERM included */

struct cmdline {
	bool quiet;			/* "quiet" was given */
	const char *console;		/* last console= value, or NULL */
	const char *init;		/* init= value, or NULL */
	const char *rdinit;		/* rdinit= value, or NULL */
	int panic_timeout;		/* panic= value, 0 if absent */
	int loglevel;			/* console loglevel the last of quiet (4),
					   debug (10), loglevel=N set; -1 if none */
	const char *trace;		/* trace= value, or NULL */
	int argc;			/* argv[0] is left NULL for the init path */
	const char *argv[CMDLINE_MAX_ARGS + 1];	/* NULL-terminated */
	int envc;
	const char *envp[CMDLINE_MAX_ENVS + 1];	/* NULL-terminated */
};

int cmdline_parse(char *buf, struct cmdline *out);

#endif
