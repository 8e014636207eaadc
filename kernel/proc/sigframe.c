/*
 * The x86-64 signal frame, laid out exactly as Linux's
 * arch/x86/kernel/signal.c builds it, so that musl's handlers and its
 * rt_sigreturn trampoline work unchanged.  From the handler's rsp upwards:
 *
 *	rsp ->	pretcode	return address: sa_restorer (calls rt_sigreturn)
 *		struct ucontext	uc_flags, uc_link, uc_stack, uc_mcontext
 *				(struct sigcontext: the registers), uc_sigmask
 *		struct siginfo	128 bytes
 *		...		padding
 *		fpstate		512-byte fxsave image, 64-byte aligned
 *
 * rsp % 16 == 8 at entry, as after a call.  rt_sigreturn reads the frame
 * back (the trampoline's ret has popped pretcode, so it is at rsp - 8),
 * takes only the rflags bits user code may change and the user segment
 * selectors, and restores the mask and the FPU.  sigaltstack lives here too.
 * docs/signals.md walks through it.
 */
#include <tine/task.h>
#include <tine/signal.h>
#include <tine/ptrace.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/syscalls.h>

struct sigcontext_64 {
	u64 r8, r9, r10, r11, r12, r13, r14, r15;
	u64 rdi, rsi, rbp, rbx, rdx, rax, rcx, rsp, rip;
	u64 eflags;
	u16 cs, gs, fs, ss;
	u64 err, trapno, oldmask, cr2;
	u64 fpstate;			/* user address of the fxsave image */
	u64 reserved1[8];
};

struct user_stack {			/* stack_t */
	u64 ss_sp;
	int ss_flags;
	u64 ss_size;
};

struct ucontext_64 {
	u64 uc_flags;
	u64 uc_link;
	struct user_stack uc_stack;
	struct sigcontext_64 uc_mcontext;
	sigset_t uc_sigmask;
};

/* The user siginfo: the union starts at 16 (Linux's __ARCH_SI_PREAMBLE). */
struct user_siginfo {
	int si_signo, si_errno, si_code, pad;
	union {
		struct { int pid; u32 uid; u64 value; } rt;	/* kill, sigqueue */
		struct { int pid; u32 uid; int status, pad; s64 utime, stime; } chld;
		struct { u64 addr; } fault;
		u8 pad[112];
	} u;
};

struct rt_sigframe {
	u64 pretcode;
	struct ucontext_64 uc;
	struct user_siginfo info;
};

_Static_assert(sizeof(struct sigcontext_64) == 256, "sigcontext is 256 bytes");
_Static_assert(sizeof(struct ucontext_64) == 304, "ucontext is 304 bytes");
_Static_assert(sizeof(struct user_siginfo) == 128, "siginfo is 128 bytes");

#define UC_SIGCONTEXT_SS	0x2
#define UC_STRICT_RESTORE_SS	0x4
#define FXSAVE_SIZE		512
#define REDZONE			128	/* the x86-64 ABI's red zone below rsp */

/* The rflags bits sigreturn takes from user memory (Linux's FIX_EFLAGS). */
#define FIX_EFLAGS (0x1 | 0x4 | 0x10 | 0x40 | 0x80 | 0x100 | 0x400 | 0x800 | \
		    0x10000 | 0x40000)	/* CF PF AF ZF SF TF DF OF RF AC */

struct fxregs {
	u8 b[FXSAVE_SIZE];
} __attribute__((aligned(16)));

static void fxsave(struct fxregs *fx)
{
	__asm__ volatile("fxsave (%0)" : : "r"(fx->b) : "memory");
}

static void fxrstor(const struct fxregs *fx)
{
	__asm__ volatile("fxrstor (%0)" : : "r"(fx->b) : "memory");
}

/* MXCSR bits the CPU accepts: a reserved bit set would fault in fxrstor. */
static u32 mxcsr_mask(void)
{
	static u32 mask;
	if (!mask) {
		struct fxregs fx;
		memset(&fx, 0, sizeof(fx));
		fxsave(&fx);
		memcpy(&mask, fx.b + 28, 4);
		if (!mask)
			mask = 0xffbf;
	}
	return mask;
}

