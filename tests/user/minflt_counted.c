/* minflt_counted: touching fresh anonymous pages costs one minor fault
 * each, and the count shows in getrusage(RUSAGE_SELF), in /proc/self/stat
 * field 10 (minflt), in a reaped child's wait4 rusage, and in the parent's
 * RUSAGE_CHILDREN and stat field 11 (cminflt).  Also: a thread's faults
 * stay in its process's count after the thread has exited. */
#include "t.h"
#include <pthread.h>
#include <sys/mman.h>

#define PAGES 200

static void touch_pages(void)
{
	char *p = mmap(NULL, PAGES * 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap: errno %d", errno);
	for (int i = 0; i < PAGES; i++)
		p[i * 4096] = 1;
	munmap(p, PAGES * 4096);
}

static long self_minflt(void)
{
	struct rusage r;
	CHECK_OK("getrusage", getrusage(RUSAGE_SELF, &r));
	return r.ru_minflt;
}

static void *thread_touch(void *arg)
{
	(void)arg;
	touch_pages();
	return NULL;
}

int main(void)
{
	mount_proc();
	long before = self_minflt();
	touch_pages();
	long after = self_minflt();
	CHECK(after - before >= PAGES, "ru_minflt grew by %ld, want >= %d",
	      after - before, PAGES);
	long st = self_stat_field(10);
	CHECK(st >= after, "stat minflt %ld < ru_minflt %ld", st, after);

	pthread_t th;
	CHECK_EQ("pthread_create", 0, pthread_create(&th, NULL, thread_touch, NULL));
	CHECK_EQ("pthread_join", 0, pthread_join(th, NULL));
	long with_thread = self_minflt();
	CHECK(with_thread - after >= PAGES,
	      "an exited thread's faults: grew by %ld, want >= %d",
	      with_thread - after, PAGES);

	CHECK_EQ("stat cminflt before any child", 0, self_stat_field(11));
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		touch_pages();
		_exit(0);
	}
	int status;
	struct rusage cr;
	CHECK_EQ("wait4", pid, wait4(pid, &status, 0, &cr));
	CHECK(cr.ru_minflt >= PAGES, "child's ru_minflt %ld, want >= %d",
	      cr.ru_minflt, PAGES);
	struct rusage ch;
	CHECK_OK("getrusage children", getrusage(RUSAGE_CHILDREN, &ch));
	CHECK_EQ("RUSAGE_CHILDREN minflt", cr.ru_minflt, ch.ru_minflt);
	CHECK_EQ("stat cminflt", ch.ru_minflt, self_stat_field(11));
	printf("ok: minflt self %ld, child %ld\n", self_minflt(), ch.ru_minflt);
	return 0;
}
