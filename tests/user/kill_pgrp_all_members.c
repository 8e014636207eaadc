/* kill_pgrp_all_members: kill(-pgid, sig) reaches every process of the
 * group and no one outside it; kill(-pgid) with no such group is ESRCH. */
#include "t.h"
#include <signal.h>

int main(void)
{
	pid_t kids[3];
	int p[2];
	CHECK_OK("pipe", pipe(p));
	for (int i = 0; i < 3; i++) {
		kids[i] = fork();
		CHECK_OK("fork", kids[i]);
		if (kids[i] == 0) {
			close(p[0]);
			for (;;)
				pause();
		}
		/* Both sides set the group, so it is set whoever runs first. */
		CHECK_OK("setpgid", setpgid(kids[i], kids[0]));
	}
	pid_t outsider = fork();
	CHECK_OK("fork", outsider);
	if (outsider == 0) {
		char c;
		close(p[1]);
		read(p[0], &c, 1);	/* until the parent closes the pipe */
		_exit(7);
	}
	close(p[0]);
	for (int i = 0; i < 3; i++)
		CHECK_EQ("getpgid", kids[0], getpgid(kids[i]));
	CHECK_OK("kill group", kill(-kids[0], SIGTERM));
	for (int i = 0; i < 3; i++) {
		int st = wait_for(kids[i]);
		CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
		      "member %d: expected killed by SIGTERM, raw %#x", i, st);
	}
	close(p[1]);
	int st = wait_for(outsider);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7, "outsider: expected exit 7, raw %#x", st);
	CHECK_ERR("kill empty group", kill(-kids[0], SIGTERM), ESRCH);
	return 0;
}
