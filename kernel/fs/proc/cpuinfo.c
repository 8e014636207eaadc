/*
 * /proc/cpuinfo, a block per CPU, from CPUID: vendor, family/model/stepping
 * (with Intel's and AMD's extended-field rule), the brand string and the
 * feature flags under Linux's names for the CPUID bits (the synthetic
 * flags Linux adds, such as rep_good, are not shown).  The clock figures
 * (cpu MHz, bogomips) are left out: the TSC rate measured at boot is not
 * exported.
 */
#include <tine/proc_fs.h>
#include <tine/string.h>
#include <tine/cpu.h>

static void cpuid(u32 leaf, u32 r[4])
{
	__asm__ volatile("cpuid" : "=a"(r[0]), "=b"(r[1]), "=c"(r[2]), "=d"(r[3])
			 : "a"(leaf), "c"(0));
}

/* Linux's names for CPUID bits: leaf 1 EDX, leaf 1 ECX, 0x80000001 EDX, ECX. */
static const char *const flags_1d[32] = {
	"fpu", "vme", "de", "pse", "tsc", "msr", "pae", "mce", "cx8", "apic",
	NULL, "sep", "mtrr", "pge", "mca", "cmov", "pat", "pse36", "pn",
	"clflush", NULL, "dts", "acpi", "mmx", "fxsr", "sse", "sse2", "ss",
	"ht", "tm", "ia64", "pbe",
};
static const char *const flags_1c[32] = {
	"pni", "pclmulqdq", "dtes64", "monitor", "ds_cpl", "vmx", "smx", "est",
	"tm2", "ssse3", "cid", "sdbg", "fma", "cx16", "xtpr", "pdcm", NULL,
	"pcid", "dca", "sse4_1", "sse4_2", "x2apic", "movbe", "popcnt",
	"tsc_deadline_timer", "aes", "xsave", NULL, "avx", "f16c", "rdrand",
	"hypervisor",
};
static const char *const flags_ext_d[32] = {
	[11] = "syscall", [19] = "mp", [20] = "nx", [22] = "mmxext",
	[25] = "fxsr_opt", [26] = "pdpe1gb", [27] = "rdtscp", [29] = "lm",
	[30] = "3dnowext", [31] = "3dnow",
};
static const char *const flags_ext_c[32] = {
	"lahf_lm", "cmp_legacy", "svm", "extapic", "cr8_legacy", "abm", "sse4a",
	"misalignsse", "3dnowprefetch", "osvw", "ibs", "xop", "skinit", "wdt",
	NULL, "lwp", "fma4", "tce", NULL, "nodeid_msr", NULL, "tbm", "topoext",
};

static void print_flags(struct proc_buf *pb, const char *const names[32], u32 bits)
{
	for (int i = 0; i < 32; i++)
		if ((bits & (1u << i)) && names[i])
			pb_printf(pb, " %s", names[i]);
}

/* One block per CPU; they are all the same model, so CPUID on this one
 * describes each. */
static void show_cpu(struct proc_buf *pb, const struct cpu *c)
{
	u32 r[4], sig[4], ext[4], brand[13] = { 0 }, max;
	u32 family, model;

	cpuid(0, r);
	max = r[0];
	cpuid(1, sig);
	cpuid(0x80000000, ext);
	family = (sig[0] >> 8) & 15;
	model = (sig[0] >> 4) & 15;
	if (family == 15)
		family += (sig[0] >> 20) & 0xff;
	if (family >= 6)
		model += ((sig[0] >> 16) & 15) << 4;
	for (u32 i = 0; ext[0] >= 0x80000004 && i < 3; i++)
		cpuid(0x80000002 + i, brand + 4 * i);
	pb_printf(pb, "processor\t: %d\nvendor_id\t: %.4s%.4s%.4s\n", c->id,
		  (char *)&r[1], (char *)&r[3], (char *)&r[2]);
	pb_printf(pb, "cpu family\t: %u\nmodel\t\t: %u\nmodel name\t: %s\n"
		  "stepping\t: %u\n", family, model, (char *)brand, sig[0] & 15);
	pb_printf(pb, "physical id\t: 0\nsiblings\t: %d\ncore id\t\t: %d\n"
		  "cpu cores\t: %d\napicid\t\t: %u\ninitial apicid\t: %u\n"
		  "fpu\t\t: yes\nfpu_exception\t: yes\ncpuid level\t: %u\n"
		  "wp\t\t: yes\nflags\t\t:", nr_cpus, c->id, nr_cpus,
		  c->apic_id, c->apic_id, max);
	print_flags(pb, flags_1d, sig[3]);
	print_flags(pb, flags_1c, sig[2]);
	if (ext[0] >= 0x80000001) {
		cpuid(0x80000001, r);
		print_flags(pb, flags_ext_d, r[3]);
		print_flags(pb, flags_ext_c, r[2]);
	}
	pb_printf(pb, "\nclflush size\t: %u\ncache_alignment\t: %u\n\n",
		  ((sig[1] >> 8) & 0xff) * 8, ((sig[1] >> 8) & 0xff) * 8);
}

int proc_cpuinfo_show(struct proc_buf *pb, s32 pid)
{
	(void)pid;
	for (int i = 0; i < nr_cpus; i++)
		show_cpu(pb, cpus[i]);
	return 0;
}
