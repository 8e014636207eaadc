/* Fast user-space mutexes: sleeping on a 32-bit word of user memory. */
#ifndef TINE_FUTEX_H
#define TINE_FUTEX_H

#include <tine/types.h>

/* Wake up to n waiters on uaddr; returns how many were woken. */
int futex_wake(u64 uaddr, int n, bool private);

struct task_struct;
void exit_robust_list(struct task_struct *t);

#endif
