/* bad_fd_ebadf: descriptors that are not open (negative, large, just
 * closed) give EBADF from read, write, close, fstat, lseek, dup, dup2,
 * fcntl and mmap; reading a write-only fd and writing a read-only fd give
 * EBADF too. dup2 onto an unused fd number is fine. */
#include "t.h"
#include <sys/mman.h>

int main(void)
{
	char b[4];
	struct stat st;
	int bad[] = { -1, 999, 1 << 20, -1000 };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int fd = bad[i];
		CHECK_ERR("read bad fd", read(fd, b, 1), EBADF);
		CHECK_ERR("write bad fd", write(fd, "x", 1), EBADF);
		CHECK_ERR("close bad fd", close(fd), EBADF);
		CHECK_ERR("fstat bad fd", fstat(fd, &st), EBADF);
		CHECK_ERR("lseek bad fd", lseek(fd, 0, SEEK_SET), EBADF);
		CHECK_ERR("dup bad fd", dup(fd), EBADF);
		CHECK_ERR("dup2 from bad fd", dup2(fd, 50), EBADF);
		CHECK_ERR("fcntl F_GETFD bad fd", fcntl(fd, F_GETFD), EBADF);
		CHECK_ERR("fcntl F_GETFL bad fd", fcntl(fd, F_GETFL), EBADF);
	}
	CHECK_ERR("dup2 to a negative fd", dup2(0, -1), EBADF);

	int fd = open("/dev/null", O_RDONLY);
	CHECK_OK("open", fd);
	CHECK_OK("close", close(fd));
	CHECK_ERR("read closed fd", read(fd, b, 1), EBADF);
	CHECK_ERR("close closed fd", close(fd), EBADF);
	CHECK_ERR("mmap closed fd", (long)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0), EBADF);

	int p[2];
	CHECK_OK("pipe", pipe(p));
	CHECK_ERR("write to pipe read end", write(p[0], "x", 1), EBADF);
	CHECK_ERR("read from pipe write end", read(p[1], b, 1), EBADF);
	int ro = open("/dev/zero", O_RDONLY);
	CHECK_OK("open /dev/zero O_RDONLY", ro);
	CHECK_ERR("write to O_RDONLY fd", write(ro, "x", 1), EBADF);
	int wo = open("/dev/null", O_WRONLY);
	CHECK_OK("open /dev/null O_WRONLY", wo);
	CHECK_ERR("read from O_WRONLY fd", read(wo, b, 1), EBADF);

	CHECK_EQ("dup2 onto an unused number", 77, dup2(ro, 77));
	CHECK_EQ("read via dup2 copy", 1, read(77, b, 1));
	CHECK_EQ("/dev/zero byte", 0, b[0]);
	return 0;
}
