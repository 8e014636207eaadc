/* fork_bomb_killed: a fork bomb run as an unprivileged uid with
 * RLIMIT_NPROC 64 hits the limit (fork fails with EAGAIN), is then killed
 * with kill(-1, SIGKILL) sent by a helper that setuid()s to the same uid
 * (from a non-init process kill(-1) hits everything the sender may
 * signal: every process of that uid but itself, never us, who are root),
 * and every bomb process is reaped: afterwards /proc lists no process of
 * that uid, and the uid can fork again. */
#include "t.h"
#include <dirent.h>
#include <signal.h>

#define LIMIT 64

static uid_t bomb_uid;

/* Processes (zombies too) whose real uid is bomb_uid, from /proc. */
static int count_uid(void)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	int n = 0;
	CHECK(d != NULL, "opendir /proc: expected success, got errno %d", errno);
	while ((e = readdir(d))) {
		char path[300], buf[4096];
		if (e->d_name[0] < '1' || e->d_name[0] > '9')
			continue;
		snprintf(path, sizeof path, "/proc/%s/status", e->d_name);
		int fd = open(path, O_RDONLY);
		if (fd < 0)
			continue;	/* gone meanwhile */
		ssize_t len = read(fd, buf, sizeof buf - 1);
		close(fd);
		if (len <= 0)
			continue;
		buf[len] = 0;
		char *u = strstr(buf, "\nUid:");
		if (u && (uid_t)strtoul(u + 5, NULL, 10) == bomb_uid)
			n++;
	}
	closedir(d);
	return n;
}

/* Every bomb process forks until fork fails, reports EAGAIN, then
 * sleeps; its children do the same. */
static void bomb(int report)
{
	for (;;) {
		pid_t pid = fork();
		if (pid == 0)
			continue;	/* the child bombs too */
		if (pid < 0) {
			char c = errno == EAGAIN ? 'E' : '?';
			write(report, &c, 1);
			for (;;)
				pause();
		}
	}
}

int main(void)
{
	mount_proc();
	bomb_uid = 300000 + getpid();
	int p[2];
	CHECK_OK("pipe", pipe(p));

	pid_t leader = fork();
	CHECK_OK("fork", leader);
	if (leader == 0) {
		struct rlimit rl = { LIMIT, LIMIT };
		close(p[0]);
		CHECK_OK("setrlimit RLIMIT_NPROC", setrlimit(RLIMIT_NPROC, &rl));
		CHECK_OK("setuid", setuid(bomb_uid));
		bomb(p[1]);
	}
	close(p[1]);
	char c;
	read_all(p[0], &c, 1);
	CHECK_EQ("the first failed fork's errno is EAGAIN ('E')", 'E', c);

	pid_t killer = fork();
	CHECK_OK("fork killer", killer);
	if (killer == 0) {
		CHECK_OK("killer setuid", setuid(bomb_uid));
		CHECK_OK("kill(-1, SIGKILL)", kill(-1, SIGKILL));
		_exit(0);
	}
	CHECK_CHILD_OK("killer", killer);
	int st = wait_for(leader);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL,
	      "bomb leader: expected death by SIGKILL, got raw status %#x", st);

	/* The rest were orphaned to init, which reaps them. */
	int left = -1;
	for (int i = 0; i < 500 && (left = count_uid()) != 0; i++)
		usleep(10000);
	CHECK_EQ("processes of the bomb's uid left after 5 s", 0, left);

	pid_t again = fork();
	CHECK_OK("fork", again);
	if (again == 0) {
		struct rlimit rl = { LIMIT, LIMIT };
		setrlimit(RLIMIT_NPROC, &rl);
		if (setuid(bomb_uid) < 0)
			_exit(2);
		pid_t k = fork();
		if (k == 0)
			_exit(0);
		_exit(k > 0 && waitpid(k, NULL, 0) == k ? 0 : 3);
	}
	CHECK_CHILD_OK("the uid forks again", again);
	return 0;
}
