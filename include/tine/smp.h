/*
 * Bringing up the other CPUs (smp.c), found in the ACPI MADT (acpi.c).
 */
#ifndef TINE_SMP_H
#define TINE_SMP_H

#include <tine/types.h>

/* The local APIC ids of the enabled CPUs, the boot CPU's among them;
 * returns how many (0 if the firmware gives no MADT). */
int acpi_find_cpus(u64 rsdp_hint, u32 *apic_ids, int max);

/* Start every other CPU the MADT lists (up to MAX_CPUS in all). */
void smp_init(u64 rsdp_hint);
void smp_stop_others(void);		/* panic: halt the other CPUs */

#endif
