/*
 * The address-space objects: mm_struct (one per process, shared by threads)
 * and vm_area_struct (one contiguous range of virtual memory with one set of
 * permissions and one backing).  Names and meanings follow Linux so that
 * /proc/PID/maps on Tine reads like it does on Linux.
 */
#ifndef TINE_MM_H
#define TINE_MM_H

#include <tine/types.h>
#include <tine/list.h>
#include <tine/vma_tree.h>
#include <tine/paging.h>
#include <tine/spinlock.h>

/* vm_flags: the low four bits match PROT_* shifted as Linux's VM_* do. */
#define VM_READ		0x0001
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_SHARED	0x0008
#define VM_GROWSDOWN	0x0100

struct file;

struct vm_area_struct {
	u64 vm_start;			/* first byte */
	u64 vm_end;			/* one past the last byte */
	u64 vm_flags;			/* VM_READ | VM_WRITE | ... */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	struct file *vm_file;		/* backing file (a reference), NULL if anonymous */
	u64 vm_pgoff;			/* offset into vm_file, in pages */
	const char *vm_name;		/* "[heap]", "[stack]" or NULL */
};


/*
 * One address space.  mm_users counts the tasks running in it (threads, and
 * a vfork child borrowing it).  The VMAs live in an ordered tree; the page
 * tables below pgd hold what has actually been touched.
 */
struct mm_struct {
	u32 mm_users;
	spinlock_t page_table_lock;	/* guards the page tables and counters */
	pte_t *pgd;
	struct vma_tree mmap;		/* the VMAs, ordered by address */
	u64 start_code, end_code, start_data, end_data;
	u64 start_brk, brk;		/* the heap is [start_brk, brk) */
	u64 start_stack;
	u64 arg_start, arg_end, env_start, env_end;
	u64 mmap_base;			/* top-down mmap allocations start here */
	u64 total_vm;			/* pages mapped by VMAs */
	u64 rss_anon, rss_file;		/* resident pages, by kind */
	u64 hiwater_rss, hiwater_vm;	/* peaks, for VmHWM and VmPeak */
	struct file *exe_file;		/* the program, for /proc/PID/exe */
	u64 saved_auxv[40];		/* for /proc/PID/auxv */
};

#define STACK_TOP	0x00007ffffffff000ULL
#define STACK_INITIAL	(128 * 1024)	/* the stack VMA made by exec */
#define STACK_GUARD_GAP	(256 * 4096ULL)	/* Linux's stack_guard_gap */
#define MMAP_GAP	(128ULL << 20)	/* room for the stack to grow */
#define ELF_ET_DYN_BASE	0x555555554000ULL

struct mm_struct *mm_alloc(void);
struct mm_struct *dup_mm(struct mm_struct *old);	/* fork: copy-on-write */
void mmput(struct mm_struct *mm);			/* drop a user */
void mmget(struct mm_struct *mm);
u64 mm_pgtable_pages(struct mm_struct *mm);	/* for VmPTE */

struct vm_area_struct *vma_alloc(struct mm_struct *mm, u64 start, u64 end,
				 u64 flags);
void vma_free(struct vm_area_struct *vma);
int mm_insert_vma(struct mm_struct *mm, struct vm_area_struct *vma);
/* Remove [start, end) from the address space, splitting VMAs at its edges. */
int do_munmap(struct mm_struct *mm, u64 start, u64 len);
int zap_range(struct mm_struct *mm, u64 start, u64 end);
int vma_split_range(struct mm_struct *mm, u64 start, u64 end);
/* A nameless RAM file backing MAP_SHARED|MAP_ANONYMOUS memory (shmem.c). */
struct file *shmem_new_file(u64 size);

/* mmap's core, used by exec too; returns the address or -errno. */
long do_mmap(struct mm_struct *mm, u64 addr, u64 len, u64 vm_flags,
	     bool fixed, struct file *file, u64 pgoff, const char *name);

/* Fault in [addr] for the kernel (user copies) or the user; 0 or -EFAULT. */
int handle_mm_fault(struct mm_struct *mm, u64 addr, bool write, bool exec,
		    int *si_code);

/* /proc/PID/maps line for one VMA into buf; returns its length. */
int format_maps_line(char *buf, size_t n, const struct vm_area_struct *vma,
		     const struct mm_struct *mm);

#endif
