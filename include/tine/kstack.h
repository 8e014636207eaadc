/*
 * Kernel stacks (kernel/mm/kstack.c): one KSTACK_SIZE stack per task.
 * With TINE_DEBUG each stack has an unmapped guard region below it, so an
 * overflow faults (and the double-fault handler names it) instead of
 * silently overwriting whatever lies below.
 */
#ifndef TINE_KSTACK_H
#define TINE_KSTACK_H

#include <tine/types.h>

/* The lowest address of a new KSTACK_SIZE stack, or NULL (no memory). */
void *kstack_alloc(void);
void kstack_free(void *stack);
/* True, after printing who overflowed, if addr lies in a stack's guard. */
bool kstack_guard_hit(u64 addr);

#endif
