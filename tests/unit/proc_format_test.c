/*
 * Host test of kernel/fs/proc/format.c: each /proc formatter, fed the
 * figures of a real process, must reproduce the text Linux 6.1 printed for
 * it.  The samples were cut from Debian's 6.1.0 kernel booted under QEMU
 * with the project's busybox image (`cat /proc/self/stat` and friends).
 */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <tine/proc_fs.h>

static char out[8192];

static struct proc_buf fresh(void)
{
	struct proc_buf pb = { out, sizeof(out), 0 };

	out[0] = 0;
	return pb;
}

/* `cat /proc/self/...` run by busybox sh as PID 1's child on Linux 6.1. */
static struct proc_task_info linux_cat(void)
{
	struct proc_task_info p = {
		.comm = "cat", .state = 'R', .pid = 81, .tgid = 81, .ppid = 1,
		.tty_nr = 0, .tpgid = -1, .flags = 0x400000, .min_flt = 59,
		.nice = 0, .num_threads = 1, .start_time = 166,
		.rsslim = 18446744073709551615ULL, .umask = 022, .fdsize = 64,
		.sigq_max = 784, .cap_prm = 0x1ffffffffffULL,
		.cap_eff = 0x1ffffffffffULL, .cap_bnd = 0x1ffffffffffULL,
		.exit_signal = 17, .nivcsw = 1, .has_mm = true,
		.total_vm = 581, .hiwater_vm = 581, .rss_anon = 1,
		.hiwater_rss = 1, .data_vm = 60, .stack_vm = 33,
		.exec_vm = 390, .pte_pages = 7,
		.start_code = 4198400, .end_code = 5785993,
		.start_stack = 140736727006432ULL, .start_data = 6141704,
		.end_data = 6178576, .start_brk = 793591808,
		.arg_start = 140736727011218ULL, .arg_end = 140736727011238ULL,
		.env_start = 140736727011238ULL, .env_end = 140736727011305ULL,
	};
	return p;
}

static void test_stat(void **state)
{
	struct proc_task_info p = linux_cat();
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_stat(&pb, &p);
	assert_string_equal(out, "81 (cat) R 1 0 0 0 -1 4194304 59 0 0 0 0 0 0 0 "
		"20 0 1 0 166 2379776 1 18446744073709551615 4198400 5785993 "
		"140736727006432 0 0 0 0 0 0 0 0 0 17 0 0 0 0 0 0 6141704 "
		"6178576 793591808 140736727011218 140736727011238 "
		"140736727011238 140736727011305 0\n");
}

static void test_stat_zombie_has_no_mm_fields(void **state)
{
	struct proc_task_info p = linux_cat();
	struct proc_buf pb = fresh();

	(void)state;
	p.state = 'Z';
	p.has_mm = false;
	p.exit_code = 0x100;
	proc_format_stat(&pb, &p);
	assert_string_equal(out, "81 (cat) Z 1 0 0 0 -1 4194304 59 0 0 0 0 0 0 0 "
		"20 0 1 0 166 0 0 18446744073709551615 0 0 0 0 0 0 0 0 0 0 0 0 "
		"17 0 0 0 0 0 0 0 0 0 0 0 0 0 256\n");
}

static const char linux_status[] =
	"Name:\tcat\n" "Umask:\t0022\n" "State:\tR (running)\n" "Tgid:\t81\n"
	"Ngid:\t0\n" "Pid:\t81\n" "PPid:\t1\n" "TracerPid:\t0\n"
	"Uid:\t0\t0\t0\t0\n" "Gid:\t0\t0\t0\t0\n" "FDSize:\t64\n"
	"Groups:\t \n" "NStgid:\t81\n" "NSpid:\t81\n" "NSpgid:\t0\n"
	"NSsid:\t0\n" "VmPeak:\t    2324 kB\n" "VmSize:\t    2324 kB\n"
	"VmLck:\t       0 kB\n" "VmPin:\t       0 kB\n" "VmHWM:\t       4 kB\n"
	"VmRSS:\t       4 kB\n" "RssAnon:\t       4 kB\n"
	"RssFile:\t       0 kB\n" "RssShmem:\t       0 kB\n"
	"VmData:\t     240 kB\n" "VmStk:\t     132 kB\n"
	"VmExe:\t    1552 kB\n" "VmLib:\t       8 kB\n" "VmPTE:\t      28 kB\n"
	"VmSwap:\t       0 kB\n" "HugetlbPages:\t       0 kB\n"
	"CoreDumping:\t0\n" "THP_enabled:\t1\n" "Threads:\t1\n"
	"SigQ:\t0/784\n" "SigPnd:\t0000000000000000\n"
	"ShdPnd:\t0000000000000000\n" "SigBlk:\t0000000000000000\n"
	"SigIgn:\t0000000000000000\n" "SigCgt:\t0000000000000000\n"
	"CapInh:\t0000000000000000\n" "CapPrm:\t000001ffffffffff\n"
	"CapEff:\t000001ffffffffff\n" "CapBnd:\t000001ffffffffff\n"
	"CapAmb:\t0000000000000000\n" "NoNewPrivs:\t0\n" "Seccomp:\t0\n"
	"Seccomp_filters:\t0\n"
	"Speculation_Store_Bypass:\tnot vulnerable\n"
	"SpeculationIndirectBranch:\talways enabled\n"
	"Cpus_allowed:\t1\n" "Cpus_allowed_list:\t0\n"
	"Mems_allowed:\t00000000,00000000,00000000,00000000,00000000,"
	"00000000,00000000,00000000,00000000,00000000,00000000,00000000,"
	"00000000,00000000,00000000,00000000,00000000,00000000,00000000,"
	"00000000,00000000,00000000,00000000,00000000,00000000,00000000,"
	"00000000,00000000,00000000,00000000,00000000,00000001\n"
	"Mems_allowed_list:\t0\n" "voluntary_ctxt_switches:\t0\n"
	"nonvoluntary_ctxt_switches:\t1\n";

