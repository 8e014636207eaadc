/*
 * The local APIC of each CPU: its timer gives every CPU its scheduler tick,
 * and its interrupt command register sends inter-processor interrupts
 * (IPIs): INIT and STARTUP to wake the other CPUs, and fixed vectors to ask
 * another CPU to reschedule, to flush its TLB, or to stop.
 */
#ifndef TINE_APIC_H
#define TINE_APIC_H

#include <tine/types.h>

/* Vectors.  The APIC delivers a higher class (vector / 16) first and holds
 * back a lower one until the current handler's EOI, so the IPIs that a CPU
 * waits on (TLB flush) sit above the timer. */
#define TIMER_VECTOR		0xec
#define STOP_VECTOR		0xfb
#define RESCHEDULE_VECTOR	0xfd
#define TLB_FLUSH_VECTOR	0xfe
#define SPURIOUS_VECTOR		0xff

void lapic_init(void);			/* this CPU: enable, start the tick */
u32 lapic_timer_start_free(void);	/* time.c calibrates the timer ... */
u32 lapic_timer_now(void);
void lapic_calibrate(u64 elapsed_ns, u64 counted);	/* ... with these */
void lapic_eoi(void);
u32 lapic_id(void);
void lapic_send_ipi(u32 apic_id, int vector);
void lapic_send_init(u32 apic_id);
void lapic_send_startup(u32 apic_id, u32 page);

#endif
