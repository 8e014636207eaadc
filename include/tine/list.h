/*
 * Circular doubly-linked lists, the same shape as Linux's list_head, so that
 * a task can sit on several lists at once (children, siblings, a runqueue, a
 * wait queue) through fields embedded in task_struct.
 *
 * With TINE_DEBUG every insertion and removal first checks that the
 * neighbours agree (prev->next and next->prev point where they should), so
 * a list broken by a stray write or a use after free panics at the next
 * change, naming the entries, instead of corrupting memory further.
 * Deleted entries are not poisoned as Linux's are: Tine's list_del leaves
 * the entry self-linked, and callers rely on list_empty() of a deleted
 * entry, so the self-link is part of the contract.
 */
#ifndef TINE_LIST_H
#define TINE_LIST_H

#include <tine/types.h>
#include <tine/panic.h>

struct list_head {
	struct list_head *next, *prev;
};

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)

static inline void list_init(struct list_head *h)
{
	h->next = h;
	h->prev = h;
}

#ifdef TINE_DEBUG
static inline void list_check_insert(const struct list_head *n,
				     const struct list_head *prev,
				     const struct list_head *next)
{
	if (prev->next != next || next->prev != prev)
		panic("list_add corruption: prev %p (its next %p), next %p (its prev %p)",
		      (void *)prev, (void *)prev->next, (void *)next, (void *)next->prev);
	if (n == prev || n == next)
		panic("list_add corruption: %p added twice", (void *)n);
}

static inline void list_check_del(const struct list_head *n)
{
	if (n->prev->next != n || n->next->prev != n)
		panic("list_del corruption: entry %p, prev %p (its next %p), next %p (its prev %p)",
		      (void *)n, (void *)n->prev, (void *)n->prev->next,
		      (void *)n->next, (void *)n->next->prev);
}
#else
static inline void list_check_insert(const struct list_head *n,
				     const struct list_head *prev,
				     const struct list_head *next)
{
	(void)n; (void)prev; (void)next;
}

static inline void list_check_del(const struct list_head *n)
{
	(void)n;
}
#endif

static inline void list_insert(struct list_head *n, struct list_head *prev,
			       struct list_head *next)
{
	list_check_insert(n, prev, next);
	next->prev = n;
	n->next = next;
	n->prev = prev;
	prev->next = n;
}

/* Add n right after head (stack order). */
static inline void list_add(struct list_head *n, struct list_head *head)
{
	list_insert(n, head, head->next);
}

/* Add n at the end, just before head (queue order). */
static inline void list_add_tail(struct list_head *n, struct list_head *head)
{
	list_insert(n, head->prev, head);
}

/* Unlink n and leave it self-linked, so list_empty(n) is true afterwards. */
static inline void list_del(struct list_head *n)
{
	list_check_del(n);
	n->prev->next = n->next;
	n->next->prev = n->prev;
	list_init(n);
}

static inline bool list_empty(const struct list_head *h)
{
	return h->next == h;
}

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(head, type, member) list_entry((head)->next, type, member)

#define list_for_each(pos, head) \
	for (pos = (head)->next; pos != (head); pos = pos->next)

/* Safe against removal of pos: tmp holds the next element. */
#define list_for_each_safe(pos, tmp, head) \
	for (pos = (head)->next, tmp = pos->next; pos != (head); \
	     pos = tmp, tmp = pos->next)

#endif
