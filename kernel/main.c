/*
 * The boot sequence, from kmain() (called by boot.S in long mode with the
 * PVH start-of-day block) to PID 1 running /init in ring 3.  Each step
 * brings up one subsystem; docs/boot.md walks through them.
 */
#include <tine/types.h>
#include <tine/cpu.h>
#include <tine/serial.h>
#include <tine/printk.h>
#include <tine/panic.h>
#include <tine/page.h>
#include <tine/paging.h>
#include <tine/cmdline.h>
#include <tine/string.h>
#include <tine/irq.h>
#include <tine/time.h>
#include <tine/task.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/mm.h>
#include <tine/errno.h>
#include <tine/slab.h>
#include <tine/trace.h>
#include <tine/smp.h>
#include <tine/kernel_lock.h>

/* The PVH boot ABI's start-of-day information (xen/arch-x86/hvm/start_info.h). */
struct hvm_start_info {
	u32 magic, version, flags, nr_modules;
	u64 modlist_paddr, cmdline_paddr, rsdp_paddr, memmap_paddr;
	u32 memmap_entries, reserved;
};
struct hvm_modlist_entry {
	u64 paddr, size, cmdline_paddr, reserved;
};
struct hvm_memmap_entry {
	u64 addr, size;
	u32 type, reserved;
};
#define HVM_START_MAGIC 0x336ec578
#define E820_RAM 1
#define DIRECT_MAP_LIMIT (4ULL << 30)	/* boot.S maps the low 4 GiB */

extern char _end[];
extern int panic_timeout;
void time_early_init(void);
void mm_caches_init(void);
void cpu_idle(void) __attribute__((noreturn));

static char cmdline_buf[1024];
static struct cmdline cmdline;
static u64 initrd_start, initrd_size, rsdp_paddr;
u64 boot_done_ns;			/* kernel entry to /init, for the log */

static u64 kernel_end_phys(void)
{
	return ALIGN_UP((u64)_end - KERNEL_VMA, PAGE_SIZE);
}

static void parse_start_info(const struct hvm_start_info *si)
{
	if (si->magic != HVM_START_MAGIC)
		panic("not booted through PVH (bad start_info magic %x)", si->magic);
	if (si->cmdline_paddr)
		strlcpy(cmdline_buf, phys_to_virt(si->cmdline_paddr), sizeof(cmdline_buf));
	if (si->version >= 1)
		rsdp_paddr = si->rsdp_paddr;
	if (si->nr_modules) {
		const struct hvm_modlist_entry *m = phys_to_virt(si->modlist_paddr);
		initrd_start = m->paddr;
		initrd_size = m->size;
	}
}

/*
 * Build the page allocator from the memory map: struct page for every frame
 * up to the top of RAM, placed just after the kernel image; then free every
 * RAM range except the first MiB, the kernel, that array and the initrd.
 */
static void memory_init(const struct hvm_start_info *si)
{
	const struct hvm_memmap_entry *map = phys_to_virt(si->memmap_paddr);
	u64 top = 0;

	for (u32 i = 0; i < si->memmap_entries; i++)
		if (map[i].type == E820_RAM && map[i].addr + map[i].size > top)
			top = map[i].addr + map[i].size;
	if (top > DIRECT_MAP_LIMIT) {
		pr_warn("memory above 4 GiB is not used\n");
		top = DIRECT_MAP_LIMIT;
	}
	u64 npages = top >> PAGE_SHIFT;
	u64 map_phys = kernel_end_phys();
	u64 map_end = ALIGN_UP(map_phys + npages * sizeof(struct page), PAGE_SIZE);
	if (initrd_size && map_end > initrd_start && map_phys < initrd_start + initrd_size)
		panic("no room for the page array below the initrd");
	page_alloc_init(phys_to_virt(map_phys), 0, npages);

	u64 rsv_lo = 0x100000, rsv_hi = map_end;
	u64 rd_lo = ALIGN_DOWN(initrd_start, PAGE_SIZE);
	u64 rd_hi = ALIGN_UP(initrd_start + initrd_size, PAGE_SIZE);
	for (u32 i = 0; i < si->memmap_entries; i++) {
		if (map[i].type != E820_RAM)
			continue;
		u64 lo = ALIGN_UP(map[i].addr, PAGE_SIZE);
		u64 hi = MIN(ALIGN_DOWN(map[i].addr + map[i].size, PAGE_SIZE), top);
		/* Cut out [0, map_end) and the initrd, freeing what is left. */
		u64 pieces[3][2] = { { lo, MIN(hi, rsv_lo) }, { MAX(lo, rsv_hi), hi }, { 0, 0 } };
		if (initrd_size && pieces[1][0] < rd_hi && pieces[1][1] > rd_lo) {
			pieces[2][0] = MAX(rd_hi, pieces[1][0]);
			pieces[2][1] = pieces[1][1];
			pieces[1][1] = rd_lo;
		}
		for (int j = 0; j < 3; j++)
			if (pieces[j][1] > pieces[j][0] && pieces[j][0] >= 0x1000)
				page_alloc_free_range(pieces[j][0] >> PAGE_SHIFT,
						      pieces[j][1] >> PAGE_SHIFT);
	}
	pr_info("memory: %llu KiB free of %llu KiB\n",
		(unsigned long long)nr_free_pages() * 4, (unsigned long long)top / 1024);
}

static void unpack_initrd(void)
{
	if (!initrd_size) {
		pr_warn("no initramfs given (-initrd)\n");
		return;
	}
	int err = initramfs_unpack(phys_to_virt(initrd_start), initrd_size);
	if (err)
		printk(KERN_ERR "Initramfs unpacking failed: error %d\n", err);
	page_alloc_free_range(ALIGN_UP(initrd_start, PAGE_SIZE) >> PAGE_SHIFT,
			      ALIGN_DOWN(initrd_start + initrd_size, PAGE_SIZE) >> PAGE_SHIFT);
}

