/*
 * panic() and the machine's ways out: power off (QEMU's ACPI port on the
 * default `pc` machine) and reset (keyboard controller, then a triple
 * fault).  With panic=N the kernel resets after N seconds, at once for a
 * negative N, or never for 0 (like Linux, it then halts forever).  A
 * panicking CPU first stops the others with an IPI.
 */
#include <tine/panic.h>
#include <tine/printk.h>
#include <tine/format.h>
#include <tine/cpu.h>
#include <tine/time.h>
#include <tine/trace.h>
#include <tine/traps.h>
#include <tine/smp.h>

int panic_timeout;

void machine_power_off(void)
{
	__asm__ volatile("cli");
	trace_dump();
	outw(0x604, 0x2000);		/* QEMU pc: ACPI PM1a control, SLP_EN */
	for (;;)
		__asm__ volatile("hlt");
}

void machine_restart(void)
{
	__asm__ volatile("cli");
	outb(0x64, 0xfe);		/* keyboard controller: pulse reset */
	struct { u16 limit; u64 base; } __attribute__((packed)) null_idt = { 0, 0 };
	__asm__ volatile("lidt %0; int3" : : "m"(null_idt));	/* triple fault */
	for (;;)
		__asm__ volatile("hlt");
}

void panic(const char *fmt, ...)
{
	static int panicking;
	char buf[256];
	va_list ap;

	__asm__ volatile("cli");
	/* One CPU reports; the others stop where they are. */
	if (__atomic_exchange_n(&panicking, 1, __ATOMIC_SEQ_CST))
		for (;;)
			__asm__ volatile("hlt");
	smp_stop_others();
	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	printk(KERN_EMERG "Kernel panic - not syncing: %s\n", buf);
	show_backtrace((u64)__builtin_frame_address(0));	/* who called panic */
	trace_dump();
	if (panic_timeout < 0)
		machine_restart();
	if (panic_timeout > 0) {
		printk(KERN_EMERG "Rebooting in %d seconds..\n", panic_timeout);
		u64 until = ktime_get_ns() + (u64)panic_timeout * NSEC_PER_SEC;
		while (ktime_get_ns() < until)
			;
		machine_restart();
	}
	printk(KERN_EMERG "---[ end Kernel panic - not syncing: %s ]---\n", buf);
	for (;;)
		__asm__ volatile("hlt");
}
