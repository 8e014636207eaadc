/*
 * Provoked bugs for debug builds (kernel/lib/crashtest.c), behind
 * /proc/sys/debug/provoke-crash.
 */
#ifndef TINE_CRASHTEST_H
#define TINE_CRASHTEST_H

#include <tine/types.h>

/* Commit the bug named in buf; returns only if its check did not fire. */
int provoke_crash(const char *buf, size_t n);

#endif
