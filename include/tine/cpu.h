/*
 * The per-CPU area and the x86-64 CPU helpers (MSRs, control registers, port
 * I/O).  GS base points at struct cpu while in the kernel; the entry code
 * reads fixed offsets from it, so the first four fields must stay in order.
 */
#ifndef TINE_CPU_H
#define TINE_CPU_H

#include <tine/types.h>
#include <tine/list.h>

struct task_struct;
struct spinlock;

struct tss {
	u32 reserved0;
	u64 rsp0, rsp1, rsp2;
	u64 reserved1;
	u64 ist[7];
	u64 reserved2;
	u16 reserved3;
	u16 iomap_base;
} __attribute__((packed));

#define MAX_CPUS 8

struct cpu {
	struct cpu *self;		/* %gs:0 */
	struct task_struct *current_task;	/* %gs:8 */
	u64 kernel_rsp;			/* %gs:16, top of current's kernel stack */
	u64 user_rsp;			/* %gs:24, scratch for the syscall entry */
	int id;				/* 0..nr_cpus-1, the index in cpus[] */
	u32 apic_id;			/* the local APIC's id, for IPIs */
	struct task_struct *idle;
	struct task_struct *last_task;	/* the task switched away from */
	struct pt_regs *irq_regs;	/* registers of the interrupted context */
	u64 *loaded_pgd;		/* the page tables CR3 holds (tlb.c) */

	/* This CPU's run queue (kernel/proc/sched.c), under rq_lock */
	struct list_head runqueue;	/* TASK_RUNNING tasks, current included */
	int nr_running;

	u64 gdt[10];
	struct tss tss;
	u64 irq_count, ctxt_switches;
	u64 user_ns, system_ns, idle_ns;	/* time by kind, charged at each tick */
	u64 last_tick_ns;
#ifdef TINE_DEBUG
	struct spinlock *held_locks[8];	/* kernel/lib/lockdep.c */
	int nr_held_locks;
#endif
};

extern struct cpu cpu0;			/* the boot CPU */
extern struct cpu *cpus[MAX_CPUS];	/* every CPU brought up, by id */
extern int nr_cpus;

/* This CPU's area: GS base holds it while in the kernel, at offset 0. */
static inline struct cpu *this_cpu(void)
{
	struct cpu *c;
	__asm__ volatile("movq %%gs:0, %0" : "=r"(c));
	return c;
}

static inline int smp_processor_id(void)
{
	return this_cpu()->id;
}

#define MSR_EFER		0xc0000080
#define MSR_STAR		0xc0000081
#define MSR_LSTAR		0xc0000082
#define MSR_FMASK		0xc0000084
#define MSR_FS_BASE		0xc0000100
#define MSR_GS_BASE		0xc0000101
#define MSR_KERNEL_GS_BASE	0xc0000102

static inline u64 rdmsr(u32 msr)
{
	u32 lo, hi;
	__asm__ volatile("rdmsr" : "=a"(lo), "=d"(hi) : "c"(msr));
	return ((u64)hi << 32) | lo;
}

static inline void wrmsr(u32 msr, u64 v)
{
	__asm__ volatile("wrmsr" : : "c"(msr), "a"((u32)v), "d"((u32)(v >> 32)));
}

static inline void outb(u16 port, u8 v)
{
	__asm__ volatile("outb %0, %1" : : "a"(v), "Nd"(port));
}

static inline u8 inb(u16 port)
{
	u8 v;
	__asm__ volatile("inb %1, %0" : "=a"(v) : "Nd"(port));
	return v;
}

static inline void outw(u16 port, u16 v)
{
	__asm__ volatile("outw %0, %1" : : "a"(v), "Nd"(port));
}

static inline u64 read_cr2(void)
{
	u64 v;
	__asm__ volatile("mov %%cr2, %0" : "=r"(v));
	return v;
}

static inline u64 read_cr3(void)
{
	u64 v;
	__asm__ volatile("mov %%cr3, %0" : "=r"(v));
	return v;
}

static inline void write_cr3(u64 v)
{
	__asm__ volatile("mov %0, %%cr3" : : "r"(v) : "memory");
}

static inline u64 rdtsc(void)
{
	u32 lo, hi;
	__asm__ volatile("rdtsc" : "=a"(lo), "=d"(hi));
	return ((u64)hi << 32) | lo;
}

static inline void invlpg(u64 addr)
{
	__asm__ volatile("invlpg (%0)" : : "r"(addr) : "memory");
}

static inline void cpu_relax_halt(void)
{
	__asm__ volatile("sti; hlt; cli" : : : "memory");
}

void cpu_init(struct cpu *c, int id);	/* GDT, TSS, IDT, MSRs, features */
void fpu_init_state(void *area);	/* a clean fxsave image for exec */
extern bool cpu_has_smap;

/* Entry points in entry.S */
void syscall_entry(void);
void switch_to_asm(u64 *prev_rsp, u64 next_rsp);
void ret_from_fork(void);
void kthread_start(void);
void ret_to_user(struct pt_regs *regs) __attribute__((noreturn));

#endif
