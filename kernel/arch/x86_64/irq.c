/*
 * The legacy interrupt controller (two 8259 PICs) and the PIT timer.  The
 * PICs are remapped to vectors 32..47 so they do not collide with CPU
 * exceptions, every line masked but those with a handler.  The PIT fires
 * HZ times a second and drives the scheduler tick.
 */
#include <tine/irq.h>
#include <tine/cpu.h>
#include <tine/sched.h>
#include <tine/printk.h>

#define PIC1 0x20
#define PIC2 0xa0
#define PIT_HZ 1193182

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

void irq_dispatch(int irq)
{
	cpu0.irq_count++;
	/* Acknowledge first: a handler may switch tasks and return much later. */
	if (irq >= 8)
		outb(PIC2, 0x20);
	outb(PIC1, 0x20);
	if (irq_handlers[irq])
		irq_handlers[irq]();
}

static void timer_irq(void)
{
	sched_tick();
}

void timer_init(void)
{
	u16 divisor = PIT_HZ / HZ;

	outb(0x43, 0x34);		/* channel 0, lo/hi byte, rate generator */
	outb(0x40, divisor & 0xff);
	outb(0x40, divisor >> 8);
	irq_register(0, timer_irq);
}
