/*
 * The text of the /proc files, byte for byte as Linux 6.1 writes it.  Every
 * function here is pure: it turns a snapshot of numbers (gathered by
 * array.c, task_mmu.c and the system files) into text, so the host test
 * tests/unit/proc_format_test.c can hold each one to a sample cut from
 * Linux's own /proc.  The Linux function each follows is named above it.
 */
#include <tine/proc_fs.h>
#include <tine/format.h>
#include <tine/string.h>

#define PAGE_KB 4			/* kB per page */

void pb_printf(struct proc_buf *pb, const char *fmt, ...)
{
	size_t room = pb->len < pb->size ? pb->size - pb->len : 0;
	va_list ap;

	va_start(ap, fmt);
	pb->len += vsnprintf(room ? pb->buf + pb->len : NULL, room, fmt, ap);
	va_end(ap);
}

/* True when the text did not fit (the caller retries with a bigger buffer). */
bool pb_overflow(const struct proc_buf *pb)
{
	return pb->len >= pb->size;
}

/* fs/proc/array.c task_state_array[] */
const char *proc_state_name(char state)
{
	switch (state) {
	case 'R': return "R (running)";
	case 'S': return "S (sleeping)";
	case 'D': return "D (disk sleep)";
	case 'T': return "T (stopped)";
	case 't': return "t (tracing stop)";
	case 'X': return "X (dead)";
	case 'Z': return "Z (zombie)";
	case 'I': return "I (idle)";
	}
	return "R (running)";
}

/* Linux's VmExe: PAGE_ALIGN(end_code) - (start_code & PAGE_MASK), in pages. */
static u64 text_pages(const struct proc_task_info *p)
{
	u64 text = ((p->end_code + 4095) & ~4095UL) - (p->start_code & ~4095UL);

	return p->end_code > p->start_code ? text / 4096 : 0;
}

/*
 * fs/proc/array.c do_task_stat(): 52 fields.  Obsolete or unsupported
 * fields are 0 as on Linux (itrealvalue, nswap, cnswap); kstkesp and
 * kstkeip are 0 unless the task is exiting, which Linux also hides.
 */
void proc_format_stat(struct proc_buf *pb, const struct proc_task_info *p)
{
	bool mm = p->has_mm;

	pb_printf(pb, "%d (%s) %c %d %d %d %d %d %lu %lu %lu %lu 0",
		  p->pid, p->comm, p->state, p->ppid, p->pgrp, p->session,
		  p->tty_nr, p->tpgid, p->flags, p->min_flt, p->cmin_flt,
		  p->maj_flt);
	pb_printf(pb, " %lu %lu %ld %ld %d %d %d 0 %lu %lu %lu %lu",
		  p->utime, p->stime, p->cutime, p->cstime,
		  20 + p->nice, p->nice, p->num_threads, p->start_time,
		  mm ? p->total_vm * 4096 : 0,
		  mm ? p->rss_anon + p->rss_file : 0, p->rsslim);
	pb_printf(pb, " %lu %lu %lu 0 0 %lu %lu %lu %lu %d 0 0",
		  mm ? p->start_code : 0, mm ? p->end_code : 0,
		  mm ? p->start_stack : 0, p->sig_pending & 0x7fffffffUL,
		  p->blocked & 0x7fffffffUL, p->ignored & 0x7fffffffUL,
		  p->caught & 0x7fffffffUL, p->sleeping_in_kernel ? 1 : 0);
	pb_printf(pb, " %d %d 0 0 0 0 0", p->exit_signal, p->processor);
	if (mm)
		pb_printf(pb, " %lu %lu %lu %lu %lu %lu %lu",
			  p->start_data, p->end_data, p->start_brk, p->arg_start,
			  p->arg_end, p->env_start, p->env_end);
	else
		pb_printf(pb, " 0 0 0 0 0 0 0");
	pb_printf(pb, " %d\n", p->exit_code);
}

/* fs/proc/array.c proc_task_name(): a name written through
 * /proc/PID/comm may hold a newline or a backslash; status shows them as
 * "\n" and "\\" so that the line stays one line.  Other bytes are raw. */
static void status_name(struct proc_buf *pb, const char *comm)
{
	pb_printf(pb, "Name:\t");
	for (const char *c = comm; *c; c++) {
		if (*c == '\n')
			pb_printf(pb, "\\n");
		else if (*c == '\\')
			pb_printf(pb, "\\\\");
		else
			pb_printf(pb, "%c", *c);
	}
	pb_printf(pb, "\n");
}

