/*
 * printf-style formatting into a buffer (kernel/lib/format.c), with C99
 * snprintf semantics: the return value is the length the full output would
 * have had, and the buffer is always NUL-terminated when size > 0.
 * Conversions: d i u x X o c s p %; flags - 0 + space #; width and precision
 * (also *); length modifiers hh h l ll z t j.  %p prints 0x-prefixed hex
 * (like Linux's %px, so "0x0" for NULL); %s of NULL prints "(null)".
 * There is no %n and no floating point.
 */
#ifndef TINE_FORMAT_H
#define TINE_FORMAT_H

#include <tine/types.h>

#if defined(TINE_HOST_TEST) && !defined(TINE_FORMAT_TEST)
#include <stdio.h>
#else
int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
int snprintf(char *buf, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
#endif

#endif
