/*
 * The slab allocator: each kmem_cache hands out objects of one size, cut
 * from slabs of 2^order pages taken from the page allocator.  A slab's
 * struct page (its first page) holds the slab bookkeeping: the cache, the
 * list of free slots threaded through the first word of each free object,
 * and the count in use; every page of the slab is marked PG_slab and points
 * at the cache, so kfree can find the cache of any object from its address.
 * Slabs with free slots sit on the cache's partial list, the others on its
 * full list; a slab that becomes empty goes back to the page allocator
 * unless it is the cache's last partial slab (kept to avoid thrashing).
 *
 * kmalloc uses power-of-two caches from 16 to 2048 bytes, so its objects
 * are aligned to their size; bigger requests take whole page blocks, whose
 * order struct page remembers for kfree.  With TINE_DEBUG freed objects are
 * filled with POISON_FREE and checked when handed out again, which catches
 * writes after free.
 *
 * Locking: callers are serialised as all kernel code is, by the big kernel
 * lock (docs/locking.md); no interrupt handler allocates.  Each cache has a
 * place for a lock of its own (see struct kmem_cache) for the day the big
 * lock is split, and cache_list would get one taken before any cache's.
 */
#include <tine/slab.h>
#include <tine/page.h>
#include <tine/string.h>

#define SLAB_MAX_ORDER		3	/* slabs of at most 8 pages */
#define SLAB_MIN_OBJECTS	8	/* grow a slab until this many fit */
#define NR_KMALLOC_CACHES	8	/* 16, 32, ... 2048 */

static LIST_HEAD(cache_list);		/* every cache, in creation order */
static struct kmem_cache cache_cache;	/* where kmem_cache_create's come from */
static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
static const char *const kmalloc_names[NR_KMALLOC_CACHES] = {
	"kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128",
	"kmalloc-256", "kmalloc-512", "kmalloc-1k", "kmalloc-2k",
};

/* Fill in c for objects of size bytes; false if they cannot fit a slab. */
static bool cache_init(struct kmem_cache *c, const char *name, size_t size)
{
	size_t slot = ALIGN_UP(MAX(size, sizeof(void *)), 8);
	unsigned order = 0;

	while (order < SLAB_MAX_ORDER && (PAGE_SIZE << order) / slot < SLAB_MIN_OBJECTS)
		order++;
	if ((PAGE_SIZE << order) < slot)
		return false;
	*c = (struct kmem_cache){
		.name = name, .object_size = size, .size = slot, .order = order,
		.objs_per_slab = (PAGE_SIZE << order) / slot,
	};
	list_init(&c->partial);
	list_init(&c->full);
	list_add_tail(&c->list, &cache_list);
	return true;
}

/* The built-in caches are set up on first use: no init call to forget. */
static void slab_init_once(void)
{
	static bool done;
	int i;

	if (done)
		return;
	done = true;
	cache_init(&cache_cache, "kmem_cache", sizeof(struct kmem_cache));
	for (i = 0; i < NR_KMALLOC_CACHES; i++)
		cache_init(&kmalloc_caches[i], kmalloc_names[i], KMALLOC_MIN_SIZE << i);
}

/* A new cache of size-byte objects, or NULL (no memory, or too big). */
struct kmem_cache *kmem_cache_create(const char *name, size_t size)
{
	struct kmem_cache *c;

	slab_init_once();
	if (size == 0 || size > (PAGE_SIZE << SLAB_MAX_ORDER))
		return NULL;
	c = kmem_cache_alloc(&cache_cache);
	if (c && !cache_init(c, name, size)) {
		kmem_cache_free(&cache_cache, c);
		c = NULL;
	}
	return c;
}

#ifdef TINE_DEBUG
static void poison(struct kmem_cache *c, void *obj)
{
	memset(obj, POISON_FREE, c->size);
}

/* Everything after the free-list link must still be poison. */
static void check_poison(struct kmem_cache *c, void *obj)
{
	const u8 *p = obj;
	size_t i;

	for (i = sizeof(void *); i < c->size; i++)
		if (p[i] != POISON_FREE)
			panic("slab %s: object %p written after free (byte %zu)",
			      c->name, obj, i);
}
#else
static void poison(struct kmem_cache *c, void *obj) { (void)c; (void)obj; }
static void check_poison(struct kmem_cache *c, void *obj) { (void)c; (void)obj; }
#endif

/* Take a new slab from the page allocator and thread its free list. */
static struct page *slab_grow(struct kmem_cache *c)
{
	struct page *slab = alloc_pages(c->order);
	char *base;
	unsigned i;

	if (!slab)
		return NULL;
	for (i = 0; i < (1U << c->order); i++) {
		slab[i].flags |= PG_slab;
		slab[i].slab = c;
	}
	base = page_address(slab);
	slab->freelist = NULL;
	for (i = c->objs_per_slab; i-- > 0; ) {	/* lowest address first out */
		void *obj = base + i * c->size;

		poison(c, obj);
		*(void **)obj = slab->freelist;
		slab->freelist = obj;
	}
	slab->inuse = 0;
	list_add(&slab->list, &c->partial);
	c->num_pages += 1UL << c->order;
	return slab;
}

