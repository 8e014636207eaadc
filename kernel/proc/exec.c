/*
 * execve: replace the program running in this process.  The PID, the parent,
 * open files without FD_CLOEXEC, the working directory, credentials and the
 * signal mask survive; the address space, caught signal handlers and the
 * other threads do not.  The work is split at a commit point: everything
 * that can fail with an errno (finding the file, "#!" lines, the ELF
 * headers, copying argv and envp) happens first, while the old program is
 * still intact; after it, the old image is gone and failure kills us.
 */
#include <tine/task.h>
#include <tine/trace.h>
#include <tine/elf.h>
#include <tine/mm.h>
#include <tine/mman.h>
#include <tine/fs.h>
#include <tine/fdtable.h>
#include <tine/ptrace.h>
#include <tine/page.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/cpu.h>
#include <tine/syscalls.h>
#include <tine/printk.h>
#include <tine/traps.h>

#define MAX_ARG_STRLEN (32 * PAGE_SIZE)	/* one string, as Linux */
#define MAX_ARG_TOTAL (2 << 20)		/* RLIMIT_STACK / 4 for the default 8 MiB */
#define MAX_ARGS 65536
#define BINPRM_BUF_SIZE 256
#define MAX_INTERP_DEPTH 4		/* Linux allows 4 levels of "#!" */

/* What exec learns before the commit point. */
struct linux_binprm {
	char *strings;			/* argv then envp, NUL-separated */
	size_t len, cap;
	int argc, envc;
	char filename[PATH_MAX];	/* the file actually loaded */
	char execfn[PATH_MAX];		/* the path the caller gave (AT_EXECFN) */
	struct file *file;
	char buf[BINPRM_BUF_SIZE];	/* the first bytes of the file */
	struct elf64_hdr eh;
	struct elf64_phdr *phdrs;
};

static int push_string(struct linux_binprm *b, const char *s, size_t n)
{
	if (n > MAX_ARG_STRLEN)
		return -E2BIG;
	if (b->len + n > MAX_ARG_TOTAL)
		return -E2BIG;
	if (b->len + n > b->cap) {
		size_t cap = b->cap ? b->cap * 2 : 4096;
		while (cap < b->len + n)
			cap *= 2;
		char *p = krealloc(b->strings, cap);
		if (!p)
			return -ENOMEM;
		b->strings = p;
		b->cap = cap;
	}
	memcpy(b->strings + b->len, s, n);
	b->len += n;
	return 0;
}

/* Copy a user argv or envp array in; returns the count or -errno. */
static long copy_user_strings(struct linux_binprm *b,
			      const char __user *const __user *vec)
{
	char *tmp = kmalloc(MAX_ARG_STRLEN);
	long count = 0;

	if (!tmp)
		return -ENOMEM;
	for (; vec; count++) {
		u64 up;
		if (get_user_u64(&up, &vec[count])) {
			count = -EFAULT;
			break;
		}
		if (!up)
			break;
		if (count >= MAX_ARGS) {
			count = -E2BIG;
			break;
		}
		long n = strncpy_from_user(tmp, (const char __user *)up, MAX_ARG_STRLEN);
		if (n < 0 || n == MAX_ARG_STRLEN) {
			count = n < 0 ? n : -E2BIG;
			break;
		}
		long err = push_string(b, tmp, n + 1);
		if (err) {
			count = err;
			break;
		}
	}
	kfree(tmp);
	return count;
}

static long copy_kernel_strings(struct linux_binprm *b, const char *const *vec)
{
	long count = 0;
	for (; vec && vec[count]; count++) {
		long err = push_string(b, vec[count], strlen(vec[count]) + 1);
		if (err)
			return err;
	}
	return count;
}

/* Open path for execution: a regular file with an execute bit we may use. */
static int open_exec(struct linux_binprm *b, const char *path)
{
	long err;
	struct file *f = filp_open(path, O_RDONLY, 0, &err);
	if (!f)
		return err;
	struct inode *ino = f->f_inode;
	int ret = 0;
	if (!S_ISREG(ino->i_mode))
		ret = -EACCES;
	else if (!(ino->i_mode & 0111))
		ret = -EACCES;
	else if (current->cred->euid != 0 && !inode_permission(ino, 1))
		ret = -EACCES;
	if (ret) {
		fput(f);
		return ret;
	}
	if (b->file)
		fput(b->file);
	b->file = f;
	strlcpy(b->filename, path, sizeof(b->filename));
	memset(b->buf, 0, sizeof(b->buf));
	ssize_t n = kernel_read(f, b->buf, sizeof(b->buf), 0);
	return n < 0 ? (int)n : 0;
}