static void test_status(void **state)
{
	struct proc_task_info p = linux_cat();
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_status(&pb, &p);
	assert_string_equal(out, linux_status);
}

/* `echo 'x\y' > /proc/self/comm` on Linux 6.1: status escapes the
 * backslash and the newline the write kept; stat shows them raw. */
static void test_status_name_escaped(void **state)
{
	struct proc_task_info p = linux_cat();
	struct proc_buf pb = fresh();

	(void)state;
	strcpy(p.comm, "x\\y\n");
	proc_format_status(&pb, &p);
	static const char name[] = "Name:\tx\\\\y\\n\nUmask:";
	static const char stat[] = "81 (x\\y\n) R ";
	assert_memory_equal(out, name, sizeof(name) - 1);
	pb = fresh();
	proc_format_stat(&pb, &p);
	assert_memory_equal(out, stat, sizeof(stat) - 1);
}

static void test_statm(void **state)
{
	struct proc_task_info p = linux_cat();
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_statm(&pb, &p);
	assert_string_equal(out, "581 1 0 388 0 93 0\n");
}

static void test_maps_lines(void **state)
{
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_maps_line(&pb, 0x400000, 0x401000, 1, 0, 2, 6, "/bin/busybox");
	proc_format_maps_line(&pb, 0x401000, 0x585000, 5, 1, 2, 6, "/bin/busybox");
	proc_format_maps_line(&pb, 0x5e5000, 0x5ec000, 3, 0, 0, 0, NULL);
	proc_format_maps_line(&pb, 0x16420000, 0x16442000, 3, 0, 0, 0, "[heap]");
	proc_format_maps_line(&pb, 0x7fff42116000, 0x7fff42137000, 3, 0, 0, 0,
			      "[stack]");
	proc_format_maps_line(&pb, 0x7f00, 0x8f00, 11, 0x10, 0x10a, 99, "/x");
	assert_string_equal(out,
		"00400000-00401000 r--p 00000000 00:02 6                                  /bin/busybox\n"
		"00401000-00585000 r-xp 00001000 00:02 6                                  /bin/busybox\n"
		"005e5000-005ec000 rw-p 00000000 00:00 0 \n"
		"16420000-16442000 rw-p 00000000 00:00 0                                  [heap]\n"
		"7fff42116000-7fff42137000 rw-p 00000000 00:00 0                          [stack]\n"
		"00007f00-00008f00 rw-s 00010000 01:0a 99                                 /x\n");
}

static void test_loadavg(void **state)
{
	u64 idle[3] = { 0, 0, 0 };
	/* sysinfo-style fixed point (1 << 16 is 1.0): 1.00, 0.50, 2.99 */
	u64 busy[3] = { 65536, 32768, 195952 };
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_loadavg(&pb, idle, 1, 46, 91);
	assert_string_equal(out, "0.00 0.00 0.00 1/46 91\n");
	pb = fresh();
	proc_format_loadavg(&pb, busy, 2, 5, 300);
	assert_string_equal(out, "1.00 0.50 2.99 2/5 300\n");
}

static void test_uptime(void **state)
{
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_uptime(&pb, 1739999999ULL, 5000000ULL);
	assert_string_equal(out, "1.73 0.00\n");
}

