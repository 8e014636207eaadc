/*
 * Memory and string routines (kernel/lib/string.c).  The compiler itself may
 * emit calls to memcpy, memmove, memset and memcmp, so the kernel's versions
 * carry exactly those names.  Host unit tests use the C library instead,
 * except the test of string.c itself, which defines TINE_STRING_TEST and
 * renames ours (tests/unit/libc_rename.h) so both can be compared.
 */
#ifndef TINE_STRING_H
#define TINE_STRING_H

#include <tine/types.h>

#if defined(TINE_HOST_TEST) && !defined(TINE_STRING_TEST)
#include <string.h>
#else
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
size_t strnlen(const char *s, size_t max);
int strcmp(const char *a, const char *b);
int strncmp(const char *a, const char *b, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
/* Copy at most size-1 bytes and NUL-terminate if size > 0; returns strlen(src). */
size_t strlcpy(char *dst, const char *src, size_t size);
#endif

#endif
