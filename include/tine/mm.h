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

/* vm_flags: the low four bits match PROT_* shifted as Linux's VM_* do. */
#define VM_READ		0x0001
#define VM_WRITE	0x0002
#define VM_EXEC		0x0004
#define VM_SHARED	0x0008
#define VM_GROWSDOWN	0x0100

struct inode;

struct vm_area_struct {
	u64 vm_start;			/* first byte */
	u64 vm_end;			/* one past the last byte */
	u64 vm_flags;			/* VM_READ | VM_WRITE | ... */
	struct mm_struct *vm_mm;	/* the address space it belongs to */
	struct inode *vm_file;		/* backing file, NULL if anonymous */
	u64 vm_pgoff;			/* offset into vm_file, in pages */
	u64 file_size;			/* bytes of the file mapped (rest is zero) */
	const char *vm_name;		/* "[heap]", "[stack]" or NULL */
};

#endif