static const char linux_meminfo[] =
	"MemTotal:         210752 kB\n" "MemFree:          182472 kB\n"
	"MemAvailable:     185596 kB\n" "Buffers:               0 kB\n"
	"Cached:             1940 kB\n" "SwapCached:            0 kB\n"
	"Active:             1660 kB\n" "Inactive:            340 kB\n"
	"Active(anon):       1660 kB\n" "Inactive(anon):      340 kB\n"
	"Active(file):          0 kB\n" "Inactive(file):        0 kB\n"
	"Unevictable:           0 kB\n" "Mlocked:               0 kB\n"
	"SwapTotal:             0 kB\n" "SwapFree:              0 kB\n"
	"Zswap:                 0 kB\n" "Zswapped:              0 kB\n"
	"Dirty:                 0 kB\n" "Writeback:             0 kB\n"
	"AnonPages:           100 kB\n" "Mapped:             1600 kB\n"
	"Shmem:              1940 kB\n" "KReclaimable:       8756 kB\n"
	"Slab:              14752 kB\n" "SReclaimable:       8756 kB\n"
	"SUnreclaim:         5996 kB\n" "KernelStack:         736 kB\n"
	"PageTables:           52 kB\n" "SecPageTables:         0 kB\n"
	"NFS_Unstable:          0 kB\n" "Bounce:                0 kB\n"
	"WritebackTmp:          0 kB\n" "CommitLimit:      105376 kB\n"
	"Committed_AS:       2612 kB\n" "VmallocTotal:   34359738367 kB\n"
	"VmallocUsed:        7340 kB\n" "VmallocChunk:          0 kB\n"
	"Percpu:              260 kB\n" "HardwareCorrupted:     0 kB\n"
	"AnonHugePages:         0 kB\n" "ShmemHugePages:        0 kB\n"
	"ShmemPmdMapped:        0 kB\n" "FileHugePages:         0 kB\n"
	"FilePmdMapped:         0 kB\n" "HugePages_Total:       0\n"
	"HugePages_Free:        0\n" "HugePages_Rsvd:        0\n"
	"HugePages_Surp:        0\n" "Hugepagesize:       2048 kB\n"
	"Hugetlb:               0 kB\n" "DirectMap4k:       24448 kB\n"
	"DirectMap2M:      237568 kB\n";

/* Same labels in the same order, numbers right-aligned at the same column:
 * every line has Linux's length once its number has the same width. */
static void test_meminfo_layout(void **state)
{
	struct proc_mem_info m = { .total = 52688, .free = 45618, .slab = 3688,
				   .kernel_stack = 184, .page_tables = 13 };
	struct proc_buf pb = fresh();
	const char *a = out, *b = linux_meminfo;

	(void)state;
	proc_format_meminfo(&pb, &m);
	while (*a && *b) {
		size_t la = strcspn(a, "\n"), lb = strcspn(b, "\n");
		size_t na = strcspn(a, " "), nb = strcspn(b, " ");

		assert_int_equal(na, nb);
		assert_memory_equal(a, b, na);
		assert_int_equal(la, lb);
		a += la + 1;
		b += lb + 1;
	}
	assert_true(*a == 0 && *b == 0);
	assert_non_null(strstr(out, "MemTotal:         210752 kB\n"));
}

static void test_cpu_stat(void **state)
{
	struct proc_cpu_info c = { .nr_cpus = 2,
				   .cpu = { { .user = 1, .system = 116 },
					    { .user = 3, .system = 4, .idle = 7 } },
				   .intr = 1241, .ctxt = 910, .btime = 1796237558,
				   .processes = 93, .running = 1 };
	struct proc_buf pb = fresh();

	(void)state;
	proc_format_cpu_stat(&pb, &c);
	assert_string_equal(out, "cpu  4 0 120 7 0 0 0 0 0 0\n"
		"cpu0 1 0 116 0 0 0 0 0 0 0\n" "cpu1 3 0 4 7 0 0 0 0 0 0\n"
		"intr 1241\n" "ctxt 910\n"
		"btime 1796237558\n" "processes 93\n" "procs_running 1\n"
		"procs_blocked 0\n" "softirq 0 0 0 0 0 0 0 0 0 0 0\n");
}

static void test_overflow_counts_everything(void **state)
{
	char small[8];
	struct proc_buf pb = { small, sizeof(small), 0 };

	(void)state;
	pb_printf(&pb, "%s", "0123456789");
	assert_true(pb_overflow(&pb));
	assert_int_equal(pb.len, 10);
	assert_string_equal(small, "0123456");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_stat),
		cmocka_unit_test(test_stat_zombie_has_no_mm_fields),
		cmocka_unit_test(test_status),
		cmocka_unit_test(test_status_name_escaped),
		cmocka_unit_test(test_statm),
		cmocka_unit_test(test_maps_lines),
		cmocka_unit_test(test_loadavg),
		cmocka_unit_test(test_uptime),
		cmocka_unit_test(test_meminfo_layout),
		cmocka_unit_test(test_cpu_stat),
		cmocka_unit_test(test_overflow_counts_everything),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