/* The FPU state a handler starts with: Linux's init state (FCW 0x37f, MXCSR 0x1f80). */
static void fpu_reset(void)
{
	struct fxregs fx;
	u16 fcw = 0x37f;
	u32 mxcsr = 0x1f80;

	memset(&fx, 0, sizeof(fx));
	memcpy(fx.b, &fcw, 2);
	memcpy(fx.b + 24, &mxcsr, 4);
	fxrstor(&fx);
}

bool on_sig_stack(u64 sp)
{
	struct task_struct *t = current;
	return t->sas_ss_size && sp > t->sas_ss_sp && sp - t->sas_ss_sp <= t->sas_ss_size;
}

/* Linux's copy_siginfo_to_user: which union member depends on the signal. */
static void fill_user_siginfo(struct user_siginfo *u, const struct kernel_siginfo *k)
{
	memset(u, 0, sizeof(*u));
	u->si_signo = k->si_signo;
	u->si_errno = k->si_errno;
	u->si_code = k->si_code;
	bool fault = k->si_code > 0 && k->si_code < SI_KERNEL &&
		     (k->si_signo == SIGSEGV || k->si_signo == SIGBUS || k->si_signo == SIGILL ||
		      k->si_signo == SIGFPE || k->si_signo == SIGTRAP);
	if (fault) {
		u->u.fault.addr = k->si_addr;
	} else if (k->si_signo == SIGCHLD && k->si_code > 0 && k->si_code < SI_KERNEL) {
		u->u.chld.pid = k->si_pid;
		u->u.chld.uid = k->si_uid;
		u->u.chld.status = k->si_status;
		u->u.chld.utime = k->si_utime;
		u->u.chld.stime = k->si_stime;
	} else {
		u->u.rt.pid = k->si_pid;
		u->u.rt.uid = k->si_uid;
		if (k->si_code < 0)
			u->u.rt.value = k->si_value;
	}
}

/* For rt_sigtimedwait and friends: the same layout as in a frame. */
long copy_siginfo_to_user(void __user *to, const struct kernel_siginfo *info)
{
	struct user_siginfo u;
	fill_user_siginfo(&u, info);
	return copy_to_user(to, &u, sizeof(u)) ? -EFAULT : 0;
}

/* The inverse, for rt_sigqueueinfo: the rt member (pid, uid, value). */
long copy_siginfo_from_user(struct kernel_siginfo *info, const void __user *from)
{
	struct user_siginfo u;
	if (copy_from_user(&u, from, sizeof(u)))
		return -EFAULT;
	memset(info, 0, sizeof(*info));
	info->si_signo = u.si_signo;
	info->si_errno = u.si_errno;
	info->si_code = u.si_code;
	info->si_pid = u.u.rt.pid;
	info->si_uid = u.u.rt.uid;
	info->si_value = u.u.rt.value;
	return 0;
}

static void save_sigcontext(struct sigcontext_64 *sc, const struct pt_regs *r,
			    const struct kernel_siginfo *info, sigset_t oldset, u64 fpstate)
{
	memset(sc, 0, sizeof(*sc));
	sc->r8 = r->r8; sc->r9 = r->r9; sc->r10 = r->r10; sc->r11 = r->r11;
	sc->r12 = r->r12; sc->r13 = r->r13; sc->r14 = r->r14; sc->r15 = r->r15;
	sc->rdi = r->rdi; sc->rsi = r->rsi; sc->rbp = r->rbp; sc->rbx = r->rbx;
	sc->rdx = r->rdx; sc->rax = r->rax; sc->rcx = r->rcx; sc->rsp = r->rsp;
	sc->rip = r->rip;
	sc->eflags = r->rflags;
	sc->cs = r->cs;
	sc->ss = r->ss;
	if (r->trapno != TRAP_SYSCALL) {
		sc->trapno = r->trapno;
		sc->err = r->err;
	}
	sc->oldmask = oldset;
	if (info->si_signo == SIGSEGV || info->si_signo == SIGBUS)
		sc->cr2 = info->si_addr;
	sc->fpstate = fpstate;
}

