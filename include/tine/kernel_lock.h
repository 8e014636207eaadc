/*
 * The big kernel lock.  Tine's kernel code was written for one CPU, where
 * "nothing else runs until I block or return to user mode" made most data
 * safe without locks.  On several CPUs the same guarantee is kept by one
 * lock that a CPU holds whenever it runs kernel code for a task: taken at
 * every entry from user mode (system call, fault, interrupt), released on
 * the way back to user mode and across schedule(), so that user code and
 * the scheduler itself run on all CPUs at once while kernel code runs on
 * one at a time.  This is how Linux 2.0 first ran on SMP machines; finer
 * locks can replace it one subsystem at a time.  docs/smp.md says more.
 *
 * The lock is recursive on one CPU: an interrupt or a page fault taken
 * while this CPU already holds it just counts one level deeper.
 */
#ifndef TINE_KERNEL_LOCK_H
#define TINE_KERNEL_LOCK_H

#include <tine/types.h>
#include <tine/cpu.h>

struct kernel_lock {
	volatile int locked;
	volatile int owner;		/* CPU id, -1 when free */
	int depth;			/* levels the owner holds */
};
extern struct kernel_lock kernel_lock;

void lock_kernel(void);
void unlock_kernel(void);

/* Held by this CPU?  Inline: every return to user mode asks. */
static inline bool kernel_locked(void)
{
	return kernel_lock.owner == smp_processor_id();
}

/*
 * Do system calls and the return to user mode need the lock?  Not on one
 * CPU: nothing else can run kernel code meanwhile, so they skip it, as
 * Linux patches its lock prefixes out on a single CPU (docs/performance.md
 * measures the difference).  CPUs are never added after boot, so the
 * answer cannot change under a running call.  Interrupt handlers and
 * faults take the lock whatever the answer (and release it before they
 * return), so on one CPU it is only ever held inside them.
 */
static inline bool smp_kernel_lock(void)
{
	return nr_cpus > 1;
}

/* schedule(): drop the lock (all levels) and take it back after the switch. */
int release_kernel_lock(void);
void reacquire_kernel_lock(int depth);

#endif
