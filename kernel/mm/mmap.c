/*
 * The memory system calls: mmap, munmap, mprotect, mremap, brk and madvise.
 * They only edit VMAs (and, when permissions shrink or ranges go away, the
 * PTEs already present): pages are never allocated here but on first touch
 * in fault.c.  Argument checks follow Linux's mm/mmap.c order so that each
 * bad call gets the errno Linux gives.
 */
#include <tine/mm.h>
#include <tine/tlb.h>
#include <tine/mman.h>
#include <tine/page.h>
#include <tine/errno.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/task.h>
#include <tine/syscalls.h>
#include <tine/cpu.h>

#define TASK_SIZE USER_TOP

static u64 prot_to_vm(u64 prot)
{
	u64 f = 0;
	if (prot & PROT_READ)
		f |= VM_READ;
	if (prot & PROT_WRITE)
		f |= VM_WRITE | VM_READ;	/* x86 cannot write without read */
	if (prot & PROT_EXEC)
		f |= VM_EXEC;
	return f;
}

static bool range_is_free(struct mm_struct *mm, u64 addr, u64 len)
{
	struct vm_area_struct *v = vma_find(&mm->mmap, addr);

	if (addr + len < addr)
		return false;		/* wraps past 2^64: never free */
	return !v || v->vm_start >= addr + len;
}

/* Pick where a new mapping goes: the hint if it is free, else top-down. */
static u64 get_unmapped_area(struct mm_struct *mm, u64 hint, u64 len)
{
	if (hint) {
		hint = ALIGN_UP(hint, PAGE_SIZE);
		if (hint >= 0x10000 && hint < mm->mmap_base &&
		    len <= mm->mmap_base - hint && range_is_free(mm, hint, len))
			return hint;
	}
	return vma_find_gap(&mm->mmap, len, 0x10000, mm->mmap_base);
}

long do_mmap(struct mm_struct *mm, u64 addr, u64 len, u64 vm_flags,
	     bool fixed, struct file *file, u64 pgoff, const char *name)
{
	if (fixed) {
		int err = do_munmap(mm, addr, len);
		if (err)
			return err;
	} else {
		addr = get_unmapped_area(mm, addr, len);
		if (!addr)
			return -ENOMEM;
	}
	struct vm_area_struct *vma = vma_alloc(mm, addr, addr + len, vm_flags);
	if (!vma)
		return -ENOMEM;
	if (file)
		vma->vm_file = get_file(file);
	vma->vm_pgoff = pgoff;
	vma->vm_name = name;
	int err = mm_insert_vma(mm, vma);
	if (err) {
		vma_free(vma);
		return err;
	}
	return addr;
}

static void populate(struct mm_struct *mm, u64 start, u64 end, bool write)
{
	int code;
	for (u64 a = start; a < end; a += PAGE_SIZE)
		if (handle_mm_fault(mm, a, write, false, &code))
			break;
}

/* The file behind fd (referenced), checked for mapping with prot and flags. */
static long mmap_file(int fd, u64 prot, u64 flags, struct file **out)
{
	struct file *f = fget(fd);
	if (!f)
		return -EBADF;
	long err = 0;
	u32 acc = f->f_flags & O_ACCMODE;
	if (!S_ISREG(f->f_inode->i_mode))
		err = -ENODEV;
	else if (acc == O_WRONLY)
		err = -EACCES;
	else if ((flags & MAP_TYPE) != MAP_PRIVATE && (prot & PROT_WRITE) &&
		 acc != O_RDWR)
		err = -EACCES;
	if (err)
		fput(f);
	else
		*out = f;
	return err;
}