static void slab_release(struct kmem_cache *c, struct page *slab)
{
	unsigned i;

	list_del(&slab->list);
	for (i = 0; i < (1U << c->order); i++) {
		slab[i].flags &= ~PG_slab;
		slab[i].slab = NULL;
	}
	c->num_pages -= 1UL << c->order;
	free_pages(slab, c->order);
}

void *kmem_cache_alloc(struct kmem_cache *c)
{
	struct page *slab;
	void *obj;

	if (list_empty(&c->partial) && !slab_grow(c))
		return NULL;
	slab = list_first_entry(&c->partial, struct page, list);
	obj = slab->freelist;
	check_poison(c, obj);
	slab->freelist = *(void **)obj;
	slab->inuse++;
	if (!slab->freelist) {
		list_del(&slab->list);
		list_add(&slab->list, &c->full);
	}
	c->active_objs++;
	return obj;
}

/* The first page of the slab holding obj; slabs are aligned to their size. */
static struct page *obj_to_slab(struct kmem_cache *c, const void *obj)
{
	struct page *page = virt_to_page(obj);
	u64 pfn = page_to_pfn(page) & ~((1UL << c->order) - 1);

	BUG_ON(!(page->flags & PG_slab) || page->slab != c);
	return pfn_to_page(pfn);
}

void kmem_cache_free(struct kmem_cache *c, void *obj)
{
	struct page *slab = obj_to_slab(c, obj);
	size_t offset = (char *)obj - (char *)page_address(slab);

	BUG_ON(offset % c->size || offset / c->size >= c->objs_per_slab);
	BUG_ON(slab->inuse == 0);
	poison(c, obj);
	*(void **)obj = slab->freelist;
	if (!slab->freelist) {		/* was full */
		list_del(&slab->list);
		list_add(&slab->list, &c->partial);
	}
	slab->freelist = obj;
	slab->inuse--;
	c->active_objs--;
	/* Free an empty slab unless it is the only partial one left. */
	if (slab->inuse == 0 && c->partial.next != c->partial.prev)
		slab_release(c, slab);
}

/* The order of the page block that holds size bytes (size > 2048). */
static unsigned size_to_order(size_t size)
{
	unsigned order = 0;

	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

/*
 * size bytes, aligned to the power of two at or above it (to the page for
 * big ones), or NULL.  kmalloc(0) returns a 16-byte object.
 */
void *kmalloc(size_t size)
{
	struct page *p;

	slab_init_once();
	if (size <= KMALLOC_MAX_CACHE_SIZE) {
		int i;

		for (i = 0; (size_t)(KMALLOC_MIN_SIZE << i) < size; i++)
			;
		return kmem_cache_alloc(&kmalloc_caches[i]);
	}
	if (size > (PAGE_SIZE << (MAX_ORDER - 1)))
		return NULL;
	p = alloc_pages(size_to_order(size));
	return p ? page_address(p) : NULL;
}

void *kzalloc(size_t size)
{
	void *p = kmalloc(size);

	if (p)
		memset(p, 0, size);
	return p;
}

/* Usable size of a kmalloc'd object: its slot, or its whole page block. */
size_t ksize(const void *ptr)
{
	struct page *page = virt_to_page(ptr);

	if (page->flags & PG_slab)
		return ((struct kmem_cache *)page->slab)->size;
	return PAGE_SIZE << page->order;
}

void kfree(const void *ptr)
{
	struct page *page;

	if (!ptr)
		return;
	page = virt_to_page(ptr);
	if (page->flags & PG_slab) {
		kmem_cache_free(page->slab, (void *)ptr);
		return;
	}
	BUG_ON(ptr != page_address(page));	/* not what kmalloc returned */
	free_pages(page, page->order);
}

/*
 * Resize ptr to size bytes, keeping its contents, like Linux's krealloc:
 * NULL ptr is kmalloc, size 0 is kfree (returns NULL).  On failure NULL is
 * returned and ptr is left alone.
 */
void *krealloc(void *ptr, size_t size)
{
	void *n;

	if (!ptr)
		return kmalloc(size);
	if (size == 0) {
		kfree(ptr);
		return NULL;
	}
	if (size <= ksize(ptr))
		return ptr;
	n = kmalloc(size);
	if (!n)
		return NULL;
	memcpy(n, ptr, ksize(ptr));
	kfree(ptr);
	return n;
}

void kmem_for_each_cache(void (*fn)(const struct kmem_cache *c, void *arg), void *arg)
{
	struct list_head *pos;

	slab_init_once();
	list_for_each(pos, &cache_list)
		fn(list_entry(pos, struct kmem_cache, list), arg);
}