/*
 * Where the frame goes (Linux's get_sigframe): below the red zone, or at
 * the top of the alternate stack for SA_ONSTACK when not already on it;
 * the fxsave image 64-byte aligned first, then the frame with rsp % 16 == 8.
 */
static u64 get_sigframe(const struct k_sigaction *ka, const struct pt_regs *regs,
			u64 *fpstate)
{
	struct task_struct *t = current;
	u64 sp = regs->rsp - REDZONE;

	if ((ka->flags & SA_ONSTACK) && t->sas_ss_size && !on_sig_stack(regs->rsp)) {
		sp = t->sas_ss_sp + t->sas_ss_size;
		if (t->sas_ss_flags & SS_AUTODISARM)
			t->sas_ss_sp = t->sas_ss_size = 0;
	}
	sp = (sp - FXSAVE_SIZE) & ~63ULL;
	*fpstate = sp;
	sp -= sizeof(struct rt_sigframe);
	return (sp & ~15ULL) - 8;
}

/* Push the frame and point the registers at the handler; 0 or -EFAULT. */
int setup_rt_frame(int sig, struct k_sigaction *ka, struct kernel_siginfo *info,
		   sigset_t oldset, struct pt_regs *regs)
{
	struct task_struct *t = current;
	struct rt_sigframe f;
	struct fxregs fx;
	u64 ss_sp = t->sas_ss_sp, ss_size = t->sas_ss_size, fpstate;
	int ss_flags = !ss_size ? SS_DISABLE : on_sig_stack(regs->rsp) ? SS_ONSTACK : 0;

	u64 frame = get_sigframe(ka, regs, &fpstate);
	fxsave(&fx);
	if (copy_to_user((void __user *)fpstate, fx.b, FXSAVE_SIZE))
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	f.pretcode = ka->restorer;	/* musl always passes SA_RESTORER */
	f.uc.uc_flags = UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS;
	f.uc.uc_stack.ss_sp = ss_sp;
	f.uc.uc_stack.ss_flags = ss_flags | (t->sas_ss_flags & SS_AUTODISARM);
	f.uc.uc_stack.ss_size = ss_size;
	save_sigcontext(&f.uc.uc_mcontext, regs, info, oldset, fpstate);
	f.uc.uc_sigmask = oldset;
	fill_user_siginfo(&f.info, info);
	if (copy_to_user((void __user *)frame, &f, sizeof(f)))
		return -EFAULT;

	regs->rdi = sig;
	regs->rsi = frame + __builtin_offsetof(struct rt_sigframe, info);
	regs->rdx = frame + __builtin_offsetof(struct rt_sigframe, uc);
	regs->rax = 0;
	regs->rsp = frame;
	regs->rip = ka->handler;
	regs->cs = USER_CS;
	regs->ss = USER_DS;
	regs->rflags &= ~(0x100ULL | 0x400ULL | 0x10000ULL);	/* TF, DF, RF */
	fpu_reset();
	return 0;
}

static bool canonical_user(u64 a)
{
	return a < USER_TOP;
}

/* Take back the registers; false if they cannot be returned to safely. */
static bool restore_sigcontext(struct pt_regs *r, const struct sigcontext_64 *sc)
{
	if (!canonical_user(sc->rip) || !canonical_user(sc->rsp))
		return false;
	r->r8 = sc->r8; r->r9 = sc->r9; r->r10 = sc->r10; r->r11 = sc->r11;
	r->r12 = sc->r12; r->r13 = sc->r13; r->r14 = sc->r14; r->r15 = sc->r15;
	r->rdi = sc->rdi; r->rsi = sc->rsi; r->rbp = sc->rbp; r->rbx = sc->rbx;
	r->rdx = sc->rdx; r->rax = sc->rax; r->rcx = sc->rcx; r->rsp = sc->rsp;
	r->rip = sc->rip;
	r->rflags = (r->rflags & ~(u64)FIX_EFLAGS) | (sc->eflags & FIX_EFLAGS);
	/* Only the user code segments and the user data segment are allowed. */
	r->cs = (sc->cs == USER32_CS) ? USER32_CS : USER_CS;
	r->ss = USER_DS;
	r->orig_rax = (u64)-1;		/* no system call to restart any more */
	return true;
}

