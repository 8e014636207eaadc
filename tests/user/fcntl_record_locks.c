/* fcntl_record_locks: POSIX record locks as Linux gives them.  Locks
 * belong to a process (a fork child is another owner); an owner's own locks
 * never conflict with it; read locks share, write locks exclude; F_GETLK
 * reports the first conflicting lock (type, SEEK_SET start, length or 0 for
 * "to EOF", pid) or F_UNLCK; a new lock replaces what it covers of the
 * owner's locks, an unlock splits them, touching locks of one type merge;
 * F_SETLK fails with EAGAIN, F_SETLKW waits, EINTR on a signal, EDEADLK on
 * a cycle; closing any fd of the file or exiting drops the owner's locks;
 * bad type/whence/range give EINVAL or EOVERFLOW, a mode that does not
 * match the fd EBADF, a bad pointer EFAULT. */
#include "t.h"
#include <fcntl.h>
#include <signal.h>
#include <limits.h>

#define PATH "/tmp/fcntl_record_locks"

static int lk(int fd, int cmd, int type, off_t start, off_t len)
{
	struct flock l = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	return fcntl(fd, cmd, &l);
}

/* What F_GETLK says about [start, start+len) wanted as type. */
static struct flock getlk(int fd, int type, off_t start, off_t len)
{
	struct flock l = { .l_type = type, .l_whence = SEEK_SET, .l_start = start, .l_len = len };
	if (fcntl(fd, F_GETLK, &l) < 0)
		FAIL("F_GETLK: errno %d", errno);
	return l;
}

static void expect_lock(int fd, int type, off_t start, off_t len,
			int want_type, off_t want_start, off_t want_len, pid_t want_pid)
{
	struct flock l = getlk(fd, type, start, len);
	CHECK(l.l_type == want_type, "F_GETLK [%ld,+%ld): type %d, expected %d",
	      (long)start, (long)len, l.l_type, want_type);
	if (want_type == F_UNLCK)
		return;
	CHECK(l.l_whence == SEEK_SET && l.l_start == want_start && l.l_len == want_len &&
	      l.l_pid == want_pid,
	      "F_GETLK [%ld,+%ld): got whence %d start %ld len %ld pid %d, expected 0 %ld %ld %d",
	      (long)start, (long)len, l.l_whence, (long)l.l_start, (long)l.l_len, l.l_pid,
	      (long)want_start, (long)want_len, want_pid);
}

/* Run fn(fd) in a child (another lock owner) with its own fd; 0 = ok. */
static void in_child(const char *what, void (*fn)(int))
{
	pid_t c = fork();
	CHECK_OK("fork", c);
	if (c == 0) {
		int fd = open(PATH, O_RDWR);
		CHECK_OK("child open", fd);
		fn(fd);
		_exit(0);
	}
	CHECK_CHILD_OK(what, c);
}

static pid_t parent;

static void sees_write_lock(int fd)
{
	expect_lock(fd, F_WRLCK, 50, 10, F_WRLCK, 0, 100, parent);
	expect_lock(fd, F_RDLCK, 99, 1, F_WRLCK, 0, 100, parent);
	expect_lock(fd, F_WRLCK, 100, 0, F_UNLCK, 0, 0, 0);
	CHECK_ERR("F_SETLK over a write lock", lk(fd, F_SETLK, F_RDLCK, 0, 10), EAGAIN);
	CHECK_OK("F_SETLK beside it", lk(fd, F_SETLK, F_WRLCK, 100, 10));
}

static void shares_read_lock(int fd)
{
	CHECK_OK("read lock over a read lock", lk(fd, F_SETLK, F_RDLCK, 0, 50));
	CHECK_ERR("write lock over a read lock", lk(fd, F_SETLK, F_WRLCK, 0, 1), EAGAIN);
}

static void sees_split(int fd)
{
	expect_lock(fd, F_WRLCK, 40, 20, F_UNLCK, 0, 0, 0);
	expect_lock(fd, F_WRLCK, 60, 1, F_WRLCK, 60, 40, parent);
	expect_lock(fd, F_WRLCK, 39, 1, F_WRLCK, 0, 40, parent);
}

static void sees_merged(int fd)
{
	expect_lock(fd, F_WRLCK, 5, 1, F_RDLCK, 0, 20, parent);
	expect_lock(fd, F_WRLCK, 15, 1, F_RDLCK, 0, 20, parent);
	expect_lock(fd, F_WRLCK, 30, 1, F_RDLCK, 30, 0, parent);	/* to EOF */
}

static void sees_nothing(int fd)
{
	expect_lock(fd, F_WRLCK, 0, 0, F_UNLCK, 0, 0, 0);
}

static void on_alarm(int s) { (void)s; }

