/*
 * The only doors between kernel and user memory.  Each routine checks that
 * the range lies in the user half and survives a fault: a bad pointer turns
 * into -EFAULT, never a kernel panic.  A fault on a valid but not yet present
 * user page is handled as a normal page fault (demand paging, COW) first.
 */
#ifndef TINE_UACCESS_H
#define TINE_UACCESS_H

#include <tine/types.h>

#define __user
#define USER_TOP 0x00007ffffffff000ULL	/* first address above user space */

static inline bool access_ok(const void __user *p, size_t n)
{
	u64 a = (u64)p;
	return a <= USER_TOP && n <= USER_TOP - a;
}

/* Return 0, or -EFAULT if any byte could not be copied. */
long copy_from_user(void *dst, const void __user *src, size_t n);
long copy_to_user(void __user *dst, const void *src, size_t n);
long clear_user(void __user *dst, size_t n);

/*
 * Copy a NUL-terminated string of at most n bytes including the NUL.
 * Returns its length, n if no NUL was found within n bytes (the caller
 * decides: ENAMETOOLONG, E2BIG), or -EFAULT.
 */
long strncpy_from_user(char *dst, const char __user *src, long n);

/* Read or write one naturally aligned value; 0 or -EFAULT. */
long get_user_u32(u32 *val, const void __user *p);
long put_user_u32(u32 val, void __user *p);
long get_user_u64(u64 *val, const void __user *p);
long put_user_u64(u64 val, void __user *p);

#endif
