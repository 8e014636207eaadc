/*
 * Process ID allocation (kernel/proc/pid.c).
 *
 * PID_MAX_LIMIT: Linux allows pid_max up to 4194304 on 64-bit machines;
 * Tine caps it at 32768 (Linux's default) so the bitmap is one 4 KiB page.
 * PIDs are in [1, pid_max).
 */
#ifndef TINE_PID_H
#define TINE_PID_H

#define PID_MAX_DEFAULT	32768
#define PID_MAX_LIMIT	32768	/* Tine's ceiling for pid_max */
#define RESERVED_PIDS	300	/* after wrapping, allocation restarts here */
#define PID_MAX_MIN	(RESERVED_PIDS + 1)

int pid_alloc(void);
void pid_free(int pid);
int pid_max_get(void);
int pid_max_set(int max);
int pid_nr_in_use(void);

#endif
