/* sigill_ud2: ud2 raises SIGILL with si_code ILL_ILLOPN and si_addr at the
 * instruction; by default the process dies of SIGILL. */
#include "t.h"
#include <signal.h>

extern char ud2_insn[];

static void on_ill(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig != SIGILL || si->si_code != ILL_ILLOPN)
		_exit(10);
	if (si->si_addr != (void *)ud2_insn)
		_exit(11);
	_exit(0);
}

int main(void)
{
	pid_t pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		on_signal_info(SIGILL, on_ill);
		__asm__ volatile(".globl ud2_insn\nud2_insn:\n\tud2");
		_exit(20);
	}
	CHECK_CHILD_OK("handler saw SIGILL/ILL_ILLOPN at the ud2 (10 code, 11 addr)", pid);

	pid = fork();
	CHECK_OK("fork", pid);
	if (pid == 0) {
		no_core();
		__asm__ volatile("ud2");
		_exit(20);
	}
	int st = wait_for(pid);
	CHECK(WIFSIGNALED(st) && WTERMSIG(st) == SIGILL, "expected killed by SIGILL, raw %#x", st);
	return 0;
}
