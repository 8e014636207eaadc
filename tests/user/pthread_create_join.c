/* pthread_create_join: 16 threads share memory (an atomic counter reaches
 * 16 * 1000), each has its own gettid() (distinct, not the main thread's),
 * all share getpid(), and pthread_join returns each thread's result. */
#include "t.h"
#include <pthread.h>

#define N 16
#define ITERS 1000

static int counter;
static pid_t tids[N];
static pid_t pids[N];

static void *worker(void *arg)
{
	long i = (long)arg;
	tids[i] = (pid_t)syscall(SYS_gettid);
	pids[i] = getpid();
	for (int k = 0; k < ITERS; k++)
		__atomic_fetch_add(&counter, 1, __ATOMIC_SEQ_CST);
	return (void *)(i * 3 + 1);
}

int main(void)
{
	pthread_t th[N];
	pid_t main_tid = (pid_t)syscall(SYS_gettid);
	CHECK_EQ("main thread gettid == getpid", getpid(), main_tid);
	for (long i = 0; i < N; i++) {
		int e = pthread_create(&th[i], NULL, worker, (void *)i);
		CHECK(e == 0, "pthread_create %ld: expected 0, got %d", i, e);
	}
	for (long i = 0; i < N; i++) {
		void *ret = NULL;
		int e = pthread_join(th[i], &ret);
		CHECK(e == 0, "pthread_join %ld: expected 0, got %d", i, e);
		CHECK_EQ("thread return value", i * 3 + 1, (long)ret);
	}
	CHECK_EQ("counter", N * ITERS, __atomic_load_n(&counter, __ATOMIC_SEQ_CST));
	for (int i = 0; i < N; i++) {
		CHECK_EQ("thread getpid", getpid(), pids[i]);
		CHECK(tids[i] > 0 && tids[i] != main_tid,
		      "thread %d tid: expected > 0 and != main %d, got %d", i, main_tid, tids[i]);
		for (int j = 0; j < i; j++)
			CHECK(tids[i] != tids[j], "tids: expected distinct, got %d twice", tids[i]);
	}
	return 0;
}
