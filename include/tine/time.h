/*
 * Clocks.  The monotonic clock counts TSC cycles since boot, scaled by a
 * factor measured against the PIT at boot; the real-time clock is the CMOS
 * RTC read once at boot plus the monotonic time since.
 */
#ifndef TINE_TIME_H
#define TINE_TIME_H

#include <tine/types.h>

#define NSEC_PER_SEC 1000000000ULL

void time_init(void);
u64 ktime_get_ns(void);			/* CLOCK_MONOTONIC */
u64 ktime_get_real_ns(void);		/* CLOCK_REALTIME */
u64 boot_tsc_ns(void);			/* ns from kernel entry to now */

struct timespec_user {
	s64 tv_sec;
	s64 tv_nsec;
};

#endif
