/*
 * The console tty on the serial port, with a small line discipline (Linux's
 * n_tty, cut down).  Output: "\n" becomes "\r\n" under OPOST|ONLCR.  Input
 * arrives one byte at a time from the serial interrupt (tty_receive_char,
 * interrupt context: never sleeps, only wakes readers):
 *  - ISIG: VINTR (^C), VQUIT (^\) and VSUSP (^Z) send SIGINT, SIGQUIT and
 *    SIGTSTP to the foreground process group and flush pending input;
 *  - ICANON: input is edited a line at a time: VERASE (DEL, ^H) removes a
 *    byte, VKILL (^U) the line, VEOF (^D) ends it without a newline (at the
 *    start of a line: read returns 0), and read returns at most one line;
 *  - otherwise (raw) bytes are readable at once, with VMIN/VTIME:
 *    VMIN=0,VTIME=0 never waits; VTIME>0 waits at most VTIME tenths of a
 *    second for the first byte; else wait for the first byte.
 *  - ECHO echoes (control characters as ^X with ECHOCTL).
 * termios, window size and the foreground group are set by ioctl.
 * Job-control checks (SIGTTIN, SIGTTOU) are not done yet.
 */
#include <tine/fs.h>
#include <tine/tty.h>
#include <tine/task.h>
#include <tine/sched.h>
#include <tine/signal.h>
#include <tine/serial.h>
#include <tine/spinlock.h>
#include <tine/string.h>
#include <tine/errno.h>

#define TCGETS		0x5401
#define TCSETS		0x5402
#define TCSETSW		0x5403
#define TCSETSF		0x5404
#define TCSBRK		0x5409
#define TCXONC		0x540A
#define TCFLSH		0x540B
#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCGWINSZ	0x5413
#define TIOCSWINSZ	0x5414
#define FIONREAD	0x541B
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429

#define TTY_EOF		0x100		/* the EOF marker in the ring */

/* Linux's tty_std_termios, with its INIT_C_CC control characters. */
struct tty_struct console_tty = {
	.name = "ttyS0",
	.termios = {
		.c_iflag = ICRNL | IXON,
		.c_oflag = OPOST | ONLCR,
		.c_cflag = 0002277,	/* B38400 | CS8 | CREAD | HUPCL */
		.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL |
			   ECHOKE | IEXTEN,
		.c_cc = { 3, 28, 127, 21, 4, 0, 1, 0, 17, 19, 26, 0, 18, 15,
			  23, 22, 0 },
	},
	.winsize = { 24, 80, 0, 0 },
};

static spinlock_t tty_lock = SPINLOCK_INIT("tty_lock");

/* Write bytes to the line, applying the output flags. */
static void tty_output(struct tty_struct *tty, const char *s, size_t n)
{
	bool onlcr = (tty->termios.c_oflag & (OPOST | ONLCR)) == (OPOST | ONLCR);
	size_t start = 0;

	for (size_t i = 0; i < n && onlcr; i++) {
		if (s[i] != '\n')
			continue;
		serial_write(s + start, i - start);
		serial_write("\r\n", 2);
		start = i + 1;
	}
	serial_write(s + start, n - start);
}

static void echo_char(struct tty_struct *tty, char c)
{
	bool ctl = (u8)c < 32 && c != '\n' && c != '\t';

	if (!(tty->termios.c_lflag & ECHO))
		return;
	if (ctl && (tty->termios.c_lflag & ECHOCTL)) {
		char s[2] = { '^', (char)(c + '@') };
		tty_output(tty, s, 2);
	} else {
		tty_output(tty, &c, 1);
	}
}

static void ring_put(struct tty_struct *tty, u16 c)
{
	if (tty->head - tty->tail < N_TTY_BUF_SIZE)
		tty->ring[tty->head++ % N_TTY_BUF_SIZE] = c;
}

static void flush_input(struct tty_struct *tty)
{
	tty->head = tty->tail = 0;
	tty->lines = 0;
	tty->line_len = 0;
}

