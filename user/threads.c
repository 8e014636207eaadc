/*
 * threads: a thread group to look at.  `threads N SECONDS` starts N-1
 * threads besides the main one (pthread_create, that is clone with
 * CLONE_THREAD and the other sharing flags), prints "ready" once all N
 * exist, then every thread sleeps SECONDS and the process exits 0.
 * While it sleeps, /proc/PID/task lists N TIDs, /proc/PID/status says
 * Threads: N, and every /proc/PID/task/TID/status has the same Tgid.
 * Used by the demo (/usr/share/tine/demo.sh) and a busybox scenario; it
 * runs on Linux too.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static int seconds;
static pthread_barrier_t all_started;

static void *worker(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&all_started);
	sleep(seconds);
	return NULL;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: threads N SECONDS\n");
		return 2;
	}
	int n = atoi(argv[1]);
	seconds = atoi(argv[2]);
	if (n < 1 || n > 64) {
		fprintf(stderr, "threads: N must be 1..64\n");
		return 2;
	}
	pthread_t tids[64];
	pthread_barrier_init(&all_started, NULL, n);
	for (int i = 1; i < n; i++)
		if (pthread_create(&tids[i], NULL, worker, NULL) != 0) {
			perror("threads: pthread_create");
			return 1;
		}
	pthread_barrier_wait(&all_started);
	printf("ready\n");
	fflush(stdout);
	sleep(seconds);
	for (int i = 1; i < n; i++)
		pthread_join(tids[i], NULL);
	return 0;
}