/* fs/proc/array.c task_state(): identity, credentials, the fd table size. */
static void status_identity(struct proc_buf *pb, const struct proc_task_info *p)
{
	status_name(pb, p->comm);
	if (p->has_mm)			/* Linux: only while the task has an fs */
		pb_printf(pb, "Umask:\t%#04o\n", p->umask);
	pb_printf(pb, "State:\t%s\nTgid:\t%d\nNgid:\t0\nPid:\t%d\nPPid:\t%d\n"
		  "TracerPid:\t%d\n", proc_state_name(p->state), p->tgid,
		  p->pid, p->ppid, p->tracer);
	pb_printf(pb, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		  p->uid[0], p->uid[1], p->uid[2], p->uid[3],
		  p->gid[0], p->gid[1], p->gid[2], p->gid[3]);
	pb_printf(pb, "FDSize:\t%u\nGroups:\t", p->fdsize);
	for (u32 i = 0; i < p->ngroups; i++)
		pb_printf(pb, i ? " %u" : "%u", p->groups[i]);
	/* "Trailing space shouldn't have been added in the first place." */
	pb_printf(pb, " \n");
	pb_printf(pb, "NStgid:\t%d\nNSpid:\t%d\nNSpgid:\t%d\nNSsid:\t%d\n",
		  p->tgid, p->pid, p->pgrp, p->session);
}

/* fs/proc/task_mmu.c task_mem(): each figure "%8lu kB". */
static void status_mem(struct proc_buf *pb, const struct proc_task_info *p)
{
	u64 rss = p->rss_anon + p->rss_file;
	u64 text = text_pages(p), exec = p->exec_vm;

	if (text > exec)
		text = exec;
	pb_printf(pb, "VmPeak:\t%8lu kB\nVmSize:\t%8lu kB\n"
		  "VmLck:\t       0 kB\nVmPin:\t       0 kB\n",
		  (p->hiwater_vm > p->total_vm ? p->hiwater_vm : p->total_vm) * PAGE_KB,
		  p->total_vm * PAGE_KB);
	pb_printf(pb, "VmHWM:\t%8lu kB\nVmRSS:\t%8lu kB\nRssAnon:\t%8lu kB\n"
		  "RssFile:\t%8lu kB\nRssShmem:\t       0 kB\n",
		  (p->hiwater_rss > rss ? p->hiwater_rss : rss) * PAGE_KB,
		  rss * PAGE_KB, p->rss_anon * PAGE_KB, p->rss_file * PAGE_KB);
	pb_printf(pb, "VmData:\t%8lu kB\nVmStk:\t%8lu kB\nVmExe:\t%8lu kB\n"
		  "VmLib:\t%8lu kB\nVmPTE:\t%8lu kB\nVmSwap:\t       0 kB\n",
		  p->data_vm * PAGE_KB, p->stack_vm * PAGE_KB, text * PAGE_KB,
		  (exec - text) * PAGE_KB, p->pte_pages * PAGE_KB);
	pb_printf(pb, "HugetlbPages:\t       0 kB\nCoreDumping:\t0\nTHP_enabled:\t1\n");
}

/* task_sig(), task_cap(), task_seccomp(), the cpu and node masks. */
static void status_sig_cap(struct proc_buf *pb, const struct proc_task_info *p)
{
	pb_printf(pb, "Threads:\t%d\nSigQ:\t%lu/%lu\n", p->num_threads,
		  p->sigq, p->sigq_max);
	pb_printf(pb, "SigPnd:\t%016lx\nShdPnd:\t%016lx\nSigBlk:\t%016lx\n"
		  "SigIgn:\t%016lx\nSigCgt:\t%016lx\n", p->sig_pending,
		  p->shared_pending, p->blocked, p->ignored, p->caught);
	pb_printf(pb, "CapInh:\t%016lx\nCapPrm:\t%016lx\nCapEff:\t%016lx\n"
		  "CapBnd:\t%016lx\nCapAmb:\t0000000000000000\n",
		  p->cap_inh, p->cap_prm, p->cap_eff, p->cap_bnd);
	pb_printf(pb, "NoNewPrivs:\t0\nSeccomp:\t0\nSeccomp_filters:\t0\n"
		  "Speculation_Store_Bypass:\tnot vulnerable\n"
		  "SpeculationIndirectBranch:\talways enabled\n"
		  "Cpus_allowed:\t1\nCpus_allowed_list:\t0\nMems_allowed:\t");
	for (int i = 0; i < 31; i++)	/* MAX_NUMNODES = 1024 bits */
		pb_printf(pb, "00000000,");
	pb_printf(pb, "00000001\nMems_allowed_list:\t0\n");
}

