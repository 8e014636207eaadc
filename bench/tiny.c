/*
 * tiny: the smallest static program, exec'd by the fork_exec_wait,
 * vfork_exec_wait and spawn benchmarks. No libc: _start calls exit_group(0),
 * so exec's cost is the kernel's (one small ELF segment), not musl's start-up.
 */
void _start(void)
{
	__asm__ volatile("mov $231, %%eax\n\txor %%edi, %%edi\n\tsyscall" ::: "memory");
	for (;;)
		;
}