/* The process-wide state PID 1 starts with; everyone inherits from it. */
static void init_task_state(struct task_struct *t)
{
	static struct cred root_cred = { .usage = 1, .cap_effective = ~0ULL,
					 .cap_permitted = ~0ULL };
	t->cred = &root_cred;
	get_cred(t->cred);
	t->files = files_alloc();
	t->fs = kzalloc(sizeof(*t->fs));
	t->sighand = sighand_alloc();
	t->signal = signal_alloc();
	if (!t->files || !t->fs || !t->sighand || !t->signal)
		panic("out of memory creating init");
	t->fs->users = 1;
	t->fs->umask = 022;
	spin_lock_init(&t->fs->lock, "fs->lock");
	t->fs->root = dget(root_dentry);
	t->fs->pwd = dget(root_dentry);
	struct rlimit *r = t->signal->rlim;
	for (int i = 0; i < RLIM_NLIMITS; i++)
		r[i].rlim_cur = r[i].rlim_max = RLIM_INFINITY;
	u64 threads = nr_total_pages() / 8;	/* Linux: max_threads */
	r[RLIMIT_STACK].rlim_cur = 8 << 20;
	r[4].rlim_cur = 0;			/* RLIMIT_CORE */
	r[RLIMIT_NPROC].rlim_cur = r[RLIMIT_NPROC].rlim_max = threads / 2;
	r[RLIMIT_NOFILE].rlim_cur = 1024;
	r[RLIMIT_NOFILE].rlim_max = 4096;
	r[8].rlim_cur = r[8].rlim_max = 8 << 20;	/* RLIMIT_MEMLOCK */
	r[11].rlim_cur = r[11].rlim_max = threads / 2;	/* RLIMIT_SIGPENDING */
	r[12].rlim_cur = r[12].rlim_max = 819200;	/* RLIMIT_MSGQUEUE */
	r[13].rlim_cur = r[13].rlim_max = 0;		/* RLIMIT_NICE */
	r[14].rlim_cur = r[14].rlim_max = 0;		/* RLIMIT_RTPRIO */
	/* Like Linux's init_task: process group and session 0 until setsid. */
	t->signal->pgrp = t->signal->session = 0;
	strlcpy(t->comm, "init", sizeof(t->comm));
	t->exit_signal = SIGCHLD;
}

/* Linux's console_on_rootfs(): fds 0, 1 and 2 of init are /dev/console. */
static void open_console(void)
{
	long err;
	struct file *f = filp_open("/dev/console", O_RDWR, 0, &err);
	if (!f) {
		pr_warn("Warning: unable to open an initial console.\n");
		return;
	}
	for (int fd = 0; fd < 3; fd++)
		fd_install_lowest(fd ? get_file(f) : f, 0, false);
}

static int try_init(const char *path)
{
	cmdline.argv[0] = path;
	boot_done_ns = ktime_get_ns();
	int err = kernel_execve(path, cmdline.argv, cmdline.envp);
	if (err)
		printk(KERN_ERR "Failed to execute %s (error %d)\n", path, err);
	return err;
}

/* PID 1's kernel half: become /init (or rdinit=, init=) in ring 3. */
static int init_main(void *unused)
{
	(void)unused;
	init_task_state(current);
	open_console();
	const char *ramdisk = cmdline.rdinit ? cmdline.rdinit : "/init";
	int err = try_init(ramdisk);
	if (err && cmdline.init)
		err = try_init(cmdline.init);
	static const char *const fallbacks[] = { "/sbin/init", "/etc/init", "/bin/init", "/bin/sh" };
	for (size_t i = 0; err && i < ARRAY_SIZE(fallbacks); i++)
		err = try_init(fallbacks[i]);
	if (err)
		panic("No working init found.  Try passing init= option to kernel.");
	printk(KERN_NOTICE "tine: /init started %llu us after kernel entry\n",
	       (unsigned long long)boot_done_ns / 1000);
	ret_to_user(current->regs);
}

void kmain(u64 start_info_phys)
{
	time_early_init();
	serial_init();
	direct_map_offset = DIRECT_MAP_BASE;
	const struct hvm_start_info *si = phys_to_virt(start_info_phys);
	parse_start_info(si);
	static char shown[sizeof(cmdline_buf)];
	strlcpy(shown, cmdline_buf, sizeof(shown));	/* parsing splits the words */
	cmdline_parse(cmdline_buf, &cmdline);
	if (cmdline.loglevel >= 0)
		printk_set_loglevel(cmdline.loglevel);
	panic_timeout = cmdline.panic_timeout;
	if (cmdline.trace)
		trace_setup(cmdline.trace);	/* trace=syscall,proc,... */
	pr_info("Tine kernel, command line: %s\n", shown);

	cpu_init(&cpu0, 0);
	memory_init(si);
	paging_init();
	mm_caches_init();
	idle_task_init();
	irq_init();
	time_init();
	timer_init();
	lock_kernel();			/* the other CPUs' ticks wait for boot */
	smp_init(rsdp_paddr);
	paging_drop_identity();
	vfs_init();
	unpack_initrd();
	serial_enable_rx();

	struct task_struct *init = kernel_thread(init_main, NULL);
	if (!init || init->pid != 1)
		panic("cannot create the init task");
	init_task_ptr = init;
	sched_add_new(init);
	unlock_kernel();
	cpu_idle();
}