static void bad_arguments(int fd, int rdfd, int wrfd)
{
	struct flock l = { .l_type = 7, .l_whence = SEEK_SET };
	CHECK_ERR("bad l_type", fcntl(fd, F_SETLK, &l), EINVAL);
	l = (struct flock){ .l_type = F_UNLCK, .l_whence = SEEK_SET };
	CHECK_ERR("F_GETLK of F_UNLCK", fcntl(fd, F_GETLK, &l), EINVAL);
	l = (struct flock){ .l_type = F_RDLCK, .l_whence = 9 };
	CHECK_ERR("bad l_whence", fcntl(fd, F_SETLK, &l), EINVAL);
	CHECK_ERR("negative start", lk(fd, F_SETLK, F_RDLCK, -1, 1), EINVAL);
	CHECK_ERR("negative length past 0", lk(fd, F_SETLK, F_RDLCK, 3, -5), EINVAL);
	CHECK_ERR("end past OFFSET_MAX", lk(fd, F_SETLK, F_RDLCK, LLONG_MAX, 2), EOVERFLOW);
	CHECK_ERR("write lock, read-only fd", lk(rdfd, F_SETLK, F_WRLCK, 0, 1), EBADF);
	CHECK_ERR("read lock, write-only fd", lk(wrfd, F_SETLK, F_RDLCK, 0, 1), EBADF);
	CHECK_ERR("F_GETLK, NULL", fcntl(fd, F_GETLK, NULL), EFAULT);
	CHECK_ERR("F_SETLK, NULL", fcntl(fd, F_SETLK, NULL), EFAULT);
	/* A negative length counts back from start: [5, 10). */
	CHECK_OK("negative length", lk(fd, F_SETLK, F_WRLCK, 10, -5));
	CHECK_OK("unlock it", lk(fd, F_SETLK, F_UNLCK, 5, 5));
}

int main(void)
{
	parent = getpid();
	unlink(PATH);
	int fd = open(PATH, O_RDWR | O_CREAT, 0644);
	CHECK_OK("create", fd);
	int rdfd = open(PATH, O_RDONLY), wrfd = open(PATH, O_WRONLY);
	CHECK_OK("open r", rdfd);
	CHECK_OK("open w", wrfd);
	bad_arguments(fd, rdfd, wrfd);

	CHECK_OK("write lock [0,100)", lk(fd, F_SETLK, F_WRLCK, 0, 100));
	expect_lock(fd, F_WRLCK, 0, 0, F_UNLCK, 0, 0, 0);	/* our own: no conflict */
	in_child("child sees the write lock", sees_write_lock);

	CHECK_OK("downgrade to read", lk(fd, F_SETLK, F_RDLCK, 0, 100));
	in_child("child shares the read lock", shares_read_lock);

	CHECK_OK("write lock again", lk(fd, F_SETLK, F_WRLCK, 0, 100));
	CHECK_OK("unlock the middle", lk(fd, F_SETLK, F_UNLCK, 40, 20));
	in_child("child sees the split", sees_split);

	CHECK_OK("unlock all", lk(fd, F_SETLK, F_UNLCK, 0, 0));
	CHECK_OK("read [0,10)", lk(fd, F_SETLK, F_RDLCK, 0, 10));
	CHECK_OK("read [10,20)", lk(fd, F_SETLK, F_RDLCK, 10, 10));
	CHECK_OK("read [30,EOF)", lk(fd, F_SETLK, F_RDLCK, 30, 0));
	in_child("child sees merged locks", sees_merged);

	/* Closing any fd of the file drops all our locks on it. */
	close(rdfd);
	in_child("locks gone after close", sees_nothing);

	/* F_SETLKW waits for the holder. */
	int p[2];
	CHECK_OK("pipe", pipe(p));
	CHECK_OK("write lock", lk(fd, F_SETLK, F_WRLCK, 0, 1));
	pid_t c = fork();
	CHECK_OK("fork", c);
	if (c == 0) {
		int cfd = open(PATH, O_RDWR);
		char b = 'w';
		write_all(p[1], &b, 1);
		int r = lk(cfd, F_SETLKW, F_WRLCK, 0, 1);	/* blocks */
		b = r == 0 ? 'y' : 'n';
		write_all(p[1], &b, 1);
		/* Hold [0,1), wait for [1,2) which the parent holds: the
		 * parent's F_SETLKW on [0,1) then closes a cycle. */
		_exit(lk(cfd, F_SETLKW, F_WRLCK, 1, 1) == 0 ? 0 : 3);
	}
	char b;
	read_all(p[0], &b, 1);
	usleep(100000);
	CHECK_OK("lock [1,2)", lk(fd, F_SETLK, F_WRLCK, 1, 1));
	CHECK_OK("unlock [0,1)", lk(fd, F_SETLK, F_UNLCK, 0, 1));
	read_all(p[0], &b, 1);
	CHECK(b == 'y', "child's F_SETLKW failed");
	usleep(100000);		/* the child now waits for [1,2) */
	CHECK_ERR("F_SETLKW closing a cycle", lk(fd, F_SETLKW, F_WRLCK, 0, 1), EDEADLK);
	CHECK_OK("unlock [1,2)", lk(fd, F_SETLK, F_UNLCK, 1, 1));
	CHECK_CHILD_OK("child got both locks", c);
	/* Its exit dropped them. */
	CHECK_OK("lock after the holder exited", lk(fd, F_SETLK, F_WRLCK, 0, 2));

	/* A signal ends F_SETLKW with EINTR (no SA_RESTART). */
	c = fork();
	CHECK_OK("fork", c);
	if (c == 0) {
		int cfd = open(PATH, O_RDWR);
		struct sigaction sa = { .sa_handler = on_alarm };
		sigaction(SIGALRM, &sa, NULL);
		alarm(1);
		int r = lk(cfd, F_SETLKW, F_RDLCK, 0, 1);
		_exit(r < 0 && errno == EINTR ? 0 : 4);
	}
	CHECK_CHILD_OK("F_SETLKW interrupted", c);
	close(fd);
	close(wrfd);
	unlink(PATH);
	return 0;
}
