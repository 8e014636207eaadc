/*
 * The first instructions of Tine.  QEMU's PVH loader (found through the
 * XEN_ELFNOTE_PHYS32_ENTRY note below) jumps to pvh_start32 in 32-bit
 * protected mode with paging off and %ebx pointing at the hvm_start_info
 * block (command line, initrd, memory map).  We build just enough paging to
 * enter long mode: an identity map of the low 4 GiB (needed only for the
 * instruction that enables paging), the direct map of physical memory at
 * 0xffff800000000000 and the kernel image at 0xffffffff80000000, all with
 * 2 MiB pages; then we jump to the higher half and call kmain().
 */
#define KERNEL_VMA 0xffffffff80000000
#define PTE_P 0x1
#define PTE_W 0x2
#define PTE_PS 0x80

	.section .note.pvh, "a"
	.align 4
	.long 4			/* name size: "Xen\0" */
	.long 4			/* descriptor size */
	.long 18		/* XEN_ELFNOTE_PHYS32_ENTRY */
	.asciz "Xen"
	.long pvh_start32

	.section .boot.text, "ax"
	.code32
	.globl pvh_start32
pvh_start32:
	cli
	cld
	mov %ebx, %esi			/* keep hvm_start_info's address */

	mov %cr4, %eax
	or $0x20, %eax			/* CR4.PAE */
	mov %eax, %cr4

	mov $boot_pml4, %eax
	mov %eax, %cr3

	mov $0xC0000080, %ecx		/* EFER */
	rdmsr
	or $0x901, %eax			/* SCE | LME | NXE */
	wrmsr

	mov %cr0, %eax
	or $0x80010001, %eax		/* PG | WP | PE */
	mov %eax, %cr0

	lgdt boot_gdt_ptr
	ljmp $0x10, $long_mode_low

	.code64
long_mode_low:
	movabs $long_mode_high, %rax
	jmp *%rax

	.section .boot.data, "aw"
	.align 4096
	.globl boot_pml4
boot_pml4:
	.quad boot_pdpt_low + (PTE_P | PTE_W)		/* 0: identity, boot only */
	.fill 255, 8, 0
	.quad boot_pdpt_low + (PTE_P | PTE_W)		/* 256: direct map */
	.fill 254, 8, 0
	.quad boot_pdpt_high + (PTE_P | PTE_W)		/* 511: kernel image */

	.align 4096
boot_pdpt_low:
	.quad boot_pd + (PTE_P | PTE_W)
	.quad boot_pd + 0x1000 + (PTE_P | PTE_W)
	.quad boot_pd + 0x2000 + (PTE_P | PTE_W)
	.quad boot_pd + 0x3000 + (PTE_P | PTE_W)
	.fill 508, 8, 0

	.align 4096
boot_pdpt_high:
	.fill 510, 8, 0
	.quad boot_pd + (PTE_P | PTE_W)			/* -2 GiB: first GiB */
	.quad 0

	.align 4096
	.globl boot_pd
boot_pd:					/* 4 GiB of 2 MiB pages */
	.set addr, 0
	.rept 2048
	.quad addr + (PTE_P | PTE_W | PTE_PS)
	.set addr, addr + 0x200000
	.endr

	.align 16
boot_gdt:
	.quad 0
	.quad 0
	.quad 0x00af9a000000ffff	/* 0x10: 64-bit kernel code */
	.quad 0x00cf92000000ffff	/* 0x18: kernel data */
boot_gdt_end:
boot_gdt_ptr:
	.word boot_gdt_end - boot_gdt - 1
	.long boot_gdt

	.text
long_mode_high:
	mov $0x18, %eax
	mov %eax, %ds
	mov %eax, %es
	mov %eax, %ss
	xor %eax, %eax
	mov %eax, %fs
	mov %eax, %gs
	movabs $boot_stack_top, %rsp

	/* Zero .bss: QEMU zeroes it too, but do not depend on the loader. */
	movabs $__bss_start, %rdi
	movabs $__bss_end, %rcx
	sub %rdi, %rcx
	shr $3, %rcx
	xor %eax, %eax
	rep stosq

	mov %esi, %edi			/* kmain(hvm_start_info physical) */
	xor %ebp, %ebp
	call kmain
1:	hlt
	jmp 1b

	.bss
	.align 16
	.globl boot_stack
boot_stack:
	.skip 16384
	.globl boot_stack_top
boot_stack_top:
	.section .note.GNU-stack, "", @progbits
