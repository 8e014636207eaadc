/*
 * Kernel object allocation (kernel/mm/slab.c): caches of equal-sized
 * objects carved out of pages, and kmalloc on top of power-of-two caches.
 */
#ifndef TINE_SLAB_H
#define TINE_SLAB_H

#include <tine/types.h>
#include <tine/list.h>

#define KMALLOC_MIN_SIZE	16
#define KMALLOC_MAX_CACHE_SIZE	2048	/* bigger kmallocs take whole pages */
#define POISON_FREE		0x6b	/* fills freed objects under TINE_DEBUG */

struct kmem_cache {
	/* Public, read-only for users (/proc/slabinfo). */
	const char *name;
	size_t object_size;	/* the size asked for */
	u64 active_objs;	/* objects handed out */
	u64 num_pages;		/* pages held by the cache's slabs */

	/* Private to slab.c. */
	size_t size;		/* slot size: object_size rounded up to 8 */
	unsigned order;		/* every slab is 2^order pages */
	unsigned objs_per_slab;
	struct list_head partial;	/* slabs with a free slot */
	struct list_head full;		/* slabs without */
	struct list_head list;		/* on the list of all caches */
	/* lock: a per-cache spinlock will guard the lists and counters (SMP). */
};

struct kmem_cache *kmem_cache_create(const char *name, size_t size);
void *kmem_cache_alloc(struct kmem_cache *c);
void kmem_cache_free(struct kmem_cache *c, void *obj);

void *kmalloc(size_t size);
void *kzalloc(size_t size);
void kfree(const void *ptr);
void *krealloc(void *ptr, size_t size);
size_t ksize(const void *ptr);

void kmem_for_each_cache(void (*fn)(const struct kmem_cache *c, void *arg), void *arg);

#endif