/* End the line being edited: move it (and the delimiter) to the ring. */
static void end_line(struct tty_struct *tty, u16 delim)
{
	for (u32 i = 0; i < tty->line_len; i++)
		ring_put(tty, (u8)tty->line[i]);
	ring_put(tty, delim);
	tty->line_len = 0;
	tty->lines++;
}

static void erase_chars(struct tty_struct *tty, u32 n)
{
	while (n-- && tty->line_len) {
		char c = tty->line[--tty->line_len];
		bool two = (u8)c < 32 && (tty->termios.c_lflag & ECHOCTL);
		if ((tty->termios.c_lflag & (ECHO | ECHOE)) == (ECHO | ECHOE))
			serial_write(two ? "\b \b\b \b" : "\b \b", two ? 6 : 3);
	}
}

/* ISIG: the signal characters.  True if c was one. */
static bool signal_char(struct tty_struct *tty, char c)
{
	const u8 *cc = tty->termios.c_cc;
	int sig = 0;

	if (!(tty->termios.c_lflag & ISIG) || !c)
		return false;
	if (c == cc[VINTR])
		sig = SIGINT;
	else if (c == cc[VQUIT])
		sig = SIGQUIT;
	else if (c == cc[VSUSP])
		sig = SIGTSTP;
	if (!sig)
		return false;
	if (!(tty->termios.c_lflag & NOFLSH))
		flush_input(tty);
	echo_char(tty, c);
	if (tty->pgrp > 0)
		kill_pgrp(tty->pgrp, sig);
	return true;
}

/* ICANON: editing characters and line ends; everything else is text. */
static void canon_char(struct tty_struct *tty, char c)
{
	const u8 *cc = tty->termios.c_cc;

	if (c == cc[VERASE] || c == '\b') {
		erase_chars(tty, 1);
	} else if (c == cc[VKILL]) {
		erase_chars(tty, tty->line_len);
	} else if (c == cc[VEOF]) {
		end_line(tty, TTY_EOF);
	} else if (c == '\n' || (c && (c == cc[VEOL] || c == cc[VEOL2]))) {
		if (tty->termios.c_lflag & (ECHO | ECHONL))
			tty_output(tty, "\n", 1);
		end_line(tty, (u8)c);
	} else if (tty->line_len < N_TTY_BUF_SIZE - 1) {
		tty->line[tty->line_len++] = c;
		echo_char(tty, c);
	}
}

static void receive_locked(struct tty_struct *tty, char c)
{
	u32 iflag = tty->termios.c_iflag;

	if (c == '\r' && (iflag & IGNCR))
		return;
	if (c == '\r' && (iflag & ICRNL))
		c = '\n';
	else if (c == '\n' && (iflag & INLCR))
		c = '\r';
	if (signal_char(tty, c))
		return;
	if (tty->termios.c_lflag & ICANON) {
		canon_char(tty, c);
	} else {
		ring_put(tty, (u8)c);
		echo_char(tty, c);
	}
}

/* Called by the serial interrupt handler for each received byte. */
void tty_receive_char(char c)
{
	struct tty_struct *tty = &console_tty;
	u64 flags = spin_lock_irqsave(&tty_lock);

	receive_locked(tty, c);
	spin_unlock_irqrestore(&tty_lock, flags);
	wake_up(&tty->read_wait);
}

static bool canon(struct tty_struct *tty)
{
	return tty->termios.c_lflag & ICANON;
}

static bool input_ready(struct tty_struct *tty)
{
	return canon(tty) ? tty->lines > 0 : tty->head != tty->tail;
}

/* Take bytes out of the ring into kbuf: a line at most in canonical mode.
 * An EOF marker ends the line it follows and is consumed with it; alone it
 * makes read return 0. */
static size_t take_input(struct tty_struct *tty, char *kbuf, size_t n)
{
	const u8 *cc = tty->termios.c_cc;
	size_t done = 0;

	while (done < n && tty->head != tty->tail) {
		u16 c = tty->ring[tty->tail++ % N_TTY_BUF_SIZE];
		if (c == TTY_EOF) {
			tty->lines--;
			break;
		}
		kbuf[done++] = (char)c;
		if (canon(tty) && (c == '\n' || (c && (c == cc[VEOL] || c == cc[VEOL2])))) {
			tty->lines--;
			break;
		}
	}
	return done;
}

