/* smp_cow_race: threads keep writing while another thread of the same
 * process forks, munmaps and mprotects, so on several CPUs the writers
 * hold translations that the kernel must shoot down.
 *  - fork: a child must never see a value the parent's writer stored after
 *    fork() returned (the snapshot is taken when fork write-protects);
 *  - munmap / mprotect(PROT_READ): once the call returns, the writer's
 *    next store must fault (SIGSEGV), never land.
 * 20 rounds of each.  With one CPU the threads interleave on it and the
 * same rules hold. */
#include "t.h"
#include <pthread.h>
#include <setjmp.h>
#include <sys/mman.h>
#include <time.h>

#define ROUNDS 20
#define PAGE 4096

static volatile unsigned long *counter;	/* the writer's private page */
static volatile int stop;

static void *count_forever(void *arg)
{
	(void)arg;
	unsigned long n = 0;
	while (!stop)
		*counter = ++n;
	return NULL;
}

static void sleep_ms(int ms)
{
	struct timespec ts = { 0, ms * 1000000L };
	nanosleep(&ts, NULL);
}

/* fork while the writer runs: the child's copy must be no newer than what
 * the parent reads right after fork returns. */
static void fork_round(void)
{
	int p[2];
	CHECK_OK("pipe", pipe(p));
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		sleep_ms(5);		/* let the parent's writer run on */
		unsigned long seen = *counter;
		_exit(write(p[1], &seen, sizeof(seen)) == sizeof(seen) ? 0 : 1);
	}
	unsigned long after = *counter, seen;
	CHECK_EQ("read", (long)sizeof(seen), (long)read(p[0], &seen, sizeof(seen)));
	int st;
	CHECK_EQ("waitpid", pid, waitpid(pid, &st, 0));
	CHECK(seen <= after, "child saw %lu, but the parent read %lu after fork returned",
	      seen, after);
	close(p[0]);
	close(p[1]);
}

/* A writer that stores into *target until it faults. */
static volatile unsigned long *volatile target;
static volatile unsigned long stores;
static volatile int faulted;
static __thread sigjmp_buf fault_jmp;

static void on_segv(int sig)
{
	(void)sig;
	faulted = 1;
	siglongjmp(fault_jmp, 1);
}

static void *store_until_fault(void *arg)
{
	(void)arg;
	if (sigsetjmp(fault_jmp, 1))
		return NULL;
	for (;;) {
		*target = stores;
		stores++;
	}
}

/* Pull the page from under the writer; its stores must stop at once. */
static void unmap_round(int use_mprotect)
{
	void *page = mmap(NULL, PAGE, PROT_READ | PROT_WRITE,
			  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(page != MAP_FAILED, "mmap: %s", strerror(errno));
	target = page;
	stores = 0;
	faulted = 0;
	pthread_t w;
	CHECK_EQ("pthread_create", 0, pthread_create(&w, NULL, store_until_fault, NULL));
	while (stores < 1000)
		;
	if (use_mprotect)
		CHECK_OK("mprotect", mprotect(page, PAGE, PROT_READ));
	else
		CHECK_OK("munmap", munmap(page, PAGE));
	unsigned long at_return = stores;
	CHECK_EQ("pthread_join", 0, pthread_join(w, NULL));
	CHECK(faulted, "the writer never faulted");
	/* One store may have been between its write and its count. */
	CHECK(stores <= at_return + 1, "%s returned at %lu stores, the writer went on to %lu",
	      use_mprotect ? "mprotect" : "munmap", at_return, stores);
	if (use_mprotect)
		munmap(page, PAGE);
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_segv };
	CHECK_OK("sigaction", sigaction(SIGSEGV, &sa, NULL));
	counter = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(counter != MAP_FAILED, "mmap: %s", strerror(errno));
	pthread_t w;
	CHECK_EQ("pthread_create", 0, pthread_create(&w, NULL, count_forever, NULL));
	while (*counter < 1000)
		;
	for (int i = 0; i < ROUNDS; i++)
		fork_round();
	stop = 1;
	CHECK_EQ("pthread_join", 0, pthread_join(w, NULL));
	for (int i = 0; i < ROUNDS; i++) {
		unmap_round(0);
		unmap_round(1);
	}
	return 0;
}
