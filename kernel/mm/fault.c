/*
 * The page-fault path.  Every user page comes into existence here: a first
 * touch of anonymous memory gets a zeroed page, a touch of a file mapping
 * gets the file's page-cache page, a write to a copy-on-write page gets a
 * private copy (or, if nobody else holds the page any more, just the write
 * bit back), and a touch just below the stack grows it.  Anything else is a
 * SIGSEGV for user code, or -EFAULT for a kernel user-copy.
 */
#include <tine/mm.h>
#include <tine/tlb.h>
#include <tine/page.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/fs.h>
#include <tine/task.h>
#include <tine/traps.h>
#include <tine/ptrace.h>
#include <tine/printk.h>
#include <tine/cpu.h>
#include <tine/uaccess.h>
#include <tine/trace.h>

static pte_t vma_pte_flags(const struct vm_area_struct *vma, bool writable)
{
	pte_t f = PTE_P | PTE_U;
	if (writable)
		f |= PTE_W;
	if (!(vma->vm_flags & VM_EXEC))
		f |= PTE_NX;
	return f;
}

static struct page *alloc_zeroed_page(void)
{
	struct page *p = alloc_page();
	if (p)
		memset(page_address(p), 0, PAGE_SIZE);
	return p;
}

/* Give the mapping a page for a PTE that is not present yet. */
static int fault_in_page(struct mm_struct *mm, struct vm_area_struct *vma,
			 u64 addr, pte_t *pte, bool write)
{
	struct page *page;
	pte_t flags;

	if (!vma->vm_file) {
		page = alloc_zeroed_page();
		if (!page)
			return -ENOMEM;
		flags = vma_pte_flags(vma, vma->vm_flags & VM_WRITE) | PTE_ANON;
		mm->rss_anon++;
	} else {
		u64 index = vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT);
		struct page *cache = inode_get_page(vma->vm_file->f_inode, index);
		if (!cache)
			return -ENOMEM;
		if ((vma->vm_flags & VM_SHARED) || !write) {
			/* Shared, or private but only read: map the cache page. */
			page = cache;
			get_page(page);
			flags = vma_pte_flags(vma, (vma->vm_flags & VM_SHARED) &&
					      (vma->vm_flags & VM_WRITE));
			mm->rss_file++;
		} else {
			page = alloc_page();
			if (!page)
				return -ENOMEM;
			memcpy(page_address(page), page_address(cache), PAGE_SIZE);
			flags = vma_pte_flags(vma, true) | PTE_ANON;
			mm->rss_anon++;
		}
	}
	*pte = (page_to_pfn(page) << PAGE_SHIFT) | flags;
	page_add_mapping(page);
	return 0;
}

/*
 * A write to a present, write-protected page of a writable private mapping:
 * copy-on-write.  If we hold the only reference, nobody can see a write, so
 * the page just becomes writable again.
 */
static int cow_page(struct mm_struct *mm, struct vm_area_struct *vma,
		    u64 addr, pte_t *pte)
{
	struct page *old = pfn_to_page((*pte & PTE_ADDR) >> PAGE_SHIFT);

	trace_cow_fault(addr, old);
	if (old->refcount == 1) {
		if (!(*pte & PTE_ANON)) {
			mm->rss_file--;
			mm->rss_anon++;
		}
		*pte |= PTE_W | PTE_ANON;
	} else {
		struct page *copy = alloc_page();
		if (!copy)
			return -ENOMEM;
		memcpy(page_address(copy), page_address(old), PAGE_SIZE);
		if (!(*pte & PTE_ANON)) {
			mm->rss_file--;
			mm->rss_anon++;
		}
		*pte = (page_to_pfn(copy) << PAGE_SHIFT) |
		       vma_pte_flags(vma, true) | PTE_ANON;
		page_add_mapping(copy);
		page_remove_mapping(old);
		/* Other CPUs running this mm may still read the old page
		 * through their TLBs; they must see the copy before we write
		 * to it.  (Making a page writable in place needs no such
		 * flush: a stale read-only entry just faults once more.) */
		flush_tlb_others(mm);
		put_page(old);
	}
	invlpg(addr);
	return 0;
}