/* Drop argv[0] from the front of the strings (a "#!" rewrite replaces it). */
static void drop_argv0(struct linux_binprm *b)
{
	if (b->argc == 0)
		return;
	size_t n = strlen(b->strings) + 1;
	memmove(b->strings, b->strings + n, b->len - n);
	b->len -= n;
	b->argc--;
}

static int prepend_string(struct linux_binprm *b, const char *s)
{
	size_t n = strlen(s) + 1;
	int err = push_string(b, s, n);	/* grows the buffer by n */
	if (err)
		return err;
	memmove(b->strings + n, b->strings, b->len - n);
	memcpy(b->strings, s, n);
	b->argc++;
	return 0;
}

/*
 * "#!interpreter [one-arg]": run the interpreter with argv = { interpreter,
 * [one-arg], script path, original argv[1..] }, as Linux's binfmt_script.
 */
static int load_script(struct linux_binprm *b)
{
	char line[BINPRM_BUF_SIZE];
	char *p = line, *end, *interp, *arg = NULL;

	memcpy(line, b->buf + 2, BINPRM_BUF_SIZE - 2);
	line[BINPRM_BUF_SIZE - 2] = 0;
	end = strchr(line, '\n');
	if (!end)
		end = line + strlen(line);
	*end = 0;
	while (*p == ' ' || *p == '\t')
		p++;
	if (!*p)
		return -ENOEXEC;
	interp = p;
	while (*p && *p != ' ' && *p != '\t')
		p++;
	if (*p) {
		*p++ = 0;
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p) {
			arg = p;
			char *e = p + strlen(p);
			while (e > arg && (e[-1] == ' ' || e[-1] == '\t'))
				*--e = 0;
		}
	}
	char script[PATH_MAX];
	strlcpy(script, b->filename, sizeof(script));
	drop_argv0(b);
	int err = prepend_string(b, script);
	if (!err && arg)
		err = prepend_string(b, arg);
	if (!err)
		err = prepend_string(b, interp);
	if (!err)
		err = open_exec(b, interp);
	return err;
}

/* Read and check the ELF header and program headers. */
static int check_elf(struct linux_binprm *b)
{
	struct elf64_hdr *eh = &b->eh;

	memcpy(eh, b->buf, sizeof(*eh));
	if (memcmp(eh->e_ident, "\177ELF", 4) || eh->e_ident[4] != 2 ||
	    eh->e_machine != EM_X86_64 ||
	    (eh->e_type != ET_EXEC && eh->e_type != ET_DYN) ||
	    eh->e_phentsize != sizeof(struct elf64_phdr) ||
	    eh->e_phnum == 0 || eh->e_phnum > 64)
		return -ENOEXEC;
	size_t sz = eh->e_phnum * sizeof(struct elf64_phdr);
	b->phdrs = kmalloc(sz);
	if (!b->phdrs)
		return -ENOMEM;
	if (kernel_read(b->file, b->phdrs, sz, eh->e_phoff) != (ssize_t)sz)
		return -ENOEXEC;
	for (int i = 0; i < eh->e_phnum; i++) {
		struct elf64_phdr *ph = &b->phdrs[i];
		if (ph->p_type == PT_INTERP) {
			pr_warn("exec %s: dynamically linked programs are not supported\n",
				b->filename);
			return -ENOEXEC;
		}
		if (ph->p_type == PT_LOAD &&
		    ((ph->p_vaddr - ph->p_offset) & (PAGE_SIZE - 1) ||
		     ph->p_filesz > ph->p_memsz))
			return -ENOEXEC;
	}
	return 0;
}

/* Find and check the program, following "#!" lines. */
static int prepare_binprm(struct linux_binprm *b, const char *path)
{
	int err = open_exec(b, path);
	for (int depth = 0; !err && b->buf[0] == '#' && b->buf[1] == '!'; depth++) {
		if (depth >= MAX_INTERP_DEPTH)
			return -ELOOP;
		err = load_script(b);
	}
	return err ? err : check_elf(b);
}

