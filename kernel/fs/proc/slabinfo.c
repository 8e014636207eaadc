/*
 * /proc/slabinfo: one line per slab cache in Linux's "version 2.1" format,
 * for leak checks (active objects before and after a test).  Tine's slabs
 * have no per-CPU tunables, so those columns are 0 as on SLUB.
 */
#include <tine/proc_fs.h>
#include <tine/slab.h>
#include <tine/page.h>

static void cache_line(const struct kmem_cache *c, void *arg)
{
	struct proc_buf *pb = arg;
	u64 pages_per_slab = 1UL << c->order;
	u64 slabs = c->num_pages / pages_per_slab;

	pb_printf(pb, "%-17s %6lu %6lu %6lu %4u %4lu : tunables %4u %4u %4u : "
		  "slabdata %6lu %6lu %6u\n", c->name, c->active_objs,
		  slabs * c->objs_per_slab, c->size, c->objs_per_slab,
		  pages_per_slab, 0, 0, 0, slabs, slabs, 0);
}

int proc_slabinfo_show(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	pb_printf(pb, "slabinfo - version: 2.1\n# name            <active_objs> "
		  "<num_objs> <objsize> <objperslab> <pagesperslab> : tunables "
		  "<limit> <batchcount> <sharedfactor> : slabdata <active_slabs> "
		  "<num_slabs> <sharedavail>\n");
	kmem_for_each_cache(cache_line, pb);
	return 0;
}
