/*
 * Spinlocks.  Tine runs on one CPU today, so a spinlock is "interrupts off"
 * plus a held flag that the debug build checks; the names and the call sites
 * are those an SMP kernel needs, so SMP only has to change this file.
 * Kernel code is not preempted (a task switches only when it blocks or on its
 * way back to user mode), so locks only guard against interrupt handlers.
 */
#ifndef TINE_SPINLOCK_H
#define TINE_SPINLOCK_H

#include <tine/types.h>

typedef struct spinlock {
	volatile int locked;
	const char *name;
} spinlock_t;

#define SPINLOCK_INIT(n) { 0, n }

static inline u64 local_irq_save(void)
{
	u64 flags;
	__asm__ volatile("pushfq; popq %0; cli" : "=r"(flags) : : "memory");
	return flags;
}

static inline void local_irq_restore(u64 flags)
{
	if (flags & 0x200)
		__asm__ volatile("sti" : : : "memory");
}

static inline void spin_lock_init(spinlock_t *l, const char *name)
{
	l->locked = 0;
	l->name = name;
}

/* Take l with interrupts off; returns the interrupt state to restore. */
static inline u64 spin_lock_irqsave(spinlock_t *l)
{
	u64 flags = local_irq_save();
	l->locked = 1;
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *l, u64 flags)
{
	l->locked = 0;
	local_irq_restore(flags);
}

#endif
