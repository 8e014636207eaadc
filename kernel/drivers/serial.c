/*
 * The 16550 UART on COM1, Tine's console.  Output is polled (the kernel log
 * must work before interrupts, and from the panic path); input raises IRQ 4
 * and each received byte is handed to the tty line discipline.
 */
#include <tine/serial.h>
#include <tine/cpu.h>
#include <tine/irq.h>

#define COM1 0x3f8

void serial_init(void)
{
	outb(COM1 + 1, 0x00);		/* no interrupts while we program it */
	outb(COM1 + 3, 0x80);		/* DLAB: set the divisor */
	outb(COM1 + 0, 0x01);		/* 115200 baud */
	outb(COM1 + 1, 0x00);
	outb(COM1 + 3, 0x03);		/* 8 bits, no parity, one stop bit */
	outb(COM1 + 2, 0xc7);		/* FIFO on, cleared, 14-byte threshold */
	outb(COM1 + 4, 0x0b);		/* DTR, RTS, OUT2 (routes the IRQ) */
}

static void serial_putc(char c)
{
	while (!(inb(COM1 + 5) & 0x20))	/* transmit holding register empty */
		;
	outb(COM1, c);
}

void serial_write(const char *buf, size_t n)
{
	for (size_t i = 0; i < n; i++)
		serial_putc(buf[i]);
}

static void serial_irq(void)
{
	while (inb(COM1 + 5) & 0x01)	/* data ready */
		tty_receive_char((char)inb(COM1));
}

/* Start delivering received bytes once the tty layer can take them. */
void serial_enable_rx(void)
{
	irq_register(4, serial_irq);
	outb(COM1 + 1, 0x01);		/* interrupt on received data */
}
