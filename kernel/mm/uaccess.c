/*
 * Copies between kernel and user memory.  The range check keeps user
 * pointers out of the kernel half; the fault-tolerant loops in entry.S
 * (__copy_user and friends) turn a fault on an unmapped user page into a
 * failure the caller reports as -EFAULT.  With SMAP the CPU refuses kernel
 * access to user pages except between stac and clac, so only these
 * routines can touch user memory.
 */
#include <tine/uaccess.h>
#include <tine/errno.h>
#include <tine/cpu.h>

long __copy_user(void *dst, const void *src, size_t n);
long __clear_user(void *dst, size_t n);
long __get_user_byte(const char *src);

static inline void user_access_begin(void)
{
	if (cpu_has_smap)
		__asm__ volatile("stac" : : : "memory");
}

static inline void user_access_end(void)
{
	if (cpu_has_smap)
		__asm__ volatile("clac" : : : "memory");
}

long copy_from_user(void *dst, const void __user *src, size_t n)
{
	if (!access_ok(src, n))
		return -EFAULT;
	user_access_begin();
	long bad = __copy_user(dst, src, n);
	user_access_end();
	return bad ? -EFAULT : 0;
}

long copy_to_user(void __user *dst, const void *src, size_t n)
{
	if (!access_ok(dst, n))
		return -EFAULT;
	user_access_begin();
	long bad = __copy_user(dst, src, n);
	user_access_end();
	return bad ? -EFAULT : 0;
}

long clear_user(void __user *dst, size_t n)
{
	if (!access_ok(dst, n))
		return -EFAULT;
	user_access_begin();
	long bad = __clear_user(dst, n);
	user_access_end();
	return bad ? -EFAULT : 0;
}

long strncpy_from_user(char *dst, const char __user *src, long n)
{
	long i;

	user_access_begin();
	for (i = 0; i < n; i++) {
		if (!access_ok(src + i, 1)) {
			i = -EFAULT;
			break;
		}
		long c = __get_user_byte(src + i);
		if (c < 0) {
			i = -EFAULT;
			break;
		}
		dst[i] = (char)c;
		if (c == 0)
			break;
	}
	user_access_end();
	return i;
}

long get_user_u32(u32 *val, const void __user *p)
{
	return copy_from_user(val, p, sizeof(*val));
}

long put_user_u32(u32 val, void __user *p)
{
	return copy_to_user(p, &val, sizeof(val));
}

long get_user_u64(u64 *val, const void __user *p)
{
	return copy_from_user(val, p, sizeof(*val));
}

long put_user_u64(u64 val, void __user *p)
{
	return copy_to_user(p, &val, sizeof(val));
}
