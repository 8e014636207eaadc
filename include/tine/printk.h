/*
 * printk: the kernel log, written to the serial console.  Each message may
 * start with a level prefix as in Linux (KERN_ERR "..."); with `quiet` on the
 * command line, messages above KERN_WARNING are kept off the console.
 */
#ifndef TINE_PRINTK_H
#define TINE_PRINTK_H

#include <tine/types.h>

#define KERN_EMERG	"\0010"
#define KERN_ALERT	"\0011"
#define KERN_CRIT	"\0012"
#define KERN_ERR	"\0013"
#define KERN_WARNING	"\0014"
#define KERN_NOTICE	"\0015"
#define KERN_INFO	"\0016"
#define KERN_DEBUG	"\0017"

int printk(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
int vprintk(const char *fmt, va_list ap);
void printk_set_loglevel(int level);

#define pr_err(...) printk(KERN_ERR __VA_ARGS__)
#define pr_warn(...) printk(KERN_WARNING __VA_ARGS__)
#define pr_info(...) printk(KERN_INFO __VA_ARGS__)
#define pr_debug(...) printk(KERN_DEBUG __VA_ARGS__)

#endif