static u64 vm_flags_of(const struct elf64_phdr *ph)
{
	u64 f = 0;
	if (ph->p_flags & PF_R)
		f |= VM_READ;
	if (ph->p_flags & PF_W)
		f |= VM_WRITE | VM_READ;
	if (ph->p_flags & PF_X)
		f |= VM_EXEC;
	return f;
}

/* Map one PT_LOAD segment: file pages, then anonymous zero pages for .bss. */
static int map_segment(struct mm_struct *mm, struct linux_binprm *b,
		       const struct elf64_phdr *ph, u64 bias)
{
	u64 start = ALIGN_DOWN(ph->p_vaddr + bias, PAGE_SIZE);
	u64 file_end = ALIGN_UP(ph->p_vaddr + bias + ph->p_filesz, PAGE_SIZE);
	u64 mem_end = ALIGN_UP(ph->p_vaddr + bias + ph->p_memsz, PAGE_SIZE);
	u64 flags = vm_flags_of(ph);
	long r;

	if (ph->p_filesz) {
		r = do_mmap(mm, start, file_end - start, flags, true, b->file,
			    ALIGN_DOWN(ph->p_offset, PAGE_SIZE) >> PAGE_SHIFT, NULL);
		if (r < 0)
			return r;
		/* The file's page goes on past filesz: those bytes must read 0. */
		u64 tail = ph->p_vaddr + bias + ph->p_filesz;
		if ((tail & (PAGE_SIZE - 1)) && (flags & VM_WRITE) &&
		    clear_user((void __user *)tail, ALIGN_UP(tail, PAGE_SIZE) - tail))
			return -EFAULT;
	} else {
		file_end = start;
	}
	if (mem_end > file_end) {
		r = do_mmap(mm, file_end, mem_end - file_end, flags, true, NULL, 0, NULL);
		if (r < 0)
			return r;
	}
	return 0;
}

static long push_bytes(u64 *sp, const void *data, size_t n)
{
	*sp -= n;
	return copy_to_user((void __user *)*sp, data, n);
}

/*
 * The System V x86-64 initial stack: at the top the strings, then, from
 * the stack pointer up: argc, argv[], NULL, envp[], NULL, auxv pairs.
 */
static long setup_stack(struct mm_struct *mm, struct linux_binprm *b,
			u64 *auxv, int auxc, u64 *sp_out)
{
	u64 sp = STACK_TOP;
	u64 n = b->argc + b->envc;
	long err = 0;

	err |= push_bytes(&sp, b->execfn, strlen(b->execfn) + 1);
	u64 execfn_addr = sp;
	err |= push_bytes(&sp, b->strings, b->len);
	u64 strings = sp;
	err |= push_bytes(&sp, "x86_64", 7);
	u64 platform = sp;
	u64 rnd[2] = { rdtsc() * 0x9e3779b97f4a7c15ULL, (u64)mm ^ (rdtsc() << 17) };
	err |= push_bytes(&sp, rnd, 16);
	u64 random = sp;
	for (int i = 0; i < auxc; i += 2) {
		if (auxv[i] == AT_EXECFN)
			auxv[i + 1] = execfn_addr;
		else if (auxv[i] == AT_RANDOM)
			auxv[i + 1] = random;
		else if (auxv[i] == AT_PLATFORM)
			auxv[i + 1] = platform;
	}
	/* Align so that rsp is 16-byte aligned at argc. */
	u64 words = 1 + (n + 2) + auxc;
	sp = ALIGN_DOWN(sp - words * 8, 16);
	u64 p = sp;
	err |= put_user_u64(b->argc, (void __user *)p);
	p += 8;
	u64 s = strings;
	for (u64 i = 0; i < n; i++) {
		if (i == (u64)b->argc) {
			err |= put_user_u64(0, (void __user *)p);
			p += 8;
		}
		err |= put_user_u64(s, (void __user *)p);
		p += 8;
		s += strlen(b->strings + (s - strings)) + 1;
	}
	if (n == (u64)b->argc) {
		err |= put_user_u64(0, (void __user *)p);
		p += 8;
	}
	err |= put_user_u64(0, (void __user *)p);
	p += 8;
	err |= copy_to_user((void __user *)p, auxv, auxc * 8);
	mm->arg_start = strings;
	mm->arg_end = mm->env_start = strings + (b->argc ? 0 : 0);
	for (int i = 0, off = 0; i < b->argc; i++)
		off += strlen(b->strings + off) + 1, mm->arg_end = strings + off;
	mm->env_end = strings + b->len;
	mm->env_start = mm->arg_end;
	mm->start_stack = sp;
	*sp_out = sp;
	return err ? -EFAULT : 0;
}