long sys_mmap(u64 addr, u64 len, u64 prot, u64 flags, u64 fd, u64 off)
{
	struct mm_struct *mm = current->mm;
	struct file *file = NULL;
	u64 type = flags & MAP_TYPE;

	if (off & (PAGE_SIZE - 1))
		return -EINVAL;
	if (len == 0)
		return -EINVAL;
	if (prot & ~(u64)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len == 0 || len > TASK_SIZE)
		return -ENOMEM;
	if (type != MAP_SHARED && type != MAP_PRIVATE && type != MAP_SHARED_VALIDATE)
		return -EINVAL;
	bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	if (fixed && (addr & (PAGE_SIZE - 1)))
		return -EINVAL;
	if (fixed && (addr > TASK_SIZE - len))
		return -ENOMEM;
	if ((flags & MAP_FIXED_NOREPLACE) && !range_is_free(mm, addr, len))
		return -EEXIST;
	if (!(flags & MAP_ANONYMOUS)) {
		long err = mmap_file((int)fd, prot, flags, &file);
		if (err)
			return err;
	}
	u64 vm_flags = prot_to_vm(prot);
	if (type != MAP_PRIVATE)
		vm_flags |= VM_SHARED;
	if (flags & MAP_GROWSDOWN)
		vm_flags |= VM_GROWSDOWN;
	if (!file && (vm_flags & VM_SHARED)) {
		/* Shared anonymous memory needs an object both sides of a fork
		 * can find its pages in: a nameless RAM file, as Linux's shmem. */
		file = shmem_new_file(len);
		if (!file)
			return -ENOMEM;
		off = 0;
	}
	long r = do_mmap(mm, addr, len, vm_flags, fixed, file, off >> PAGE_SHIFT, NULL);
	if (file)
		fput(file);		/* the VMA holds its own reference now */
	if (r >= 0 && (flags & MAP_POPULATE))
		populate(mm, r, r + len, prot & PROT_WRITE);
	return r;
}

long sys_munmap(u64 addr, u64 len)
{
	if ((addr & (PAGE_SIZE - 1)) || len == 0)
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (addr > TASK_SIZE || len > TASK_SIZE - addr)
		return -EINVAL;
	return do_munmap(current->mm, addr, len);
}

/* Two neighbours that could be one VMA: same flags, same contiguous backing. */
static bool vma_mergeable(const struct vm_area_struct *a,
			  const struct vm_area_struct *b)
{
	if (a->vm_end != b->vm_start || a->vm_flags != b->vm_flags ||
	    a->vm_file != b->vm_file || a->vm_name != b->vm_name)
		return false;
	return !a->vm_file ||
	       a->vm_pgoff + ((a->vm_end - a->vm_start) >> PAGE_SHIFT) == b->vm_pgoff;
}

/* Merge the VMA containing addr with the one after it, if they fit. */
static void vma_try_merge(struct mm_struct *mm, u64 addr)
{
	int i = vma_find_index(&mm->mmap, addr);
	if (i < 0 || i + 1 >= vma_count(&mm->mmap))
		return;
	struct vm_area_struct *a = vma_at(&mm->mmap, i), *b = vma_at(&mm->mmap, i + 1);
	if (a->vm_start > addr || !vma_mergeable(a, b))
		return;
	vma_tree_remove(&mm->mmap, b);
	a->vm_end = b->vm_end;
	vma_free(b);
}

struct prot_change {
	u64 vm_flags;
};

static void protect_pte(pte_t *pte, u64 va, void *arg)
{
	struct prot_change *p = arg;

	if (!(p->vm_flags & VM_WRITE))
		*pte &= ~PTE_W;		/* write access returns via the fault path */
	if (p->vm_flags & VM_EXEC)
		*pte &= ~PTE_NX;
	else
		*pte |= PTE_NX;
	if (!(p->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)))
		*pte &= ~PTE_U;		/* PROT_NONE: keep the page, forbid access */
	else
		*pte |= PTE_U;
	invlpg(va);
}

long sys_mprotect(u64 addr, u64 len, u64 prot)
{
	struct mm_struct *mm = current->mm;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	if (prot & ~(u64)(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_GROWSDOWN | PROT_GROWSUP))
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (len == 0)
		return 0;
	u64 end = addr + len;
	if (end < addr)
		return -ENOMEM;
	/* The whole range must be mapped, without holes. */
	for (u64 a = addr; a < end;) {
		struct vm_area_struct *v = vma_find(&mm->mmap, a);
		if (!v || v->vm_start > a)
			return -ENOMEM;
		a = v->vm_end;
	}
	int err = vma_split_range(mm, addr, end);
	if (err)
		return err;
	u64 newflags = prot_to_vm(prot);
	for (u64 a = addr; a < end;) {
		struct vm_area_struct *v = vma_find(&mm->mmap, a);
		v->vm_flags = (v->vm_flags & ~(u64)(VM_READ | VM_WRITE | VM_EXEC)) | newflags;
		struct prot_change pc = { v->vm_flags };
		if (pte_range_modify(mm->pgd, v->vm_start, v->vm_end, protect_pte, &pc))
			return -ENOMEM;
		a = v->vm_end;
	}
	flush_tlb_others(mm);		/* protect_pte flushed only this CPU */
	vma_try_merge(mm, end - 1);
	if (addr >= PAGE_SIZE)
		vma_try_merge(mm, addr - 1);
	return 0;
}

