/*
 * The PID allocator: a bitmap of the PIDs in use and a cursor, the way
 * Linux's alloc_pid hands out numbers (kernel/pid.c, idr_alloc_cyclic).
 * Each new PID is the lowest free one above the last handed out, so PIDs
 * keep increasing and a freed PID is not reused soon; at pid_max the search
 * wraps around to RESERVED_PIDS (300), skipping the low numbers that
 * daemons started at boot tend to hold, as Linux does.  The very first
 * PIDs, before any wrap, are 1, 2, 3, ... so init is PID 1.
 *
 * pid_max can be changed (/proc/sys/kernel/pid_max) between PID_MAX_MIN and
 * PID_MAX_LIMIT; PIDs already above a lowered pid_max stay valid.
 *
 * Locking: the big kernel lock (docs/locking.md) guards the bitmap and the
 * cursor; no interrupt handler allocates a PID.
 */
#include <tine/pid.h>
#include <tine/errno.h>
#include <tine/panic.h>
#include <tine/types.h>

#define BITS_PER_WORD 64

/* lock: pidmap_lock (to come) guards all of these. */
static u64 pidmap[PID_MAX_LIMIT / BITS_PER_WORD];
static int last_pid;		/* the cursor: last PID handed out */
static int pid_max = PID_MAX_DEFAULT;
static int nr_in_use;

static bool pid_test(int pid)
{
	return pidmap[pid / BITS_PER_WORD] & (1ULL << (pid % BITS_PER_WORD));
}

/* Lowest free PID in [from, to), or -1; skips full words at a time. */
static int find_free(int from, int to)
{
	int pid = from;

	while (pid < to) {
		u64 free_bits = ~pidmap[pid / BITS_PER_WORD] >> (pid % BITS_PER_WORD);

		if (free_bits) {
			pid += __builtin_ctzll(free_bits);
			return pid < to ? pid : -1;
		}
		pid = (pid / BITS_PER_WORD + 1) * BITS_PER_WORD;
	}
	return -1;
}

/* A new PID, or -EAGAIN when all of [1, pid_max) are in use. */
int pid_alloc(void)
{
	int low = last_pid + 1 > RESERVED_PIDS ? RESERVED_PIDS : 1;
	int pid = find_free(last_pid + 1, pid_max);

	if (pid < 0)		/* wrap around */
		pid = find_free(low, MIN(last_pid + 1, pid_max));
	if (pid < 0)
		return -EAGAIN;
	pidmap[pid / BITS_PER_WORD] |= 1ULL << (pid % BITS_PER_WORD);
	last_pid = pid;
	nr_in_use++;
	return pid;
}

void pid_free(int pid)
{
	BUG_ON(pid <= 0 || pid >= PID_MAX_LIMIT || !pid_test(pid));
	pidmap[pid / BITS_PER_WORD] &= ~(1ULL << (pid % BITS_PER_WORD));
	nr_in_use--;
}

int pid_max_get(void)
{
	return pid_max;
}

int pid_max_set(int max)
{
	if (max < PID_MAX_MIN || max > PID_MAX_LIMIT)
		return -EINVAL;
	pid_max = max;
	return 0;
}

int pid_nr_in_use(void)
{
	return nr_in_use;
}
