/*
 * Spinlocks: a word taken with an atomic exchange, with interrupts off on
 * this CPU while it is held (an interrupt handler on this CPU may want the
 * same lock).  Every lock has a name; the debug build (make DEBUG=1) keeps
 * the stack of locks each CPU holds, checks that no two locks are ever
 * taken in both orders (kernel/lib/lockdep.c) and that nothing sleeps while
 * holding one.  docs/locking.md gives the order and says what each guards.
 *
 * Most kernel code is serialised by the big kernel lock (kernel_lock.h);
 * spinlocks guard what is touched outside it: run queues, wait queues, the
 * trace ring, the log, and data shared with interrupt handlers.
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

static inline void cpu_relax(void)
{
	__asm__ volatile("pause" : : : "memory");
}

static inline void spin_lock_init(spinlock_t *l, const char *name)
{
	l->locked = 0;
	l->name = name;
}

#ifdef TINE_DEBUG
void lockdep_acquire(spinlock_t *l);	/* kernel/lib/lockdep.c */
void lockdep_release(spinlock_t *l);
void lockdep_assert_none_held(const char *where);
#else
static inline void lockdep_acquire(spinlock_t *l) { (void)l; }
static inline void lockdep_release(spinlock_t *l) { (void)l; }
static inline void lockdep_assert_none_held(const char *where) { (void)where; }
#endif

/* Take l; the caller already has interrupts off. */
static inline void spin_lock(spinlock_t *l)
{
	lockdep_acquire(l);
	while (__atomic_exchange_n(&l->locked, 1, __ATOMIC_ACQUIRE))
		while (l->locked)
			cpu_relax();
}

static inline void spin_unlock(spinlock_t *l)
{
	lockdep_release(l);
	__atomic_store_n(&l->locked, 0, __ATOMIC_RELEASE);
}

/* Take l with interrupts off; returns the interrupt state to restore. */
static inline u64 spin_lock_irqsave(spinlock_t *l)
{
	u64 flags = local_irq_save();
	spin_lock(l);
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *l, u64 flags)
{
	spin_unlock(l);
	local_irq_restore(flags);
}

#endif
