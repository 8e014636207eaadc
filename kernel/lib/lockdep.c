/*
 * The debug build's lock checker (make DEBUG=1), a small cousin of Linux's
 * lockdep.  Locks are grouped into classes by name ("sighand->lock" is one
 * class however many sighands exist).  Each CPU keeps the stack of locks it
 * holds; taking lock B while holding A records "A before B", and if "B
 * before A" was ever recorded the two orders can deadlock two CPUs, so the
 * kernel stops and says so, even if that deadlock never happened.  The
 * scheduler asks lockdep_assert_none_held() before it sleeps: sleeping with
 * a spinlock held would leave every other taker spinning.
 */
#include <tine/spinlock.h>
#include <tine/cpu.h>
#include <tine/string.h>
#include <tine/panic.h>
#include <tine/printk.h>

#ifdef TINE_DEBUG		/* the rest of the time spinlock.h makes it no-ops */

#define MAX_ORDERS 128

static struct { const char *before, *after; } orders[MAX_ORDERS];
static int nr_orders;
static volatile int orders_lock;	/* a bare lock: lockdep cannot check itself */

static bool same_class(const spinlock_t *a, const spinlock_t *b)
{
	return a->name == b->name || !strcmp(a->name, b->name);
}

static int find_order(const char *before, const char *after)
{
	for (int i = 0; i < nr_orders; i++)
		if (!strcmp(orders[i].before, before) && !strcmp(orders[i].after, after))
			return i;
	return -1;
}

/*
 * This CPU's area, or NULL before cpu_init() has pointed GS at it: the
 * first printk of boot takes a lock that early (loglevel above quiet), and
 * only the boot CPU runs then, so there is nothing to check.
 */
static struct cpu *lock_cpu(void)
{
	return rdmsr(MSR_GS_BASE) ? this_cpu() : NULL;
}

/* Held a, now taking b: the order a -> b must never have been seen reversed. */
static void check_order(const spinlock_t *a, const spinlock_t *b)
{
	while (__atomic_exchange_n(&orders_lock, 1, __ATOMIC_ACQUIRE))
		cpu_relax();
	bool reversed = find_order(b->name, a->name) >= 0;
	if (!reversed && find_order(a->name, b->name) < 0 && nr_orders < MAX_ORDERS) {
		orders[nr_orders].before = a->name;
		orders[nr_orders].after = b->name;
		nr_orders++;
	}
	__atomic_store_n(&orders_lock, 0, __ATOMIC_RELEASE);
	if (reversed)
		panic("lockdep: lock order inversion: taking %s while holding %s, "
		      "but %s has been taken while holding %s", b->name, a->name,
		      a->name, b->name);
}

void lockdep_acquire(spinlock_t *l)
{
	struct cpu *c = lock_cpu();

	if (!c)
		return;

	for (int i = 0; i < c->nr_held_locks; i++) {
		if (c->held_locks[i] == l)
			panic("lockdep: %s taken twice on CPU %d", l->name, c->id);
		if (!same_class(c->held_locks[i], l))
			check_order(c->held_locks[i], l);
	}
	if (c->nr_held_locks == (int)ARRAY_SIZE(c->held_locks))
		panic("lockdep: more than %d locks held", c->nr_held_locks);
	c->held_locks[c->nr_held_locks++] = l;
}

void lockdep_release(spinlock_t *l)
{
	struct cpu *c = lock_cpu();

	if (!c)
		return;

	for (int i = c->nr_held_locks - 1; i >= 0; i--) {
		if (c->held_locks[i] != l)
			continue;
		memmove(&c->held_locks[i], &c->held_locks[i + 1],
			(c->nr_held_locks - i - 1) * sizeof(c->held_locks[0]));
		c->nr_held_locks--;
		return;
	}
	panic("lockdep: %s released but not held on CPU %d", l->name, c->id);
}

void lockdep_assert_none_held(const char *where)
{
	struct cpu *c = lock_cpu();

	if (!c)
		return;

	if (c->nr_held_locks)
		panic("lockdep: %s while holding %s (%d spinlocks held)", where,
		      c->held_locks[c->nr_held_locks - 1]->name, c->nr_held_locks);
}

#endif
