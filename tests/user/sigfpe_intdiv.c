/* sigfpe_intdiv: an integer division by zero raises SIGFPE with si_code
 * FPE_INTDIV and si_addr at the faulting instruction. */
#include "t.h"
#include <signal.h>

extern char div_insn[];

static void on_fpe(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != SIGFPE || si->si_code != FPE_INTDIV)
		_exit(10);
	if (si->si_addr != (void *)div_insn)
		_exit(11);
	_exit(0);
}

int main(void)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		on_signal_info(SIGFPE, on_fpe);
		__asm__ volatile("xor %%ecx, %%ecx\n\tmov $1, %%eax\n\tcltd\n"
				 ".globl div_insn\ndiv_insn:\n\tidivl %%ecx"
				 : : : "eax", "ecx", "edx");
		_exit(20);
	}
	CHECK_CHILD_OK("handler saw SIGFPE/FPE_INTDIV at the idiv (10 code, 11 addr)", pid);
	return 0;
}