/* Wait for input as termios says; 0 when there is some, 1 on a raw-mode
 * timeout or VMIN=0 poll, or -errno. */
static long wait_input(struct tty_struct *tty, struct file *f)
{
	const u8 *cc = tty->termios.c_cc;

	if (input_ready(tty))
		return 0;
	if (f->f_flags & O_NONBLOCK)
		return -EAGAIN;
	if (!canon(tty) && cc[VMIN] == 0 && cc[VTIME] == 0)
		return 1;
	if (!canon(tty) && cc[VTIME] > 0) {
		u64 left = (u64)cc[VTIME] * 100000000ULL;
		while (!input_ready(tty) && left) {
			long r = schedule_timeout_ns(left, &left);
			if (r == -ERESTARTSYS && !input_ready(tty))
				return r;
		}
		return input_ready(tty) ? 0 : 1;
	}
	return wait_event_interruptible(tty->read_wait, input_ready(tty));
}

static ssize_t tty_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	struct tty_struct *tty = &console_tty;
	char kbuf[256];
	size_t got;
	u64 flags;
	long r;

	(void)pos;
	/* Job control (kernel/proc/pgrp.c): a background reader gets SIGTTIN. */
	r = tty_job_control(tty, SIGTTIN);
	if (r)
		return r;
	if (n == 0)
		return 0;
	r = wait_input(tty, f);
	if (r)
		return r < 0 ? r : 0;
	flags = spin_lock_irqsave(&tty_lock);
	got = take_input(tty, kbuf, MIN(n, sizeof(kbuf)));
	spin_unlock_irqrestore(&tty_lock, flags);
	return copy_to_user(buf, kbuf, got) ? -EFAULT : (ssize_t)got;
}

static ssize_t tty_write(struct file *f, const char *buf, size_t n, u64 *pos)
{
	char kbuf[256];
	size_t done = 0;

	(void)f, (void)pos;
	/* Job control: with TOSTOP a background writer gets SIGTTOU. */
	if (console_tty.termios.c_lflag & TOSTOP) {
		long r = tty_job_control(&console_tty, SIGTTOU);
		if (r)
			return r;
	}
	while (done < n) {
		size_t chunk = MIN(n - done, sizeof(kbuf));
		if (copy_from_user(kbuf, buf + done, chunk))
			return done ? (ssize_t)done : -EFAULT;
		tty_output(&console_tty, kbuf, chunk);
		done += chunk;
	}
	return done;
}

static unsigned int tty_poll(struct file *f, struct poll_table *pt)
{
	struct tty_struct *tty = &console_tty;

	poll_wait(f, &tty->read_wait, pt);
	return POLLOUT | POLLWRNORM | (input_ready(tty) ? POLLIN | POLLRDNORM : 0);
}

static long tty_set_termios(struct tty_struct *tty, unsigned int cmd,
			    const void __user *arg)
{
	struct termios t;
	u64 flags;

	if (copy_from_user(&t, arg, sizeof(t)))
		return -EFAULT;
	flags = spin_lock_irqsave(&tty_lock);
	if (cmd == TCSETSF)
		flush_input(tty);
	/* Leaving canonical mode makes the half-typed line readable. */
	if ((tty->termios.c_lflag & ICANON) && !(t.c_lflag & ICANON)) {
		for (u32 i = 0; i < tty->line_len; i++)
			ring_put(tty, (u8)tty->line[i]);
		tty->line_len = 0;
	}
	tty->termios = t;
	spin_unlock_irqrestore(&tty_lock, flags);
	wake_up(&tty->read_wait);
	return 0;
}

/* TIOCSCTTY: make this the caller's controlling terminal (session leader). */
static long tty_set_ctty(struct tty_struct *tty)
{
	struct signal_struct *sig = current->signal;

	if (sig->tty == tty)
		return 0;
	if (sig->session != current->tgid || sig->tty)
		return -EPERM;
	sig->tty = tty;
	tty->session = sig->session;
	tty->pgrp = sig->pgrp;
	return 0;
}