/* fs/proc/array.c proc_pid_status() */
void proc_format_status(struct proc_buf *pb, const struct proc_task_info *p)
{
	status_identity(pb, p);
	if (p->has_mm)
		status_mem(pb, p);
	status_sig_cap(pb, p);
	pb_printf(pb, "voluntary_ctxt_switches:\t%lu\n"
		  "nonvoluntary_ctxt_switches:\t%lu\n", p->nvcsw, p->nivcsw);
}

/* fs/proc/array.c proc_pid_statm(): size resident shared text lib data dt */
void proc_format_statm(struct proc_buf *pb, const struct proc_task_info *p)
{
	if (!p->has_mm) {
		pb_printf(pb, "0 0 0 0 0 0 0\n");
		return;
	}
	pb_printf(pb, "%lu %lu %lu %lu 0 %lu 0\n", p->total_vm,
		  p->rss_anon + p->rss_file, p->rss_file, text_pages(p),
		  p->data_vm + p->stack_vm);
}

/*
 * fs/proc/task_mmu.c show_map_vma(): the name, if any, starts at column 73:
 * seq_setwidth(m, 25 + sizeof(void *) * 6 - 1) then seq_pad(m, ' ').
 */
void proc_format_maps_line(struct proc_buf *pb, u64 start, u64 end, u64 flags,
			   u64 pgoff, u32 dev, u64 ino, const char *name)
{
	size_t line = pb->len;
	int pad;

	pb_printf(pb, "%08lx-%08lx %c%c%c%c %08lx %02x:%02x %lu ", start, end,
		  flags & 1 ? 'r' : '-', flags & 2 ? 'w' : '-',
		  flags & 4 ? 'x' : '-', flags & 8 ? 's' : 'p', pgoff * 4096,
		  (dev & 0xfff00) >> 8, (dev & 0xff) | ((dev >> 12) & 0xfff00), ino);
	if (!name) {
		pb_printf(pb, "\n");
		return;
	}
	pad = 72 - (int)(pb->len - line);
	pb_printf(pb, "%*s %s\n", pad > 0 ? pad : 0, "", name);
}

/*
 * fs/proc/loadavg.c: loads[] are sysinfo's 16-bit fixed point; Linux
 * prints its 11-bit avenrun[] rounded by FIXED_1/200 (get_avenrun()).
 */
void proc_format_loadavg(struct proc_buf *pb, const u64 loads[3],
			 int running, int threads, int last_pid)
{
	u64 v[3];

	for (int i = 0; i < 3; i++)
		v[i] = (loads[i] >> 5) + (2048 / 200);
	pb_printf(pb, "%lu.%02lu %lu.%02lu %lu.%02lu %d/%d %d\n",
		  v[0] >> 11, ((v[0] & 2047) * 100) >> 11,
		  v[1] >> 11, ((v[1] & 2047) * 100) >> 11,
		  v[2] >> 11, ((v[2] & 2047) * 100) >> 11,
		  running, threads, last_pid);
}

/* One meminfo line: the label padded to 16 columns, "%8lu kB" (show_val_kb). */
static void kb_line(struct proc_buf *pb, const char *label, u64 kb)
{
	pb_printf(pb, "%-16s%8lu kB\n", label, kb);
}

/* The meminfo lines that are always zero on Tine: no swap, no highmem. */
static const char *const meminfo_zero_mid[] = {
	"SwapCached:", "Active:", "Inactive:", "Active(anon):",
	"Inactive(anon):", "Active(file):", "Inactive(file):", "Unevictable:",
	"Mlocked:", "SwapTotal:", "SwapFree:", "Zswap:", "Zswapped:",
	"Dirty:", "Writeback:",
};
static const char *const meminfo_zero_tail[] = {
	"SecPageTables:", "NFS_Unstable:", "Bounce:", "WritebackTmp:",
};
static const char *const meminfo_zero_huge[] = {
	"AnonHugePages:", "ShmemHugePages:",
	"ShmemPmdMapped:", "FileHugePages:", "FilePmdMapped:",
};

