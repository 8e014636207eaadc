/*
 * hello_printf: the first user program a kernel must run. printf goes
 * through musl's stdio buffer and is flushed by exit(), so this checks
 * execve of a static ELF, the initial stack, write(1) to the console and
 * exit_group with status 0.
 */
#include <stdio.h>

int main(void)
{
	printf("hello, world\n");
	return 0;
}
