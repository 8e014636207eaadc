/*
 * hello-init: a tiny interactive /init for `make run`, until the busybox
 * shell works on Tine. It prints a banner and the uname fields, then reads
 * commands from fd 0 at a `tine# ` prompt: help, uname, echo ..., poweroff.
 * It uses only read, write, uname, reboot and exit, so it is a first client
 * for a young kernel: no fork, no exec, no memory beyond its own stack.
 */
#include <string.h>
#include <sys/reboot.h>
#include <sys/utsname.h>
#include <unistd.h>

static void say(const char *s)
{
	write(1, s, strlen(s));
}

static void show_uname(void)
{
	struct utsname u;
	if (uname(&u) < 0) {
		say("uname failed\n");
		return;
	}
	const char *f[] = { u.sysname, " ", u.nodename, " ", u.release, " ",
			    u.version, " ", u.machine, "\n" };
	for (unsigned i = 0; i < sizeof f / sizeof f[0]; i++)
		say(f[i]);
}

/* Read one line from fd 0 into buf, without the newline; -1 at EOF. */
static int read_line(char *buf, int size)
{
	int n = 0;
	char c;
	for (;;) {
		if (read(0, &c, 1) != 1)
			return -1;
		if (c == '\n' || c == '\r')
			break;
		if (n < size - 1)
			buf[n++] = c;
	}
	buf[n] = '\0';
	return n;
}

int main(void)
{
	char line[256];

	say("\nhello-init: Tine's interactive init (type `help`)\n");
	show_uname();
	for (;;) {
		say("tine# ");
		if (read_line(line, sizeof line) < 0)
			break;
		if (line[0] == '\0')
			continue;
		if (strcmp(line, "help") == 0)
			say("commands: help, uname, echo TEXT, poweroff\n");
		else if (strcmp(line, "uname") == 0)
			show_uname();
		else if (strncmp(line, "echo", 4) == 0 &&
			 (line[4] == ' ' || line[4] == '\0')) {
			say(line[4] ? line + 5 : "");
			say("\n");
		} else if (strcmp(line, "poweroff") == 0)
			break;
		else
			say("unknown command\n");
	}
	reboot(RB_POWER_OFF);
	_exit(0);
}