struct pte_move {
	struct mm_struct *mm;
	u64 delta;
	int err;
};

/* mremap moves pages by moving their PTEs: no page is copied. */
static void move_pte(pte_t *pte, u64 va, void *arg)
{
	struct pte_move *m = arg;
	pte_t *dst = pte_lookup(m->mm->pgd, va + m->delta, true);
	if (!dst) {
		m->err = -ENOMEM;
		return;
	}
	*dst = *pte;
	*pte = 0;
	invlpg(va);
}

static long mremap_move(struct mm_struct *mm, struct vm_area_struct *vma,
			u64 old, u64 old_len, u64 new_len)
{
	u64 to = get_unmapped_area(mm, 0, new_len);
	if (!to)
		return -ENOMEM;
	struct vm_area_struct *n = vma_alloc(mm, to, to + new_len, vma->vm_flags);
	if (!n)
		return -ENOMEM;
	n->vm_file = vma->vm_file ? get_file(vma->vm_file) : NULL;
	n->vm_pgoff = vma->vm_pgoff + ((old - vma->vm_start) >> PAGE_SHIFT);
	n->vm_name = vma->vm_name;
	struct pte_move m = { mm, to - old, 0 };
	if (pte_range_modify(mm->pgd, old, old + old_len, move_pte, &m))
		m.err = -ENOMEM;
	flush_tlb_others(mm);		/* move_pte flushed only this CPU */
	if (m.err || mm_insert_vma(mm, n)) {
		vma_free(n);
		return -ENOMEM;
	}
	/* The old PTEs are empty now: unmapping only edits the VMAs. */
	do_munmap(mm, old, old_len);
	return to;
}

