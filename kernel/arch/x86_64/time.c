/*
 * Time keeping: calibrate the TSC (and the local APIC timer that gives each
 * CPU its tick) against the PIT once at boot (PIT channel 2 counts a known
 * interval), then every clock read is one rdtsc and a multiply.
 * Wall-clock time comes from the CMOS RTC, read once.
 */
#include <tine/time.h>
#include <tine/cpu.h>
#include <tine/apic.h>
#include <tine/printk.h>
#include <tine/errno.h>
#include <tine/syscalls.h>

static u64 tsc_at_boot;
static u64 tsc_khz = 1000000;	/* a guess until time_init() measures it */
static u64 realtime_at_boot_ns;

/*
 * Count TSC cycles, and local APIC timer counts, while PIT channel 2 counts
 * down 1 ms, ten times, and keep the smallest of each.  Under TCG the
 * virtual CPU is a host thread: if the host deschedules it while the PIT
 * reaches its count, the loop sees that only when it runs again, and that
 * window reads long by however long the stall was (5 ms and more were seen
 * under load), so one window would skew every clock read for the whole run.
 * A stall can only lengthen a window (the clocks are read before the PIT
 * starts), so the shortest is the truest.  One window first, thrown away,
 * warms up the code.
 */
#define PIT_HZ 1193182
#define CAL_PIT_COUNT 1193		/* 1 ms */
#define CAL_WINDOWS 10

static void pit_window(u64 *tsc, u32 *apic)
{
	outb(0x61, (inb(0x61) & ~0x02) | 0x01);	/* gate on, speaker off */
	outb(0x43, 0xb0);		/* channel 2, lo/hi, one-shot */
	outb(0x42, CAL_PIT_COUNT & 0xff);
	lapic_timer_start_free();
	/* Read the clocks, then start the PIT: a stall in between can only
	 * make the window longer, never shorter. */
	u32 apic0 = lapic_timer_now();
	u64 t0 = rdtsc();
	outb(0x42, CAL_PIT_COUNT >> 8);	/* the count starts with this write */
	while (!(inb(0x61) & 0x20))	/* OUT2 goes high at terminal count */
		;
	*tsc = rdtsc() - t0;
	*apic = apic0 - lapic_timer_now();
}

static u64 calibrate_tsc_khz(void)
{
	u64 tsc, best_tsc = ~0ULL;
	u32 apic, best_apic = ~0U;
	u64 window_ns = (u64)CAL_PIT_COUNT * NSEC_PER_SEC / PIT_HZ;

	pit_window(&tsc, &apic);
	for (int i = 0; i < CAL_WINDOWS; i++) {
		pit_window(&tsc, &apic);
		best_tsc = MIN(best_tsc, tsc);
		best_apic = MIN(best_apic, apic);
	}
	lapic_calibrate(window_ns, best_apic);
	return best_tsc * 1000000 / window_ns;
}

static u8 cmos_read(u8 reg)
{
	outb(0x70, reg);
	return inb(0x71);
}

static int bcd(u8 v)
{
	return (v & 15) + (v >> 4) * 10;
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static s64 days_from_civil(s64 y, int m, int d)
{
	y -= m <= 2;
	s64 era = (y >= 0 ? y : y - 399) / 400;
	s64 yoe = y - era * 400;
	s64 doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	s64 doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static u64 rtc_read_ns(void)
{
	while (cmos_read(0x0a) & 0x80)	/* update in progress */
		;
	int sec = cmos_read(0), min = cmos_read(2), hour = cmos_read(4);
	int day = cmos_read(7), mon = cmos_read(8), year = cmos_read(9);
	if (!(cmos_read(0x0b) & 0x04)) {	/* BCD mode */
		sec = bcd(sec), min = bcd(min), hour = bcd(hour);
		day = bcd(day), mon = bcd(mon), year = bcd(year);
	}
	s64 days = days_from_civil(2000 + year, mon, day);
	return (u64)(days * 86400 + hour * 3600 + min * 60 + sec) * NSEC_PER_SEC;
}

/* Called first thing at boot, so that boot time can be reported. */
void time_early_init(void)
{
	tsc_at_boot = rdtsc();
}

void time_init(void)
{
	tsc_khz = calibrate_tsc_khz();
	if (tsc_khz == 0)
		tsc_khz = 1000000;
	realtime_at_boot_ns = rtc_read_ns() - ktime_get_ns();
	pr_info("tsc: %llu kHz\n", (unsigned long long)tsc_khz);
}

u64 ktime_get_ns(void)
{
	u64 cycles = rdtsc() - tsc_at_boot;
	/* cycles * 1e6 / khz, split to avoid overflow for long uptimes */
	return (cycles / tsc_khz) * 1000000 + (cycles % tsc_khz) * 1000000 / tsc_khz;
}

u64 ktime_get_real_ns(void)
{
	return realtime_at_boot_ns + ktime_get_ns();
}
