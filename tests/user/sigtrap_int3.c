/* sigtrap_int3: int3 raises SIGTRAP (si_code SI_KERNEL on x86-64 Linux);
 * the saved rip is just past the int3, so the handler returns and the
 * program carries on. */
#include "t.h"
#include <signal.h>
#include <ucontext.h>

extern char after_int3[];
static volatile int caught, code;
static volatile long rip;

static void on_trap(int sig, siginfo_t *si, void *uc)
{
	caught = sig;
	code = si->si_code;
	rip = ((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP];
}

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_trap;
	sa.sa_flags = SA_SIGINFO;
	CHECK_OK("sigaction", sigaction(SIGTRAP, &sa, NULL));
	__asm__ volatile("int3\n.globl after_int3\nafter_int3:\n\tnop");
	CHECK_EQ("signal", SIGTRAP, caught);
	CHECK_EQ("si_code", SI_KERNEL, code);
	CHECK_EQ("saved rip", (long)after_int3, rip);
	return 0;
}