static long tty_ioctl_pgrp(struct tty_struct *tty, unsigned int cmd,
			   void __user *arg)
{
	u32 v;

	/* Linux's tiocgpgrp: only for the caller's controlling terminal. */
	if (cmd == TIOCGPGRP) {
		if (current->signal->tty != tty)
			return -ENOTTY;
		return put_user_u32(tty->pgrp, arg) ? -EFAULT : 0;
	}
	if (cmd == TIOCGSID)
		return tty->session ? (put_user_u32(tty->session, arg) ? -EFAULT : 0)
				    : -ENOTTY;
	/* TIOCSPGRP (Linux's tiocspgrp): a background caller gets SIGTTOU;
	 * only the session's own terminal, and a group of that session. */
	long r = tty_job_control(tty, SIGTTOU);
	if (r)
		return r;
	if (get_user_u32(&v, arg))
		return -EFAULT;
	if ((s32)v < 0)
		return -EINVAL;
	if (current->signal->tty != tty || tty->session != current->signal->session)
		return -ENOTTY;
	if (getpgid_in_session(v) < 0)
		return -EPERM;
	tty->pgrp = v;
	return 0;
}

static long tty_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	struct tty_struct *tty = &console_tty;
	void __user *p = (void __user *)arg;

	(void)f;
	switch (cmd) {
	case TCGETS:
		return copy_to_user(p, &tty->termios, sizeof(tty->termios)) ? -EFAULT : 0;
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
		return tty_set_termios(tty, cmd, p);
	case TIOCGWINSZ:
		return copy_to_user(p, &tty->winsize, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCSWINSZ:
		return copy_from_user(&tty->winsize, p, sizeof(tty->winsize)) ? -EFAULT : 0;
	case TIOCGPGRP:
	case TIOCSPGRP:
	case TIOCGSID:
		return tty_ioctl_pgrp(tty, cmd, p);
	case TIOCSCTTY:
		return tty_set_ctty(tty);
	case TIOCNOTTY:
		if (current->signal->tty != tty)
			return -ENOTTY;
		current->signal->tty = NULL;
		return 0;
	case FIONREAD:
		return put_user_u32(tty->head - tty->tail, p) ? -EFAULT : 0;
	case TCFLSH:
		flush_input(tty);
		return 0;
	case TCSBRK:
	case TCXONC:
		return 0;		/* output is never queued */
	default:
		return -ENOTTY;
	}
}

/*
 * Opening ttyS0 without O_NOCTTY makes it the controlling terminal of a
 * session leader that has none, as Linux's tty_open() does; /dev/console
 * never becomes one.  /dev/tty is the caller's controlling terminal:
 * "ENXIO" if it has none.
 */
static int tty_open(struct inode *ino, struct file *f)
{
	struct signal_struct *sig = current->signal;
	u32 dev = ino->i_rdev;

	if (dev == new_encode_dev(5, 0))
		return sig->tty ? 0 : -ENXIO;
	if (dev == new_encode_dev(4, 64) && !(f->f_flags & O_NOCTTY) &&
	    sig->session == current->tgid && !sig->tty && !console_tty.session) {
		sig->tty = &console_tty;
		console_tty.session = sig->session;
		console_tty.pgrp = sig->pgrp;
	}
	return 0;
}

static const struct file_operations tty_fops = {
	.read = tty_read,
	.write = tty_write,
	.poll = tty_poll,
	.ioctl = tty_ioctl,
	.open = tty_open,
};

bool file_is_tty(const struct file *f)
{
	return f->f_op == &tty_fops;
}

void tty_init(void)
{
	init_waitqueue_head(&console_tty.read_wait, "tty_read");
	register_chrdev(5, 1, "console", &tty_fops);
	register_chrdev(4, 64, "ttyS0", &tty_fops);
	register_chrdev(5, 0, "tty", &tty_fops);
}
