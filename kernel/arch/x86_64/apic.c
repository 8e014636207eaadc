/*
 * The local APIC, reached through its memory-mapped registers (inside the
 * direct map: the boot page tables map the low 4 GiB, where the APIC sits).
 * Each CPU enables its own APIC and runs its timer in periodic mode at HZ;
 * the boot CPU measures the timer's rate once, against the PIT, in the same
 * 10 ms window that measures the TSC (time.c).
 */
#include <tine/apic.h>
#include <tine/cpu.h>
#include <tine/page.h>
#include <tine/sched.h>
#include <tine/time.h>
#include <tine/spinlock.h>

#define MSR_APIC_BASE	0x1b
#define APIC_ID		0x20
#define APIC_TPR	0x80
#define APIC_EOI	0xb0
#define APIC_SVR	0xf0
#define APIC_ICR_LOW	0x300
#define APIC_ICR_HIGH	0x310
#define APIC_LVT_TIMER	0x320
#define APIC_LVT_LINT0	0x350
#define APIC_LVT_LINT1	0x360
#define APIC_TIMER_INIT	0x380
#define APIC_TIMER_CUR	0x390
#define APIC_TIMER_DIV	0x3e0

#define ICR_PENDING	(1u << 12)
#define ICR_ASSERT	(1u << 14)
#define ICR_INIT	(5u << 8)
#define ICR_STARTUP	(6u << 8)
#define TIMER_PERIODIC	(1u << 17)
#define TIMER_MASKED	(1u << 16)
#define LVT_MASKED	(1u << 16)
#define LVT_EXTINT	(7u << 8)
#define LVT_NMI		(4u << 8)

static volatile u32 *apic;
static u32 ticks_per_jiffy;		/* timer counts (divide by 16) per 1/HZ s */

static u32 apic_read(u32 reg)
{
	return apic[reg / 4];
}

static void apic_write(u32 reg, u32 v)
{
	apic[reg / 4] = v;
}

static void apic_map(void)
{
	if (!apic)
		apic = phys_to_virt(rdmsr(MSR_APIC_BASE) & 0xfffff000);
}

u32 lapic_id(void)
{
	apic_map();
	return apic_read(APIC_ID) >> 24;
}

void lapic_eoi(void)
{
	apic_write(APIC_EOI, 0);
}

u32 lapic_timer_now(void)
{
	return apic_read(APIC_TIMER_CUR);
}

/* The timer counted `counted` in elapsed_ns: set the tick's length. */
void lapic_calibrate(u64 elapsed_ns, u64 counted)
{
	ticks_per_jiffy = (u32)(counted * (NSEC_PER_SEC / HZ) / elapsed_ns);
	if (ticks_per_jiffy == 0)
		ticks_per_jiffy = 1;
}

/* Free-running, masked, from the top: the reference for lapic_calibrate. */
u32 lapic_timer_start_free(void)
{
	apic_map();
	apic_write(APIC_TIMER_DIV, 0x3);		/* divide by 16 */
	apic_write(APIC_LVT_TIMER, TIMER_MASKED);
	apic_write(APIC_TIMER_INIT, 0xffffffff);
	return 0xffffffff;
}

/*
 * Enable this CPU's APIC and give it a periodic tick at HZ.  The 8259 PIC's
 * output is wired to LINT0 of every CPU; only the boot CPU listens to it
 * (virtual-wire mode), so that each device interrupt arrives once.
 */
void lapic_init(void)
{
	apic_map();
	apic_write(APIC_SVR, 0x100 | SPURIOUS_VECTOR);	/* software enable */
	apic_write(APIC_TPR, 0);
	apic_write(APIC_LVT_LINT0, this_cpu()->id == 0 ? LVT_EXTINT : LVT_MASKED);
	apic_write(APIC_LVT_LINT1, LVT_NMI);
	apic_write(APIC_TIMER_DIV, 0x3);
	apic_write(APIC_LVT_TIMER, TIMER_PERIODIC | TIMER_VECTOR);
	apic_write(APIC_TIMER_INIT, ticks_per_jiffy);
}

static void send_icr(u32 apic_id, u32 low)
{
	/* Interrupts off: an IPI sent from a handler between our two writes
	 * would change the destination under us. */
	u64 flags = local_irq_save();
	while (apic_read(APIC_ICR_LOW) & ICR_PENDING)
		cpu_relax();
	apic_write(APIC_ICR_HIGH, apic_id << 24);
	apic_write(APIC_ICR_LOW, low);		/* this write sends it */
	local_irq_restore(flags);
}

void lapic_send_ipi(u32 apic_id, int vector)
{
	send_icr(apic_id, ICR_ASSERT | (u32)vector);
}

void lapic_send_init(u32 apic_id)
{
	send_icr(apic_id, ICR_ASSERT | ICR_INIT);
}

/* STARTUP: the woken CPU begins in real mode at page * 4096. */
void lapic_send_startup(u32 apic_id, u32 page)
{
	send_icr(apic_id, ICR_ASSERT | ICR_STARTUP | page);
}