long sys_mremap(u64 old, u64 old_len, u64 new_len, u64 flags, u64 new_addr)
{
	struct mm_struct *mm = current->mm;
	(void)new_addr;

	if (old & (PAGE_SIZE - 1))
		return -EINVAL;
	if (flags & ~(u64)(MREMAP_MAYMOVE | MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;
	if ((flags & MREMAP_FIXED) && !(flags & MREMAP_MAYMOVE))
		return -EINVAL;
	if (flags & (MREMAP_FIXED | MREMAP_DONTUNMAP))
		return -EINVAL;		/* not supported by Tine yet */
	old_len = ALIGN_UP(old_len, PAGE_SIZE);
	new_len = ALIGN_UP(new_len, PAGE_SIZE);
	if (new_len == 0)
		return -EINVAL;
	struct vm_area_struct *vma = vma_find(&mm->mmap, old);
	if (!vma || vma->vm_start > old)
		return -EFAULT;
	if (new_len <= old_len) {	/* a shrink is an munmap of the tail */
		u64 tail = old + new_len, n = old_len - new_len;
		if (tail > TASK_SIZE || n > TASK_SIZE - tail)
			return -EINVAL;
		if (n)
			do_munmap(mm, tail, n);
		return old;
	}
	if (old_len > vma->vm_end - old)
		return -EFAULT;		/* Linux's vma_to_resize() */
	/* Grow in place if the VMA ends where the range does and room follows
	 * (new_len may be anything: old + new_len must not wrap). */
	if (old + old_len == vma->vm_end && new_len <= TASK_SIZE - old &&
	    range_is_free(mm, vma->vm_end, new_len - old_len) &&
	    old + new_len <= mm->mmap_base + MMAP_GAP) {
		mm->total_vm += (new_len - old_len) >> PAGE_SHIFT;
		vma->vm_end = old + new_len;
		return old;
	}
	if (!(flags & MREMAP_MAYMOVE))
		return -ENOMEM;
	return mremap_move(mm, vma, old, old_len, new_len);
}

/* The VMA ending at top, if it is an ordinary read-write part of [heap]
 * that the break may stretch (mprotect may have split the heap). */
static struct vm_area_struct *heap_vma_ending_at(struct mm_struct *mm, u64 top)
{
	if (top <= mm->start_brk)
		return NULL;
	struct vm_area_struct *v = vma_find(&mm->mmap, top - PAGE_SIZE);
	if (v && v->vm_end == top && v->vm_name && v->vm_name[1] == 'h' &&
	    (v->vm_flags & (VM_READ | VM_WRITE | VM_EXEC)) == (VM_READ | VM_WRITE))
		return v;
	return NULL;
}

/*
 * brk: Linux returns the current break on any failure, and the new one on
 * success; the heap VMA [heap] spans [start_brk, PAGE_ALIGN(brk)).  Growth
 * only ever adds [old top, new top), which must be free: the program may
 * have split, unmapped or replaced parts of the heap below it.
 */
long sys_brk(u64 addr)
{
	struct mm_struct *mm = current->mm;

	if (addr < mm->start_brk || addr > TASK_SIZE - PAGE_SIZE)
		return mm->brk;
	u64 newtop = ALIGN_UP(addr, PAGE_SIZE), oldtop = ALIGN_UP(mm->brk, PAGE_SIZE);
	if (newtop < oldtop) {
		do_munmap(mm, newtop, oldtop - newtop);
	} else if (newtop > oldtop) {
		struct vm_area_struct *next = vma_find(&mm->mmap, oldtop);
		if (next && next->vm_start < newtop)
			return mm->brk;		/* would run into a mapping */
		struct vm_area_struct *heap = heap_vma_ending_at(mm, oldtop);
		if (heap) {
			mm->total_vm += (newtop - heap->vm_end) >> PAGE_SHIFT;
			heap->vm_end = newtop;
		} else if (do_mmap(mm, oldtop, newtop - oldtop,
				   VM_READ | VM_WRITE, true, NULL, 0, "[heap]") < 0) {
			return mm->brk;
		}
	}
	mm->brk = addr;
	return mm->brk;
}

/* Walk the VMAs in [start, end), dropping their pages if zap (MADV_DONTNEED);
 * a hole makes it ENOMEM, after the mapped parts are done (as Linux). */
static long madvise_range(struct mm_struct *mm, u64 start, u64 end, bool zap)
{
	long err = 0;

	for (u64 a = start; a < end;) {
		struct vm_area_struct *v = vma_find(&mm->mmap, a);
		if (!v || v->vm_start >= end)
			return -ENOMEM;
		if (v->vm_start > a)
			err = -ENOMEM;
		u64 to = MIN(v->vm_end, end);
		if (zap)
			zap_range(mm, MAX(a, v->vm_start), to);
		a = to;
	}
	return err;
}

/*
 * Linux's do_madvise(): "len = PAGE_ALIGN(len_in); if (len_in && !len)
 * return -EINVAL; end = start + len; if (end < start) return -EINVAL;
 * if (end == start) return 0;" -- the advice is checked before all that.
 */
long sys_madvise(u64 addr, u64 len_in, int advice)
{
	switch (advice) {
	case MADV_DONTNEED:
	case MADV_FREE:
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
		break;
	default:
		return -EINVAL;
	}
	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	u64 len = ALIGN_UP(len_in, PAGE_SIZE);
	if (len_in && !len)
		return -EINVAL;
	u64 end = addr + len;
	if (end < addr)
		return -EINVAL;
	if (end == addr)
		return 0;
	return madvise_range(current->mm, addr, end,
			     advice == MADV_DONTNEED || advice == MADV_FREE);
}

/* mincore: one byte per page, 1 if the page is resident (present now). */
long sys_mincore(u64 addr, u64 len, u8 __user *vec)
{
	struct mm_struct *mm = current->mm;

	if (addr & (PAGE_SIZE - 1))
		return -EINVAL;
	u64 end = addr + ALIGN_UP(len, PAGE_SIZE);
	if (end < addr || end > TASK_SIZE)
		return -ENOMEM;
	for (u64 a = addr; a < end; a += PAGE_SIZE) {
		struct vm_area_struct *v = vma_find(&mm->mmap, a);
		if (!v || v->vm_start > a)
			return -ENOMEM;
		pte_t *pte = pte_lookup(mm->pgd, a, false);
		u8 in = pte && (*pte & PTE_P);
		if (copy_to_user(vec + ((a - addr) >> PAGE_SHIFT), &in, 1))
			return -EFAULT;
	}
	return 0;
}
