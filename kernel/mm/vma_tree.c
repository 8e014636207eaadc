/*
 * The VMAs of one address space, kept in a sorted array of pointers.
 * VMAs never overlap, so sorting by vm_start also sorts by vm_end, and a
 * bisection finds the VMA for an address in O(log n).  Inserting or
 * removing moves the tail of the array (a memmove of pointers), which for
 * the few hundred VMAs of a typical process, or a few thousand, costs less
 * than the pointer chasing and rebalancing of Linux's tree, and is far
 * simpler to read.  A one-entry cache of the last VMA found serves the
 * common run of faults in the same VMA.
 *
 * The gap search walks gaps from the top down (Linux's top-down mmap
 * layout), so it is O(number of VMAs above the gap); Linux keeps gap sizes
 * in its tree to make that O(log n), which Tine can add if it ever shows.
 *
 * Locking: the tree belongs to its mm_struct and is guarded by the mm's
 * lock (mmap_lock in Linux); the caller holds it.
 */
#include <tine/mm.h>
#include <tine/errno.h>
#include <tine/panic.h>
#include <tine/slab.h>
#include <tine/string.h>

#define VMA_TREE_MIN_CAP 16

void vma_tree_init(struct vma_tree *t)
{
	t->v = NULL;
	t->n = 0;
	t->cap = 0;
	t->cache = -1;
}

/* Free the array; the VMAs themselves are the caller's. */
void vma_tree_destroy(struct vma_tree *t)
{
	kfree(t->v);
	vma_tree_init(t);
}

/* Index of the first VMA with vm_end > addr (Linux's find_vma), or n. */
int vma_find_index(struct vma_tree *t, u64 addr)
{
	int lo = 0, hi = t->n;

	if (t->cache >= 0 && t->v[t->cache]->vm_start <= addr &&
	    addr < t->v[t->cache]->vm_end)
		return t->cache;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (t->v[mid]->vm_end > addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	if (lo < t->n)
		t->cache = lo;
	return lo;
}

/* The VMA containing addr or, failing that, the first one above it. */
struct vm_area_struct *vma_find(struct vma_tree *t, u64 addr)
{
	int i = vma_find_index(t, addr);

	return i < t->n ? t->v[i] : NULL;
}

static int grow(struct vma_tree *t)
{
	int cap = t->cap ? t->cap * 2 : VMA_TREE_MIN_CAP;
	struct vm_area_struct **v = krealloc(t->v, cap * sizeof(*v));

	if (!v)
		return -ENOMEM;
	t->v = v;
	t->cap = cap;
	return 0;
}

/* Add vma, which must not overlap any VMA in t.  0 or -ENOMEM. */
int vma_tree_insert(struct vma_tree *t, struct vm_area_struct *vma)
{
	int i;

	BUG_ON(vma->vm_start >= vma->vm_end);
	i = vma_find_index(t, vma->vm_start);
	BUG_ON(i < t->n && t->v[i]->vm_start < vma->vm_end);	/* overlap */
	if (t->n == t->cap && grow(t))
		return -ENOMEM;
	memmove(&t->v[i + 1], &t->v[i], (t->n - i) * sizeof(t->v[0]));
	t->v[i] = vma;
	t->n++;
	t->cache = i;
	return 0;
}

void vma_tree_remove(struct vma_tree *t, struct vm_area_struct *vma)
{
	int i = vma_find_index(t, vma->vm_start);

	BUG_ON(i >= t->n || t->v[i] != vma);	/* not in this tree */
	memmove(&t->v[i], &t->v[i + 1], (t->n - i - 1) * sizeof(t->v[0]));
	t->n--;
	t->cache = -1;
}

struct vm_area_struct *vma_at(struct vma_tree *t, int i)
{
	BUG_ON(i < 0 || i >= t->n);
	return t->v[i];
}

int vma_count(struct vma_tree *t)
{
	return t->n;
}

/* Number of VMAs that start below addr. */
static int count_starting_below(struct vma_tree *t, u64 addr)
{
	int lo = 0, hi = t->n;

	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (t->v[mid]->vm_start >= addr)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/*
 * The highest address a with [a, a + len) free and inside [low, high), or
 * 0 if there is none (so low must be above 0, as mmap_min_addr is).
 * Alignment is the caller's: with page-aligned arguments and VMAs the
 * result is page-aligned.
 */
u64 vma_find_gap(struct vma_tree *t, u64 len, u64 low, u64 high)
{
	int i = count_starting_below(t, high) - 1;
	u64 top = high;

	if (len == 0 || high < low || high - low < len)
		return 0;
	for (;; i--) {		/* the gap between v[i] (or low) and top */
		u64 bottom = i >= 0 ? MAX(t->v[i]->vm_end, low) : low;

		if (top > bottom && top - bottom >= len)
			return top - len;
		if (i < 0 || t->v[i]->vm_start <= low)
			return 0;
		top = t->v[i]->vm_start;
	}
}
