/* nanosleep_sleeps: nanosleep(50 ms) returns 0 after at least 50 ms of
 * CLOCK_MONOTONIC; CLOCK_MONOTONIC never goes backwards; a tv_nsec out of
 * range gives EINVAL. */
#include "t.h"
#include <time.h>

static long long now_ns(void)
{
	struct timespec ts;
	CHECK_OK("clock_gettime", clock_gettime(CLOCK_MONOTONIC, &ts));
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

int main(void)
{
	long long prev = now_ns();
	for (int i = 0; i < 20000; i++) {
		long long t = now_ns();
		CHECK(t >= prev, "CLOCK_MONOTONIC: expected >= %lld, got %lld", prev, t);
		prev = t;
	}

	struct timespec req = { 0, 50 * 1000000L }, rem = { 9, 9 };
	long long t0 = now_ns();
	CHECK_EQ("nanosleep return", 0, nanosleep(&req, &rem));
	long long dt = now_ns() - t0;
	CHECK(dt >= 50 * 1000000LL, "nanosleep 50 ms: expected >= 50000000 ns elapsed, got %lld", dt);

	/* The raw syscall too (musl's nanosleep may use clock_nanosleep). */
	t0 = now_ns();
	CHECK_EQ("raw nanosleep return", 0, syscall(SYS_nanosleep, &req, NULL));
	dt = now_ns() - t0;
	CHECK(dt >= 50 * 1000000LL, "raw nanosleep 50 ms: expected >= 50000000 ns elapsed, got %lld", dt);

	struct timespec bad = { 0, 1000000000L };
	CHECK_ERR("nanosleep tv_nsec = 1e9", syscall(SYS_nanosleep, &bad, NULL), EINVAL);
	struct timespec neg = { -1, 0 };
	CHECK_ERR("nanosleep negative tv_sec", syscall(SYS_nanosleep, &neg, NULL), EINVAL);

	struct timespec zero = { 0, 0 };
	CHECK_EQ("nanosleep 0", 0, syscall(SYS_nanosleep, &zero, NULL));
	CHECK(now_ns() >= prev, "CLOCK_MONOTONIC after sleeping: expected no step back");
	return 0;
}
