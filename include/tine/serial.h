/* The serial console (COM1): polled output, interrupt-driven input. */
#ifndef TINE_SERIAL_H
#define TINE_SERIAL_H

#include <tine/types.h>

void serial_init(void);
void serial_write(const char *buf, size_t n);
void serial_enable_rx(void);

/* The tty line discipline's input hook, called in interrupt context. */
void tty_receive_char(char c);

#endif
