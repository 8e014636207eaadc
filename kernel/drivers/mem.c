/*
 * The memory devices of Linux's drivers/char/mem.c and random.c:
 * /dev/null (reads end at once, writes vanish), /dev/zero (reads zeros),
 * /dev/full (writes fail with ENOSPC), /dev/random and /dev/urandom, and
 * getrandom(2).  The random bytes come from xorshift64*, seeded from the
 * TSC: good enough for tests and hash seeds, NOT cryptographic.
 */
#include <tine/fs.h>
#include <tine/syscalls.h>
#include <tine/uaccess.h>
#include <tine/errno.h>

static ssize_t null_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return 0;
}

static ssize_t null_write(struct file *f, const char *buf, size_t n, u64 *pos)
{
	(void)f, (void)buf, (void)pos;
	return n;
}

/* "lseek on /dev/null and /dev/zero always returns 0" (mem.c's null_lseek). */
static s64 null_lseek(struct file *f, s64 off, int whence)
{
	(void)off, (void)whence;
	f->f_pos = 0;
	return 0;
}

static ssize_t zero_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	(void)f, (void)pos;
	return clear_user(buf, n) ? -EFAULT : (ssize_t)n;
}

static ssize_t full_write(struct file *f, const char *buf, size_t n, u64 *pos)
{
	(void)f, (void)buf, (void)n, (void)pos;
	return -ENOSPC;
}

static u64 rng_state;

static u64 rdtsc(void)
{
	u32 lo, hi;

	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

/* xorshift64*: one step of a fast, statistically decent, guessable PRNG. */
static u64 rng_next(void)
{
	if (!rng_state)
		rng_state = rdtsc() | 1;
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

/* Fill n user bytes with random data; bytes written or -EFAULT. */
static ssize_t fill_random(char __user *buf, size_t n)
{
	size_t done = 0;

	while (done < n) {
		u64 r = rng_next();
		size_t chunk = MIN(n - done, sizeof(r));
		if (copy_to_user(buf + done, &r, chunk))
			return done ? (ssize_t)done : -EFAULT;
		done += chunk;
	}
	return done;
}

static ssize_t random_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	(void)f, (void)pos;
	return fill_random(buf, n);
}

static const struct file_operations null_fops = {
	.read = null_read, .write = null_write, .llseek = null_lseek,
};
static const struct file_operations zero_fops = {
	.read = zero_read, .write = null_write, .llseek = null_lseek,
};
static const struct file_operations full_fops = {
	.read = zero_read, .write = full_write, .llseek = null_lseek,
};
static const struct file_operations random_fops = {
	.read = random_read, .write = null_write,
};

void mem_init(void)
{
	register_chrdev(1, 3, "null", &null_fops);
	register_chrdev(1, 5, "zero", &zero_fops);
	register_chrdev(1, 7, "full", &full_fops);
	register_chrdev(1, 8, "random", &random_fops);
	register_chrdev(1, 9, "urandom", &random_fops);
}

#define GRND_NONBLOCK	1
#define GRND_RANDOM	2
#define GRND_INSECURE	4

/* getrandom(2): "EINVAL: An invalid flag was specified in flags". */
long sys_getrandom(char __user *buf, size_t n, unsigned int flags)
{
	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE))
		return -EINVAL;
	if ((flags & GRND_INSECURE) && (flags & GRND_RANDOM))
		return -EINVAL;
	if (!access_ok(buf, n))
		return -EFAULT;
	return fill_random(buf, MIN(n, 0x1ffffffUL));
}
