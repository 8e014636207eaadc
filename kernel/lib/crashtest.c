/*
 * Provoked bugs, for debug builds only: writing a case name to
 * /proc/sys/debug/provoke-crash (root only) commits that bug on purpose, so
 * that each debug self-check can be seen to fire (Linux's lkdtm does the
 * same through debugfs).  tools/debug-checks.py boots the debug kernel once
 * per case and requires the check's panic message.  A case that returns
 * means its check did not fire: the write then fails with EIO.
 */
#ifdef TINE_DEBUG
#include <tine/crashtest.h>
#include <tine/page.h>
#include <tine/slab.h>
#include <tine/list.h>
#include <tine/string.h>
#include <tine/printk.h>
#include <tine/errno.h>
#include <tine/spinlock.h>
#include <tine/sched.h>

static void page_double_free(void)
{
	struct page *p = alloc_page();

	free_page(p);
	free_page(p);
}

static void page_get_free(void)
{
	struct page *p = alloc_page();

	free_page(p);
	get_page(p);
}

/* The page-table entry is pretend, the accounting is the real one. */
static void page_free_mapped(void)
{
	struct page *p = alloc_page();

	page_add_mapping(p);
	free_page(p);
}

/* Write into a freed page, then allocate until it is handed out again. */
static void page_write_after_free(void)
{
	static struct page *held[1 << 16];
	struct page *p = alloc_page();
	u64 n = 0;

	free_page(p);
	((volatile char *)page_address(p))[100] = 1;
	while (n < ARRAY_SIZE(held) && (held[n] = alloc_page()))
		n++;
	while (n)
		free_page(held[--n]);
}

static void slab_write_after_free(void)
{
	volatile char *obj = kmalloc(64);

	kfree((void *)obj);
	obj[32] = 1;
	kfree(kmalloc(64));	/* the same object comes back first */
}

static void list_add_corrupt(void)
{
	static struct list_head head, a, b, stray;

	list_init(&head);
	list_add(&a, &head);
	a.prev = &stray;		/* a's back link no longer agrees */
	list_add(&b, &head);
}

static void list_del_corrupt(void)
{
	static struct list_head head, a, stray;

	list_init(&head);
	list_add(&a, &head);
	head.prev = &stray;
	list_del(&a);
}

static void list_add_twice(void)
{
	static struct list_head head, a;

	list_init(&head);
	list_add(&a, &head);
	list_add(&a, &head);
}

/* A then B once, then B then A: lockdep must see the inversion. */
static void lock_order_inversion(void)
{
	static spinlock_t a = SPINLOCK_INIT("crashtest_a");
	static spinlock_t b = SPINLOCK_INIT("crashtest_b");
	u64 flags = local_irq_save();

	spin_lock(&a);
	spin_lock(&b);
	spin_unlock(&b);
	spin_unlock(&a);
	spin_lock(&b);
	spin_lock(&a);
	spin_unlock(&a);
	spin_unlock(&b);
	local_irq_restore(flags);
}

static void sleep_with_spinlock(void)
{
	static spinlock_t l = SPINLOCK_INIT("crashtest_held");
	u64 flags = spin_lock_irqsave(&l);

	schedule();
	spin_unlock_irqrestore(&l, flags);
}

/*
 * Each level keeps 512 bytes live on the stack: the guard is hit within 32
 * levels of a 16 KiB stack (the bound only keeps the compiler quiet).
 */
static __attribute__((noinline)) int recurse(int depth)
{
	volatile char pad[512];

	pad[0] = (char)depth;
	if (depth > 1000)
		return 0;
	return recurse(depth + 1) + pad[0];
}

static void stack_overflow(void)
{
	recurse(0);
}

static const struct {
	const char *name;
	void (*fn)(void);
} cases[] = {
	{ "PAGE_DOUBLE_FREE", page_double_free },
	{ "PAGE_GET_FREE", page_get_free },
	{ "PAGE_FREE_MAPPED", page_free_mapped },
	{ "PAGE_WRITE_AFTER_FREE", page_write_after_free },
	{ "SLAB_WRITE_AFTER_FREE", slab_write_after_free },
	{ "LIST_ADD_CORRUPT", list_add_corrupt },
	{ "LIST_DEL_CORRUPT", list_del_corrupt },
	{ "LIST_ADD_TWICE", list_add_twice },
	{ "STACK_OVERFLOW", stack_overflow },
	{ "LOCK_ORDER_INVERSION", lock_order_inversion },
	{ "SLEEP_WITH_SPINLOCK", sleep_with_spinlock },
};

int provoke_crash(const char *buf, size_t n)
{
	while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\0'))
		n--;
	for (size_t i = 0; i < ARRAY_SIZE(cases); i++) {
		if (strlen(cases[i].name) != n || memcmp(cases[i].name, buf, n))
			continue;
		printk(KERN_EMERG "provoke-crash: %s\n", cases[i].name);
		cases[i].fn();
		printk(KERN_EMERG "provoke-crash: %s did not fire\n", cases[i].name);
		return -EIO;
	}
	return -EINVAL;
}
#endif
