/*
 * Bringing up the other CPUs.  The boot CPU reads the list of local APIC
 * ids from the ACPI MADT, then starts the others one at a time with the
 * INIT, STARTUP, STARTUP sequence of IPIs, each pointing at the trampoline
 * (trampoline.S) copied below 1 MiB.  A new CPU arrives in ap_main() on
 * the stack of its own idle task, sets up its GDT, TSS, IDT and per-CPU
 * area (cpu_init), starts its APIC timer, says it is online, and idles
 * until the scheduler gives it work.  docs/smp.md tells the whole story.
 */
#include <tine/smp.h>
#include <tine/cpu.h>
#include <tine/apic.h>
#include <tine/task.h>
#include <tine/page.h>
#include <tine/paging.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/time.h>
#include <tine/printk.h>
#include <tine/spinlock.h>

#define TRAMPOLINE_PHYS 0x8000

extern const char trampoline_start[], trampoline_end[], trampoline_args[];
void cpu_idle(void) __attribute__((noreturn));

struct trampoline_args {
	u64 cr3, stack, cpu, entry;
};

static volatile int ap_online;

static void delay_us(u64 us)
{
	u64 end = ktime_get_ns() + us * 1000;
	while (ktime_get_ns() < end)
		cpu_relax();
}

static void __attribute__((noreturn)) ap_main(struct cpu *c)
{
	cpu_init(c, c->id);
	c->loaded_pgd = kernel_pgd;
	c->kernel_rsp = (u64)c->idle->kstack + KSTACK_SIZE;
	c->tss.rsp0 = c->kernel_rsp;
	lapic_init();
	__atomic_store_n(&ap_online, 1, __ATOMIC_RELEASE);
	cpu_idle();
}

static bool wait_online(u64 us)
{
	for (u64 waited = 0; waited < us; waited += 10) {
		if (__atomic_load_n(&ap_online, __ATOMIC_ACQUIRE))
			return true;
		delay_us(10);
	}
	return false;
}

/* Start the CPU with this APIC id as CPU number id. */
static bool start_cpu(u32 apic_id, int id)
{
	struct trampoline_args *args = phys_to_virt(TRAMPOLINE_PHYS +
		(trampoline_args - trampoline_start));
	struct cpu *c = kzalloc(sizeof(*c));
	if (!c)
		return false;
	c->id = id;
	c->apic_id = apic_id;
	if (!idle_task_create(c)) {
		kfree(c);
		return false;
	}
	args->cr3 = virt_to_phys(kernel_pgd);
	args->stack = (u64)c->idle->kstack + KSTACK_SIZE;
	args->cpu = (u64)c;
	args->entry = (u64)ap_main;
	cpus[id] = c;
	ap_online = 0;

	/* The MP specification's sequence; QEMU needs none of its waits to
	 * be long, so they are kept short to keep boot fast. */
	lapic_send_init(apic_id);
	delay_us(1000);
	for (int tries = 0; tries < 2 && !ap_online; tries++) {
		lapic_send_startup(apic_id, TRAMPOLINE_PHYS >> 12);
		wait_online(tries ? 1000000 : 2000);
	}
	if (!ap_online) {
		pr_warn("smp: CPU with APIC id %u did not start\n", apic_id);
		cpus[id] = NULL;
		return false;
	}
	nr_cpus = id + 1;
	return true;
}

void smp_init(u64 rsdp_hint)
{
	u32 ids[MAX_CPUS];
	int n = acpi_find_cpus(rsdp_hint, ids, MAX_CPUS);
	u32 me = lapic_id();

	cpu0.apic_id = me;
	memcpy(phys_to_virt(TRAMPOLINE_PHYS), trampoline_start,
	       trampoline_end - trampoline_start);
	for (int i = 0; i < n; i++)
		if (ids[i] != me && !start_cpu(ids[i], nr_cpus))
			break;
	if (nr_cpus > 1)
		pr_info("smp: %d CPUs online\n", nr_cpus);
}

/* panic(): halt every other CPU where it stands. */
void smp_stop_others(void)
{
	int me = smp_processor_id();
	for (int i = 0; i < nr_cpus; i++)
		if (i != me)
			lapic_send_ipi(cpus[i]->apic_id, STOP_VECTOR);
}