static u32 cpuid_edx_1(void)
{
	u32 a, bb, c, d;
	__asm__ volatile("cpuid" : "=a"(a), "=b"(bb), "=c"(c), "=d"(d) : "a"(1), "c"(0));
	return d;
}

/* Build the new address space and enter it; past the commit point. */
static long load_elf(struct linux_binprm *b, u64 *entry, u64 *sp)
{
	struct elf64_hdr *eh = &b->eh;
	u64 bias = eh->e_type == ET_DYN ? ELF_ET_DYN_BASE : 0;
	u64 phdr_addr = 0, brk = 0;
	struct mm_struct *mm = current->mm;

	for (int i = 0; i < eh->e_phnum; i++) {
		struct elf64_phdr *ph = &b->phdrs[i];
		if (ph->p_type == PT_PHDR)
			phdr_addr = ph->p_vaddr + bias;
		if (ph->p_type != PT_LOAD)
			continue;
		long err = map_segment(mm, b, ph, bias);
		if (err)
			return err;
		if (!phdr_addr && ph->p_offset == 0)
			phdr_addr = ph->p_vaddr + bias + eh->e_phoff;
		u64 end = ph->p_vaddr + bias + ph->p_memsz;
		if (end > brk)
			brk = end;
		if (ph->p_flags & PF_X) {
			mm->start_code = ph->p_vaddr + bias;
			mm->end_code = ph->p_vaddr + bias + ph->p_filesz;
		} else if (ph->p_flags & PF_W) {
			mm->start_data = ph->p_vaddr + bias;
			mm->end_data = ph->p_vaddr + bias + ph->p_filesz;
		}
	}
	mm->start_brk = mm->brk = ALIGN_UP(brk, PAGE_SIZE);
	long err = do_mmap(mm, STACK_TOP - STACK_INITIAL, STACK_INITIAL,
			   VM_READ | VM_WRITE | VM_GROWSDOWN, true, NULL, 0, "[stack]");
	if (err < 0)
		return err;
	struct cred *c = current->cred;
	u64 auxv[] = {
		AT_HWCAP, cpuid_edx_1(), AT_PAGESZ, PAGE_SIZE, AT_CLKTCK, 100,
		AT_PHDR, phdr_addr, AT_PHENT, sizeof(struct elf64_phdr),
		AT_PHNUM, eh->e_phnum, AT_BASE, 0, AT_FLAGS, 0,
		AT_ENTRY, eh->e_entry + bias, AT_UID, c->uid, AT_EUID, c->euid,
		AT_GID, c->gid, AT_EGID, c->egid, AT_SECURE, 0,
		AT_RANDOM, 0, AT_HWCAP2, 0, AT_EXECFN, 0, AT_PLATFORM, 0,
		AT_MINSIGSTKSZ, 2048, AT_NULL, 0,
	};
	memcpy(mm->saved_auxv, auxv, sizeof(auxv));
	*entry = eh->e_entry + bias;
	return setup_stack(mm, b, auxv, ARRAY_SIZE(auxv), sp);
}

/*
 * A non-leader thread that execs takes over the leader's identity, as on
 * Linux: the process keeps its PID.  The old leader is a zombie by now;
 * the caller takes its PID and its place among its parent's children.
 */
static void take_over_leader(struct task_struct *t)
{
	struct task_struct *leader = t->group_leader;
	pid_t tid = t->pid;

	t->pid = leader->pid;
	leader->pid = tid;		/* release_task frees this one */
	t->real_parent = leader->real_parent;
	t->parent = leader->parent;
	t->exit_signal = leader->exit_signal;
	t->start_time_ns = leader->start_time_ns;
	list_add_tail(&t->sibling, &t->real_parent->children);
	list_del(&leader->thread_group);
	t->group_leader = t;
	leader->exit_signal = -1;
	release_task(leader);
}