/* Grow a VM_GROWSDOWN stack VMA down to cover addr, within RLIMIT_STACK. */
static bool expand_stack(struct mm_struct *mm, struct vm_area_struct *vma,
			 u64 addr)
{
	u64 start = ALIGN_DOWN(addr, PAGE_SIZE);
	u64 limit = current->signal->rlim[RLIMIT_STACK].rlim_cur;
	int i = vma_find_index(&mm->mmap, addr);
	struct vm_area_struct *prev = i > 0 ? vma_at(&mm->mmap, i - 1) : NULL;

	if (vma->vm_end - start > limit)
		return false;
	if (prev && prev->vm_end + STACK_GUARD_GAP > start)
		return false;
	mm->total_vm += (vma->vm_start - start) >> PAGE_SHIFT;
	vma->vm_start = start;
	return true;
}

static bool access_permitted(const struct vm_area_struct *vma, bool write,
			     bool exec)
{
	if (write)
		return vma->vm_flags & VM_WRITE;
	if (exec)
		return vma->vm_flags & VM_EXEC;
	return vma->vm_flags & (VM_READ | VM_WRITE | VM_EXEC);
}

int handle_mm_fault(struct mm_struct *mm, u64 addr, bool write, bool exec,
		    int *si_code)
{
	*si_code = SEGV_MAPERR;
	if (!mm || addr >= USER_TOP)
		return -EFAULT;
	struct vm_area_struct *vma = vma_find(&mm->mmap, addr);
	if (!vma)
		return -EFAULT;
	if (vma->vm_start > addr) {
		if (!(vma->vm_flags & VM_GROWSDOWN) || !expand_stack(mm, vma, addr))
			return -EFAULT;
	}
	if (!access_permitted(vma, write, exec)) {
		*si_code = SEGV_ACCERR;
		return -EFAULT;
	}
	pte_t *pte = pte_lookup(mm->pgd, addr, true);
	if (!pte)
		return -ENOMEM;
	int err;
	if (!(*pte & PTE_P))
		err = fault_in_page(mm, vma, addr, pte, write);
	else if (write && !(*pte & PTE_W) && (vma->vm_flags & VM_SHARED)) {
		*pte |= PTE_W;		/* mprotect gave write back: no copy */
		invlpg(addr);
		err = 0;
	} else if (write && !(*pte & PTE_W))
		err = cow_page(mm, vma, addr, pte);
	else
		err = 0;		/* another path filled it: nothing to do */
	u64 rss = mm->rss_anon + mm->rss_file;
	if (rss > mm->hiwater_rss)
		mm->hiwater_rss = rss;
	return err;
}

void do_page_fault(struct pt_regs *regs, u64 addr)
{
	bool write = regs->err & 2;
	bool exec = regs->err & 16;
	int si_code;
	struct mm_struct *mm = current ? current->mm : NULL;

	int err = handle_mm_fault(mm, addr, write, exec, &si_code);
	trace_page_fault(regs, addr, err);
	if (!err) {
		/* Linux's mm_account_fault(): with no disk, every fault that
		 * was served is a minor one (getrusage ru_minflt, stat). */
		if (current)
			current->min_flt++;
		return;
	}
	if (!user_mode(regs)) {
		if (fixup_exception(regs))
			return;
		printk(KERN_EMERG "BUG: unable to handle page fault at %016llx\n",
		       (unsigned long long)addr);
		kernel_fault(regs, "page fault");
	}
	if (err == -ENOMEM) {
		pr_err("Out of memory: killed process %d (%s) faulting at %llx\n",
		       current->tgid, current->comm, (unsigned long long)addr);
		force_sig_fault(SIGKILL, SI_KERNEL, addr);
		return;
	}
	force_sig_fault(SIGSEGV, si_code, addr);
}
