/*
 * /proc/PID/maps and smaps_rollup (Linux's fs/proc/task_mmu.c): one line
 * per VMA in address order, and the resident-memory totals of the whole
 * address space, counted from the page tables (present entries only, so
 * the cost follows what the process touched, not what it mapped).
 * A file mapping is named by its struct file's path, as Linux's d_path().
 */
#include <tine/proc_fs.h>
#include <tine/task.h>
#include <tine/mm.h>
#include <tine/fs.h>
#include <tine/page.h>
#include <tine/paging.h>
#include <tine/string.h>
#include <tine/errno.h>

/* mm.h's contract: one maps line for vma into buf; its length. */
int format_maps_line(char *buf, size_t n, const struct vm_area_struct *vma,
		     const struct mm_struct *mm)
{
	struct proc_buf pb = { buf, n, 0 };
	char path[256];
	const char *name = vma->vm_name;
	u32 dev = 0;
	u64 ino = 0;

	(void)mm;
	if (vma->vm_file) {
		struct inode *ino_p = vma->vm_file->f_inode;

		dev = ino_p->i_sb ? ino_p->i_sb->s_dev : 0;
		ino = ino_p->i_ino;
		name = file_path(vma->vm_file, path, sizeof(path)) > 0 ? path : NULL;
	}
	proc_format_maps_line(&pb, vma->vm_start, vma->vm_end, vma->vm_flags,
			      vma->vm_file ? vma->vm_pgoff : 0, dev, ino, name);
	return (int)pb.len;
}

static struct mm_struct *task_mm(s32 pid, int *err)
{
	struct task_struct *t = proc_task(pid);

	*err = t ? 0 : -ESRCH;
	return t && !t->exit_state ? t->mm : NULL;
}

int proc_pid_maps(struct proc_buf *pb, s32 pid)
{
	int err;
	struct mm_struct *mm = task_mm(pid, &err);

	for (int i = 0; mm && i < vma_count(&mm->mmap); i++) {
		size_t room = pb->len < pb->size ? pb->size - pb->len : 0;
		int len = format_maps_line(room ? pb->buf + pb->len : NULL, room,
					   vma_at(&mm->mmap, i), mm);

		pb->len += len;
	}
	return err;
}

/* What smaps_rollup adds up, in bytes. */
struct mem_size_stats {
	u64 rss, pss, anon, shared_clean, shared_dirty;
	u64 private_clean, private_dirty, referenced;
};

/* pte_range_walk() callback: account one present page. */
static void account_pte(pte_t *pte, u64 va, void *arg)
{
	struct mem_size_stats *s = arg;
	u64 pfn = (*pte & PTE_ADDR) >> PAGE_SHIFT;
	u32 count = pfn_valid(pfn) ? page_count(pfn_to_page(pfn)) : 1;
	bool dirty = *pte & PTE_D;

	(void)va;
	s->rss += PAGE_SIZE;
	s->pss += PAGE_SIZE / (count ? count : 1);
	if (*pte & PTE_ANON)
		s->anon += PAGE_SIZE;
	if (*pte & PTE_A)
		s->referenced += PAGE_SIZE;
	if (count > 1)
		*(dirty ? &s->shared_dirty : &s->shared_clean) += PAGE_SIZE;
	else
		*(dirty ? &s->private_dirty : &s->private_clean) += PAGE_SIZE;
}

static void rollup_line(struct proc_buf *pb, const char *label, u64 bytes)
{
	pb_printf(pb, "%-16s%8lu kB\n", label, bytes >> 10);
}

/* fs/proc/task_mmu.c show_smaps_rollup(): the totals over every VMA. */
int proc_pid_smaps_rollup(struct proc_buf *pb, s32 pid)
{
	struct mem_size_stats s = { 0 };
	int err, n;
	struct mm_struct *mm = task_mm(pid, &err);
	static const char *const zero[] = {
		"LazyFree:", "AnonHugePages:", "ShmemPmdMapped:",
		"FilePmdMapped:", "Shared_Hugetlb:", "Private_Hugetlb:",
		"Swap:", "SwapPss:", "Locked:",
	};

	if (!mm || !(n = vma_count(&mm->mmap)))
		return err;
	for (int i = 0; i < n; i++) {
		struct vm_area_struct *v = vma_at(&mm->mmap, i);
		pte_range_walk(mm->pgd, v->vm_start, v->vm_end, account_pte, &s);
	}
	proc_format_maps_line(pb, vma_at(&mm->mmap, 0)->vm_start,
			      vma_at(&mm->mmap, n - 1)->vm_end, 0, 0, 0, 0,
			      "[rollup]");
	rollup_line(pb, "Rss:", s.rss);
	rollup_line(pb, "Pss:", s.pss);
	rollup_line(pb, "Pss_Dirty:", s.private_dirty + s.shared_dirty);
	rollup_line(pb, "Pss_Anon:", s.anon);
	rollup_line(pb, "Pss_File:", s.rss - s.anon);
	rollup_line(pb, "Pss_Shmem:", 0);
	rollup_line(pb, "Shared_Clean:", s.shared_clean);
	rollup_line(pb, "Shared_Dirty:", s.shared_dirty);
	rollup_line(pb, "Private_Clean:", s.private_clean);
	rollup_line(pb, "Private_Dirty:", s.private_dirty);
	rollup_line(pb, "Referenced:", s.referenced);
	rollup_line(pb, "Anonymous:", s.anon);
	for (size_t i = 0; i < ARRAY_SIZE(zero); i++)
		rollup_line(pb, zero[i], 0);
	return 0;
}
