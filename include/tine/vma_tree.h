/*
 * The ordered set of VMAs of one address space (kernel/mm/vma_tree.c): a
 * sorted array of pointers searched by bisection.  Only a forward
 * declaration of the VMA here: <tine/mm.h>, which defines it, includes us.
 */
#ifndef TINE_VMA_TREE_H
#define TINE_VMA_TREE_H

#include <tine/types.h>

struct vm_area_struct;

struct vma_tree {
	struct vm_area_struct **v;	/* sorted by address, never overlapping */
	int n, cap;			/* entries used, entries allocated */
	int cache;			/* index of the last VMA found, or -1 */
};

void vma_tree_init(struct vma_tree *t);
void vma_tree_destroy(struct vma_tree *t);
struct vm_area_struct *vma_find(struct vma_tree *t, u64 addr);
int vma_find_index(struct vma_tree *t, u64 addr);
int vma_tree_insert(struct vma_tree *t, struct vm_area_struct *vma);
void vma_tree_remove(struct vma_tree *t, struct vm_area_struct *vma);
struct vm_area_struct *vma_at(struct vma_tree *t, int i);
int vma_count(struct vma_tree *t);
u64 vma_find_gap(struct vma_tree *t, u64 len, u64 low, u64 high);

#endif