/*
 * Kill every other thread of the group and wait until they are gone
 * (Linux's de_thread).  group_exit_task marks the exec in progress, so
 * the dying threads do not take the exec'ing one with them.
 */
static void de_thread(void)
{
	struct task_struct *t = current;

	if (t->signal->nr_threads <= 1 && t == t->group_leader)
		return;
	t->signal->group_exit_task = t;
	zap_other_threads(t);
	while (t->signal->nr_threads > 1 ||
	       (t != t->group_leader && t->group_leader->exit_state != EXIT_ZOMBIE))
		schedule();		/* still TASK_RUNNING: just yield */
	if (t != t->group_leader)
		take_over_leader(t);
	t->signal->group_exit_task = NULL;
}

/* Past the commit point: swap in a fresh address space and set it up. */
static long exec_commit(struct linux_binprm *b)
{
	struct task_struct *t = current;
	struct mm_struct *old = t->mm, *mm = mm_alloc();
	u64 entry, sp;

	if (!mm)
		return -ENOMEM;
	de_thread();
	t->mm = mm;
	mm->exe_file = get_file(b->file);
	switch_pgd(mm->pgd);
	if (old) {
		complete_vfork_done(t);
		mmput(old);
	}
	long err = load_elf(b, &entry, &sp);
	if (err) {
		/* Nothing to return to: the old program is gone. */
		force_sig_fault(SIGKILL, SI_KERNEL, 0);
		return err;
	}
	if (t->files)
		files_close_on_exec(t->files);
	flush_signal_handlers_on_exec(t);
	/* Linux names the task after the file exec'd, the script for "#!". */
	const char *base = strrchr(b->execfn, '/');
	strlcpy(t->comm, base ? base + 1 : b->execfn, sizeof(t->comm));
	t->did_exec = true;
	trace_sched_process_exec(b->filename);

	struct pt_regs *r = t->regs;
	memset(r, 0, sizeof(*r));
	r->rip = entry;
	r->rsp = sp;
	r->cs = USER_CS;
	r->ss = USER_DS;
	r->rflags = 0x202;
	r->orig_rax = -1;
	t->thread.fsbase = 0;
	wrmsr(MSR_FS_BASE, 0);
	fpu_init_state(t->thread.fpu);
	__asm__ volatile("fxrstor (%0)" : : "r"(t->thread.fpu));
	return 0;
}

static void free_binprm(struct linux_binprm *b)
{
	if (b->file)
		fput(b->file);
	kfree(b->strings);
	kfree(b->phdrs);
	kfree(b);
}

static long do_execve(const char *path, struct linux_binprm *b)
{
	strlcpy(b->execfn, path, sizeof(b->execfn));
	long err = prepare_binprm(b, path);
	if (!err)
		err = exec_commit(b);
	free_binprm(b);
	return err;
}

long sys_execve(const char __user *upath, const char __user *const __user *argv,
		const char __user *const __user *envp)
{
	struct linux_binprm *b = kzalloc(sizeof(*b));
	if (!b)
		return -ENOMEM;
	char *path = kmalloc(PATH_MAX);
	long err = path ? strncpy_from_user(path, upath, PATH_MAX) : -ENOMEM;
	if (err == PATH_MAX)
		err = -ENAMETOOLONG;
	else if (err == 0)
		err = -ENOENT;
	if (err >= 0)
		err = b->argc = copy_user_strings(b, argv);
	if (err >= 0)
		err = b->envc = copy_user_strings(b, envp);
	if (err < 0) {
		kfree(path);
		free_binprm(b);
		return err;
	}
	err = do_execve(path, b);
	kfree(path);
	/* On success the return value is the new program's rax: zero. */
	return err;
}

int kernel_execve(const char *path, const char *const *argv,
		  const char *const *envp)
{
	struct linux_binprm *b = kzalloc(sizeof(*b));
	if (!b)
		return -ENOMEM;
	long n = copy_kernel_strings(b, argv);
	if (n >= 0) {
		b->argc = n;
		n = copy_kernel_strings(b, envp);
		b->envc = n;
	}
	if (n < 0) {
		free_binprm(b);
		return n;
	}
	return do_execve(path, b);
}
