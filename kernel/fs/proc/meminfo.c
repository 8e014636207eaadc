/*
 * /proc/meminfo: the page allocator's totals, the slab caches' pages, the
 * kernel stacks and the resident pages of every address space, laid out by
 * format.c exactly as Linux 6.1 lays them out.  Tine has no swap, no page
 * reclaim and no highmem, so those lines are zero, as on such a Linux.
 */
#include <tine/proc_fs.h>
#include <tine/page.h>
#include <tine/slab.h>
#include <tine/task.h>
#include <tine/mm.h>

static void add_slab_pages(const struct kmem_cache *c, void *arg)
{
	*(u64 *)arg += c->num_pages;
}

/* Resident pages of each address space, counted once (at its leader). */
static void add_rss(struct proc_mem_info *m)
{
	struct list_head *p;

	list_for_each(p, &task_list) {
		struct task_struct *t = list_entry(p, struct task_struct, tasks);

		if (!t->mm || t->exit_state || !thread_group_leader(t))
			continue;
		m->anon += t->mm->rss_anon;
		m->file += t->mm->rss_file;
	}
}

int proc_meminfo_show(struct proc_buf *pb, s32 pid)
{
	struct proc_mem_info m = { 0 };

	(void)pid;
	m.total = nr_total_pages();
	m.free = nr_free_pages();
	kmem_for_each_cache(add_slab_pages, &m.slab);
	m.kernel_stack = nr_live_tasks() * (KSTACK_SIZE / PAGE_SIZE);
	add_rss(&m);
	m.committed = m.anon;
	proc_format_meminfo(pb, &m);
	return 0;
}
