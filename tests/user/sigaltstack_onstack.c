/* sigaltstack_onstack: an SA_ONSTACK handler runs on the alternate stack
 * (a local's address lies inside it, sigaltstack reports SS_ONSTACK), a
 * handler without SA_ONSTACK does not, and a too-small stack is ENOMEM. */
#include "t.h"
#include <signal.h>
#include <stdint.h>

static char altstack[65536];
static volatile int on_alt, flags_in_handler;

static void on_sig(int sig)
{
	char local;
	stack_t cur;
	(void)sig;
	on_alt = (uintptr_t)&local >= (uintptr_t)altstack &&
		 (uintptr_t)&local < (uintptr_t)altstack + sizeof altstack;
	sigaltstack(NULL, &cur);
	flags_in_handler = cur.ss_flags;
}

int main(void)
{
	stack_t ss = { .ss_sp = altstack, .ss_size = 1024, .ss_flags = 0 };
	CHECK_ERR("tiny sigaltstack", sigaltstack(&ss, NULL), ENOMEM);
	ss.ss_size = sizeof altstack;
	CHECK_OK("sigaltstack", sigaltstack(&ss, NULL));

	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_sig;
	sa.sa_flags = SA_ONSTACK;
	CHECK_OK("sigaction USR1", sigaction(SIGUSR1, &sa, NULL));
	sa.sa_flags = 0;
	CHECK_OK("sigaction USR2", sigaction(SIGUSR2, &sa, NULL));

	raise(SIGUSR1);
	CHECK(on_alt, "SA_ONSTACK handler not on the alternate stack");
	CHECK(flags_in_handler & SS_ONSTACK, "sigaltstack in handler: no SS_ONSTACK");
	raise(SIGUSR2);
	CHECK(!on_alt, "handler without SA_ONSTACK ran on the alternate stack");

	stack_t old;
	CHECK_OK("sigaltstack query", sigaltstack(NULL, &old));
	CHECK(old.ss_sp == altstack && old.ss_size == sizeof altstack && old.ss_flags == 0,
	      "sigaltstack query: sp %p size %zu flags %d", old.ss_sp, old.ss_size, old.ss_flags);
	return 0;
}
