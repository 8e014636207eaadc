/*
 * CPU set-up: the GDT (with Linux's selector values, so user CS/SS read the
 * same as on Linux), the TSS that gives the CPU a kernel stack for interrupts
 * from user mode, the IDT, the SYSCALL MSRs, the per-CPU area behind GS, and
 * the optional protections (SMEP, SMAP) the CPU model offers.  Every CPU
 * runs cpu_init() on itself; each has its own GDT and TSS, all share the IDT.
 */
#include <tine/cpu.h>
#include <tine/ptrace.h>
#include <tine/string.h>
#include <tine/printk.h>
#include <tine/apic.h>

struct cpu cpu0;
struct cpu *cpus[MAX_CPUS] = { &cpu0 };
int nr_cpus = 1;
bool cpu_has_smap;

/*
 * The double fault runs on a stack of its own (IST 1, one per CPU), so that
 * a kernel stack overflow into a guard page is reported instead of
 * escalating to a triple fault (see kernel/mm/kstack.c).
 */
static u8 double_fault_stack[MAX_CPUS][8192] __attribute__((aligned(16)));

struct idt_entry {
	u16 off_lo, sel;
	u8 ist, type;
	u16 off_mid;
	u32 off_hi, zero;
} __attribute__((packed));

static struct idt_entry idt[256];
extern const u64 trap_stubs[];

struct desc_ptr {
	u16 limit;
	u64 base;
} __attribute__((packed));

static void set_gate(int vec, u64 addr, int dpl)
{
	struct idt_entry *e = &idt[vec];

	e->off_lo = addr & 0xffff;
	e->sel = KERNEL_CS;
	e->ist = 0;
	e->type = 0x8e | (dpl << 5);	/* present, 64-bit interrupt gate */
	e->off_mid = (addr >> 16) & 0xffff;
	e->off_hi = addr >> 32;
	e->zero = 0;
}

/* The APIC vectors, in trap_stubs after the first 48 (entry.S). */
static const u8 apic_vectors[] = {
	TIMER_VECTOR, STOP_VECTOR, RESCHEDULE_VECTOR, TLB_FLUSH_VECTOR, SPURIOUS_VECTOR,
};

/* One IDT, shared by every CPU. */
static void idt_init(void)
{
	for (int v = 0; v < 48; v++)
		set_gate(v, trap_stubs[v], 0);
	set_gate(3, trap_stubs[3], 3);	/* int3 from user space is a SIGTRAP */
	for (size_t i = 0; i < sizeof(apic_vectors); i++)
		set_gate(apic_vectors[i], trap_stubs[48 + i], 0);
	idt[8].ist = 1;			/* double fault: on its own stack */
}

static void idt_load(void)
{
	struct desc_ptr p = { sizeof(idt) - 1, (u64)idt };
	__asm__ volatile("lidt %0" : : "m"(p));
}

/* Layout as Linux's GDT_ENTRY_* so that selectors match: see ptrace.h. */
static void gdt_init(struct cpu *c)
{
	u64 tss = (u64)&c->tss;

	c->gdt[0] = 0;
	c->gdt[1] = 0x00cf9a000000ffff;	/* 0x08 kernel 32-bit code (unused) */
	c->gdt[2] = 0x00af9a000000ffff;	/* 0x10 kernel code */
	c->gdt[3] = 0x00cf92000000ffff;	/* 0x18 kernel data */
	c->gdt[4] = 0x00cffa000000ffff;	/* 0x23 user 32-bit code */
	c->gdt[5] = 0x00cff2000000ffff;	/* 0x2b user data */
	c->gdt[6] = 0x00affa000000ffff;	/* 0x33 user code */
	c->gdt[7] = 0;
	c->gdt[8] = (sizeof(struct tss) - 1) | ((tss & 0xffffff) << 16) |
		    (0x89ULL << 40) | (((tss >> 24) & 0xff) << 56);
	c->gdt[9] = tss >> 32;
	c->tss.iomap_base = sizeof(struct tss);	/* no I/O bitmap */
	c->tss.ist[0] = (u64)double_fault_stack[c->id] + sizeof(double_fault_stack[0]);

	struct desc_ptr p = { sizeof(c->gdt) - 1, (u64)c->gdt };
	__asm__ volatile("lgdt %0" : : "m"(p));
	/* Reload CS through a far return, then the data segments. */
	__asm__ volatile("pushq %0; leaq 1f(%%rip), %%rax; pushq %%rax; lretq; 1:"
			 : : "i"(KERNEL_CS) : "rax", "memory");
	__asm__ volatile("mov %0, %%ds; mov %0, %%es; mov %0, %%ss"
			 : : "r"(KERNEL_DS));
	__asm__ volatile("ltr %w0" : : "r"(TSS_SEL));
}

static void syscall_msr_init(void)
{
	/* SYSCALL loads CS=0x10, SS=0x18; SYSRET loads CS=0x23+16, SS=0x23+8. */
	wrmsr(MSR_STAR, ((u64)USER32_CS << 48) | ((u64)KERNEL_CS << 32));
	wrmsr(MSR_LSTAR, (u64)syscall_entry);
	/* Clear IF, TF, DF, AC and IOPL on entry. */
	wrmsr(MSR_FMASK, 0x47700);
}

static void cpuid(u32 leaf, u32 sub, u32 r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(sub));
}

/* SSE for user space (musl needs it), and SMEP/SMAP when the CPU has them. */
static void features_init(void)
{
	u64 cr0, cr4;
	u32 r[4];

	__asm__ volatile("mov %%cr0, %0" : "=r"(cr0));
	cr0 &= ~(1ULL << 2);		/* EM: no x87 emulation */
	cr0 |= (1ULL << 1) | (1ULL << 5);	/* MP, NE */
	__asm__ volatile("mov %0, %%cr0" : : "r"(cr0));

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	cr4 |= (1ULL << 9) | (1ULL << 10);	/* OSFXSR, OSXMMEXCPT */
	cpuid(7, 0, r);
	if (r[1] & (1u << 7))
		cr4 |= 1ULL << 20;		/* SMEP */
	if (r[1] & (1u << 20)) {
		cr4 |= 1ULL << 21;		/* SMAP */
		cpu_has_smap = true;
	}
	__asm__ volatile("mov %0, %%cr4" : : "r"(cr4));
	__asm__ volatile("fninit");
}

/* Say in the boot log which protections CR4 really took. */
static void log_protections(void)
{
	u64 cr4;

	__asm__ volatile("mov %%cr4, %0" : "=r"(cr4));
	pr_info("cpu: CR4 %#llx: SMEP %s, SMAP %s\n", (unsigned long long)cr4,
		cr4 & (1ULL << 20) ? "on" : "off", cr4 & (1ULL << 21) ? "on" : "off");
}

/* Capture a freshly initialised FPU/SSE state: what exec gives a program. */
void fpu_init_state(void *area)
{
	u32 mxcsr = 0x1f80;

	__asm__ volatile("fninit; ldmxcsr %0; fxsave (%1)"
			 : : "m"(mxcsr), "r"(area) : "memory");
}

/* Set up CPU id, whose per-CPU area is c: the boot CPU first, then each
 * other CPU on itself as it starts (smp.c). */
void cpu_init(struct cpu *c, int id)
{
	c->self = c;
	c->id = id;
	list_init(&c->runqueue);
	gdt_init(c);
	if (id == 0)
		idt_init();
	idt_load();
	wrmsr(MSR_GS_BASE, (u64)c);
	wrmsr(MSR_KERNEL_GS_BASE, 0);
	syscall_msr_init();
	features_init();
	if (id == 0)
		log_protections();
}
