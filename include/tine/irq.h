/*
 * Hardware interrupts: the legacy 8259 PICs remapped to vectors 32..47 (the
 * serial line); each CPU's tick is its local APIC timer (apic.h).
 */
#ifndef TINE_IRQ_H
#define TINE_IRQ_H

#include <tine/types.h>

#define IRQ_BASE 32

void irq_init(void);
void irq_register(int irq, void (*handler)(void));
void irq_dispatch(int irq);
void timer_init(void);

#endif
