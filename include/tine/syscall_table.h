/* The dispatch table's shape, shared by the table and the dispatcher. */
#ifndef TINE_SYSCALL_TABLE_H
#define TINE_SYSCALL_TABLE_H

#include <tine/types.h>

#define NR_SYSCALLS 512
typedef long (*syscall_fn)(long, long, long, long, long, long);
extern const syscall_fn syscall_table[NR_SYSCALLS];
extern const char *const syscall_names[NR_SYSCALLS];

#endif
