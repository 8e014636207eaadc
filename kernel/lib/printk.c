/*
 * The kernel log.  Messages are formatted into a line buffer and written to
 * the serial console; a leading KERN_* level decides whether the console
 * shows them (`quiet` sets the console level to 4, showing KERN_WARNING and
 * more severe only, as on Linux).
 */
#include <tine/printk.h>
#include <tine/format.h>
#include <tine/serial.h>
#include <tine/spinlock.h>

static int console_loglevel = 7;	/* show levels 0..6 */
static spinlock_t log_lock = SPINLOCK_INIT("log_lock");

void printk_set_loglevel(int level)
{
	console_loglevel = level;
}

int vprintk(const char *fmt, va_list ap)
{
	char buf[512];
	int level = 4;			/* default: KERN_WARNING, like Linux */

	if (fmt[0] == '\001' && fmt[1] >= '0' && fmt[1] <= '7') {
		level = fmt[1] - '0';
		fmt += 2;
	}
	int n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n > (int)sizeof(buf) - 1)
		n = sizeof(buf) - 1;
	if (level < console_loglevel) {
		u64 flags = spin_lock_irqsave(&log_lock);
		for (int i = 0; i < n; i++) {
			if (buf[i] == '\n')
				serial_write("\r", 1);
			serial_write(&buf[i], 1);
		}
		spin_unlock_irqrestore(&log_lock, flags);
	}
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}
