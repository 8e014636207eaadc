/* Fault handling shared by the trap code and the memory code. */
#ifndef TINE_TRAPS_H
#define TINE_TRAPS_H

#include <tine/types.h>

struct pt_regs;

void do_page_fault(struct pt_regs *regs, u64 addr);
bool fixup_exception(struct pt_regs *regs);
void kernel_fault(struct pt_regs *regs, const char *what) __attribute__((noreturn));
void show_regs(const struct pt_regs *r);
void show_backtrace(u64 rbp);

/* Send a fault signal to current (kernel/proc/signal.c). */
void force_sig_fault(int sig, int code, u64 addr);

#endif