/* fs/proc/meminfo.c meminfo_proc_show(): every 6.1 x86-64 line, in order. */
void proc_format_meminfo(struct proc_buf *pb, const struct proc_mem_info *m)
{
	kb_line(pb, "MemTotal:", m->total * PAGE_KB);
	kb_line(pb, "MemFree:", m->free * PAGE_KB);
	kb_line(pb, "MemAvailable:", m->free * PAGE_KB);
	kb_line(pb, "Buffers:", 0);
	kb_line(pb, "Cached:", (m->file + m->shmem) * PAGE_KB);
	for (size_t i = 0; i < ARRAY_SIZE(meminfo_zero_mid); i++)
		kb_line(pb, meminfo_zero_mid[i], 0);
	kb_line(pb, "AnonPages:", m->anon * PAGE_KB);
	kb_line(pb, "Mapped:", m->file * PAGE_KB);
	kb_line(pb, "Shmem:", m->shmem * PAGE_KB);
	kb_line(pb, "KReclaimable:", 0);
	kb_line(pb, "Slab:", m->slab * PAGE_KB);
	kb_line(pb, "SReclaimable:", 0);
	kb_line(pb, "SUnreclaim:", m->slab * PAGE_KB);
	kb_line(pb, "KernelStack:", m->kernel_stack * PAGE_KB);
	kb_line(pb, "PageTables:", m->page_tables * PAGE_KB);
	for (size_t i = 0; i < ARRAY_SIZE(meminfo_zero_tail); i++)
		kb_line(pb, meminfo_zero_tail[i], 0);
	kb_line(pb, "CommitLimit:", m->total / 2 * PAGE_KB);
	kb_line(pb, "Committed_AS:", m->committed * PAGE_KB);
	kb_line(pb, "VmallocTotal:", 34359738367UL);	/* 32 TiB - 1 kB */
	kb_line(pb, "VmallocUsed:", 0);
	kb_line(pb, "VmallocChunk:", 0);
	kb_line(pb, "Percpu:", 0);
	pb_printf(pb, "HardwareCorrupted: %5u kB\n", 0);
	for (size_t i = 0; i < ARRAY_SIZE(meminfo_zero_huge); i++)
		kb_line(pb, meminfo_zero_huge[i], 0);
	pb_printf(pb, "HugePages_Total:   %5u\nHugePages_Free:    %5u\n"
		  "HugePages_Rsvd:    %5u\nHugePages_Surp:    %5u\n"
		  "Hugepagesize:   %8u kB\nHugetlb:        %8u kB\n",
		  0, 0, 0, 0, 2048, 0);
	kb_line(pb, "DirectMap4k:", 0);
	kb_line(pb, "DirectMap2M:", m->total * PAGE_KB);
}

/* fs/proc/uptime.c: "%lu.%02lu %lu.%02lu\n", hundredths truncated. */
void proc_format_uptime(struct proc_buf *pb, u64 uptime_ns, u64 idle_ns)
{
	pb_printf(pb, "%lu.%02lu %lu.%02lu\n",
		  uptime_ns / 1000000000, uptime_ns / 10000000 % 100,
		  idle_ns / 1000000000, idle_ns / 10000000 % 100);
}

/*
 * fs/proc/stat.c show_stat().  "intr" carries only the total:
 * Linux follows it with one count per interrupt number, which Tine does
 * not keep (readers such as procps use only the total).
 */
static void cpu_line(struct proc_buf *pb, const struct proc_cpu_times *t)
{
	pb_printf(pb, " %lu %lu %lu %lu 0 0 0 0 0 0\n", t->user, t->nice,
		  t->system, t->idle);
}

/* "cpu " sums every CPU; then one cpuN line each. */
void proc_format_cpu_stat(struct proc_buf *pb, const struct proc_cpu_info *c)
{
	struct proc_cpu_times sum = { 0 };

	for (int i = 0; i < c->nr_cpus; i++) {
		sum.user += c->cpu[i].user;
		sum.nice += c->cpu[i].nice;
		sum.system += c->cpu[i].system;
		sum.idle += c->cpu[i].idle;
	}
	pb_printf(pb, "cpu ");
	cpu_line(pb, &sum);
	for (int i = 0; i < c->nr_cpus; i++) {
		pb_printf(pb, "cpu%d", i);
		cpu_line(pb, &c->cpu[i]);
	}
	pb_printf(pb, "intr %lu\nctxt %lu\nbtime %lu\nprocesses %lu\n"
		  "procs_running %lu\nprocs_blocked %lu\n"
		  "softirq 0 0 0 0 0 0 0 0 0 0 0\n", c->intr, c->ctxt, c->btime,
		  c->processes, c->running, c->blocked);
}
