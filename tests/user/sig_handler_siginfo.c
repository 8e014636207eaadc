/* sig_handler_siginfo: an SA_SIGINFO handler runs with the signal number,
 * a siginfo saying who sent it (kill: SI_USER, si_pid, si_uid) and a
 * ucontext; the stack at entry is aligned as after a call (rsp % 16 == 8),
 * and the interrupted code's registers survive the handler. */
#include "t.h"
#include <signal.h>
#include <stdint.h>
#include <ucontext.h>

static volatile int got_sig, got_code, got_pid, got_uid, have_uc;
volatile uintptr_t entry_rsp;
void handler_body(int sig, siginfo_t *si, void *uc);

__attribute__((used, noinline)) void handler_body(int sig, siginfo_t *si, void *uc)
{
	got_sig = sig;
	got_code = si->si_code;
	got_pid = si->si_pid;
	got_uid = si->si_uid;
	have_uc = uc != NULL && ((ucontext_t *)uc)->uc_mcontext.gregs[REG_RIP] != 0;
}

/* A naked entry point to read rsp exactly as the kernel left it. */
void on_usr1(int, siginfo_t *, void *);
__asm__(".text\n.globl on_usr1\non_usr1:\n"
	"\tmov %rsp, entry_rsp(%rip)\n"
	"\tsub $8, %rsp\n"
	"\tcall handler_body\n"
	"\tadd $8, %rsp\n"
	"\tret\n");

int main(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	CHECK_OK("sigaction", sigaction(SIGUSR1, &sa, NULL));
	volatile long keep = 0x1234567890abcdefL;
	CHECK_OK("kill self", kill(getpid(), SIGUSR1));
	CHECK_EQ("signal number", SIGUSR1, got_sig);
	CHECK_EQ("si_code", SI_USER, got_code);
	CHECK_EQ("si_pid", getpid(), got_pid);
	CHECK_EQ("si_uid", getuid(), got_uid);
	CHECK(have_uc, "handler got no ucontext with a saved rip");
	CHECK_EQ("rsp %% 16 at handler entry", 8, entry_rsp % 16);
	CHECK_EQ("local survives", 0x1234567890abcdefL, keep);
	return 0;
}
