/*
 * The legacy interrupt controller (two 8259 PICs), which still carries the
 * serial line's interrupt to the boot CPU.  The PICs are remapped to vectors
 * 32..47 so they do not collide with CPU exceptions, every line masked but
 * those with a handler.  The scheduler tick comes from each CPU's local
 * APIC timer (apic.c), not from the PIT.
 */
#include <tine/irq.h>
#include <tine/cpu.h>
#include <tine/apic.h>

#define PIC1 0x20
#define PIC2 0xa0

static void (*irq_handlers[16])(void);
static u16 irq_mask = 0xfffb;		/* all masked except the cascade (2) */

static void pic_write_mask(void)
{
	outb(PIC1 + 1, irq_mask & 0xff);
	outb(PIC2 + 1, irq_mask >> 8);
}

void irq_init(void)
{
	outb(PIC1, 0x11);		/* ICW1: init, expect ICW4 */
	outb(PIC2, 0x11);
	outb(PIC1 + 1, IRQ_BASE);	/* ICW2: vector offsets */
	outb(PIC2 + 1, IRQ_BASE + 8);
	outb(PIC1 + 1, 4);		/* ICW3: slave on line 2 */
	outb(PIC2 + 1, 2);
	outb(PIC1 + 1, 1);		/* ICW4: 8086 mode */
	outb(PIC2 + 1, 1);
	pic_write_mask();
}

void irq_register(int irq, void (*handler)(void))
{
	irq_handlers[irq] = handler;
	irq_mask &= ~(1u << irq);
	pic_write_mask();
}

/* Acknowledge after the handler: until then the PIC holds back this line
 * and lower ones, so a handler waiting for the kernel lock is not
 * re-entered by its own interrupt. */
void irq_dispatch(int irq)
{
	if (irq_handlers[irq])
		irq_handlers[irq]();
	if (irq >= 8)
		outb(PIC2, 0x20);
	outb(PIC1, 0x20);
}

/* The boot CPU's tick: its local APIC timer, like every other CPU's. */
void timer_init(void)
{
	lapic_init();
}
