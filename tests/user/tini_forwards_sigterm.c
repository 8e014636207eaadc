/* tini_forwards_sigterm: a tiny init in the style of tini.  As a child
 * subreaper it runs an "app" child that forks a grandchild and then
 * sleeps; SIGTERM sent to the init is forwarded to the app, which dies of
 * it; the orphaned grandchild is reparented to the init, which reaps it
 * too, and only then finds no children left (ECHILD). */
#include "t.h"
#include <signal.h>
#include <stdbool.h>
#include <sys/prctl.h>

static volatile pid_t app;

static void forward(int sig)
{
	kill(app, sig);
}

int main(void)
{
	int ready[2], hold[2];
	char c;
	CHECK_OK("subreaper", prctl(PR_SET_CHILD_SUBREAPER, 1));
	CHECK_OK("pipe", pipe(ready));
	CHECK_OK("pipe", pipe(hold));
	signal(SIGTERM, forward);
	app = fork();
	CHECK_OK("fork", app);
	if (app == 0) {
		signal(SIGTERM, SIG_DFL);
		pid_t g = fork();
		if (g == 0) {
			/* Grandchild: lives until the app (the last writer) dies. */
			close(hold[1]);
			close(ready[0]);
			write(ready[1], "g", 1);
			read(hold[0], &c, 1);
			_exit(7);
		}
		close(hold[0]);
		write(ready[1], "a", 1);
		for (;;)
			pause();
	}
	close(hold[1]);
	close(hold[0]);
	close(ready[1]);
	read_all(ready[0], &c, 1);
	read_all(ready[0], &c, 1);
	CHECK_OK("SIGTERM to init", kill(getpid(), SIGTERM));

	int st, reaped = 0;
	bool app_seen = false, grandchild_seen = false;
	for (;;) {
		pid_t w = waitpid(-1, &st, 0);
		if (w < 0 && errno == EINTR)
			continue;
		if (w < 0) {
			CHECK_EQ("waitpid errno at the end", ECHILD, errno);
			break;
		}
		reaped++;
		if (w == app) {
			CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
			      "app: expected killed by SIGTERM, raw %#x", st);
			app_seen = true;
		} else {
			CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7,
			      "grandchild: expected exit 7, raw %#x", st);
			grandchild_seen = true;
		}
	}
	CHECK(app_seen && grandchild_seen, "reaped %d: app %d grandchild %d", reaped,
	      app_seen, grandchild_seen);
	return 0;
}
