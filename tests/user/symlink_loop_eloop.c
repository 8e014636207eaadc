/* symlink_loop_eloop: path resolution follows symlinks but gives ELOOP for
 * loops (a->b->a, c->c) and for chains longer than Linux's 40 links; a
 * chain of 10 resolves. O_NOFOLLOW on a final symlink gives ELOOP; lstat
 * and readlink see the link itself; a dangling link gives ENOENT. */
#include "t.h"

static char d[64];

static void path(char *out, size_t n, const char *name)
{
	snprintf(out, n, "%s/%s", d, name);
}

int main(void)
{
	char a[96], b[96], c[96], t[96], dang[96], name[96], target[96];
	snprintf(d, sizeof d, "/tmp/symlink_loop_eloop.%d", getpid());
	CHECK_OK("mkdir", mkdir(d, 0755));
	path(a, sizeof a, "a");
	path(b, sizeof b, "b");
	path(c, sizeof c, "c");
	path(t, sizeof t, "target");
	path(dang, sizeof dang, "dangling");

	CHECK_OK("symlink a->b", symlink(b, a));
	CHECK_OK("symlink b->a", symlink("a", b)); /* relative target */
	CHECK_OK("symlink c->c", symlink(c, c));
	CHECK_ERR("open a (a->b->a)", open(a, O_RDONLY), ELOOP);
	CHECK_ERR("open c (c->c)", open(c, O_RDONLY), ELOOP);
	struct stat st;
	CHECK_ERR("stat a", stat(a, &st), ELOOP);
	char through[128];
	snprintf(through, sizeof through, "%s/x", a);
	CHECK_ERR("loop as a middle component", open(through, O_RDONLY), ELOOP);
	CHECK_ERR("open(O_CREAT) through a loop", open(a, O_WRONLY | O_CREAT, 0644), ELOOP);
	CHECK_OK("lstat a", lstat(a, &st));
	CHECK(S_ISLNK(st.st_mode), "lstat a: expected a symlink, got mode %o", st.st_mode);
	char buf[128] = { 0 };
	CHECK_EQ("readlink b", 1, readlink(b, buf, sizeof buf));
	CHECK(strcmp(buf, "a") == 0, "readlink b: expected \"a\", got \"%s\"", buf);

	int fd = open(t, O_WRONLY | O_CREAT, 0644);
	CHECK_OK("create target", fd);
	write_all(fd, "T", 1);
	close(fd);

	/* Chain l0 -> l1 -> ... -> l(n-1) -> target. */
	for (int i = 49; i >= 0; i--) {
		snprintf(name, sizeof name, "%s/l%d", d, i);
		if (i == 49)
			snprintf(target, sizeof target, "%s", t);
		else
			snprintf(target, sizeof target, "l%d", i + 1);
		CHECK_OK("symlink chain", symlink(target, name));
	}
	snprintf(name, sizeof name, "%s/l40", d); /* 10 links to the target */
	fd = open(name, O_RDONLY);
	CHECK_OK("open through 10 symlinks", fd);
	CHECK_EQ("read through 10 symlinks", 1, read(fd, buf, 1));
	CHECK_EQ("content through symlinks", 'T', buf[0]);
	close(fd);
	snprintf(name, sizeof name, "%s/l0", d); /* 50 links */
	CHECK_ERR("open through 50 symlinks", open(name, O_RDONLY), ELOOP);

	CHECK_OK("symlink to target", symlink(t, dang));
	CHECK_ERR("O_NOFOLLOW on a symlink", open(dang, O_RDONLY | O_NOFOLLOW), ELOOP);
	CHECK_OK("unlink target", unlink(t));
	CHECK_ERR("open dangling symlink", open(dang, O_RDONLY), ENOENT);
	CHECK_ERR("symlink over existing name", symlink(t, a), EEXIST);

	unlink(a);
	unlink(b);
	unlink(c);
	unlink(dang);
	for (int i = 0; i < 50; i++) {
		snprintf(name, sizeof name, "%s/l%d", d, i);
		unlink(name);
	}
	CHECK_OK("rmdir", rmdir(d));
	return 0;
}