/* Load the saved FPU image (or the init state if the frame has none). */
static long restore_fpstate(u64 fpstate)
{
	struct fxregs fx;

	if (!fpstate) {
		fpu_reset();
		return 0;
	}
	if (copy_from_user(fx.b, (const void __user *)fpstate, FXSAVE_SIZE))
		return -EFAULT;
	u32 mxcsr;
	memcpy(&mxcsr, fx.b + 24, 4);
	mxcsr &= mxcsr_mask();
	memcpy(fx.b + 24, &mxcsr, 4);
	fxrstor(&fx);
	return 0;
}

/* rt_sigreturn: undo setup_rt_frame.  A corrupt frame is fatal (SIGSEGV). */
long sys_rt_sigreturn(void)
{
	struct task_struct *t = current;
	struct pt_regs *regs = t->regs;
	struct ucontext_64 uc;
	u64 frame = regs->rsp - 8;

	if (copy_from_user(&uc, (const void __user *)(frame + 8), sizeof(uc)))
		goto bad;
	set_current_blocked(uc.uc_sigmask);
	if (!restore_sigcontext(regs, &uc.uc_mcontext))
		goto bad;
	if (restore_fpstate(uc.uc_mcontext.fpstate))
		goto bad;
	/* Linux restores the sigaltstack settings too (restore_altstack). */
	if (!on_sig_stack(regs->rsp) && uc.uc_stack.ss_size >= MINSIGSTKSZ &&
	    !(uc.uc_stack.ss_flags & SS_DISABLE)) {
		t->sas_ss_sp = uc.uc_stack.ss_sp;
		t->sas_ss_size = uc.uc_stack.ss_size;
		t->sas_ss_flags = uc.uc_stack.ss_flags & SS_AUTODISARM;
	}
	return regs->rax;
bad:
	force_sig(SIGSEGV);
	return 0;
}

/*
 * sigaltstack: "EPERM: an attempt was made to change the alternate signal
 * stack while it was active"; "ENOMEM: the specified size of the new
 * alternate signal stack was less than MINSIGSTKSZ" (sigaltstack(2)).
 */
long sys_sigaltstack(const void __user *uss, void __user *uoss)
{
	struct task_struct *t = current;
	struct user_stack old, ss;
	bool onstack = on_sig_stack(t->regs->rsp);

	memset(&old, 0, sizeof(old));
	old.ss_sp = t->sas_ss_sp;
	old.ss_size = t->sas_ss_size;
	old.ss_flags = onstack ? SS_ONSTACK : !t->sas_ss_size ? SS_DISABLE : 0;
	old.ss_flags |= t->sas_ss_flags & SS_AUTODISARM;
	if (uss) {
		if (copy_from_user(&ss, uss, sizeof(ss)))
			return -EFAULT;
		if (onstack)
			return -EPERM;
		unsigned int mode = ss.ss_flags & ~SS_AUTODISARM;
		if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
			return -EINVAL;
		if (mode == SS_DISABLE) {
			ss.ss_size = 0;
			ss.ss_sp = 0;
		} else if (ss.ss_size < MINSIGSTKSZ) {
			return -ENOMEM;
		}
		t->sas_ss_sp = ss.ss_sp;
		t->sas_ss_size = ss.ss_size;
		t->sas_ss_flags = ss.ss_flags & SS_AUTODISARM;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old)))
		return -EFAULT;
	return 0;
}
