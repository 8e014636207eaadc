/* An /init that writes through a NULL pointer: the kernel must log the
 * fault with its address and then panic like Linux ("Attempted to kill
 * init! exitcode=0x0000000b"), never triple-fault or hang. */
int main(void)
{
	volatile int *p = 0;
	*p = 1;
	return 0;
}
