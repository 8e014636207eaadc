/*
 * The terminal (kernel/drivers/tty.c): one tty, the serial console, shared
 * by /dev/console, /dev/ttyS0 and /dev/tty.  struct termios is the kernel
 * one of Linux x86-64 (TCGETS/TCSETS), 36 bytes; the flag values are
 * asm-generic/termbits.h's.
 */
#ifndef TINE_TTY_H
#define TINE_TTY_H

#include <tine/types.h>
#include <tine/wait.h>

#define NCCS 19

struct termios {
	u32 c_iflag, c_oflag, c_cflag, c_lflag;
	u8 c_line;
	u8 c_cc[NCCS];
};

struct winsize {
	u16 ws_row, ws_col, ws_xpixel, ws_ypixel;
};

/* c_cc indexes */
#define VINTR 0
#define VQUIT 1
#define VERASE 2
#define VKILL 3
#define VEOF 4
#define VTIME 5
#define VMIN 6
#define VSUSP 10
#define VEOL 11
#define VWERASE 14
#define VEOL2 16

/* c_iflag */
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400
#define IXON 0002000
/* c_oflag */
#define OPOST 0000001
#define ONLCR 0000004
/* c_lflag */
#define ISIG 0000001
#define ICANON 0000002
#define ECHO 0000010
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHONL 0000100
#define NOFLSH 0000200
#define TOSTOP 0000400
#define ECHOCTL 0001000
#define ECHOKE 0004000
#define IEXTEN 0100000

#define N_TTY_BUF_SIZE 4096

/*
 * The tty.  Input typed in canonical mode collects in line[] (where erase
 * and kill act) until a newline or EOF moves it to the read ring; in raw
 * mode each byte goes straight to the ring.  The ring stores u16 so that
 * an EOF (^D) can sit in it as a marker.  Everything below is touched by
 * the receive interrupt, so it is guarded by lock (interrupts off).
 */
struct tty_struct {
	const char *name;
	struct termios termios;
	struct winsize winsize;
	pid_t pgrp;			/* foreground process group */
	pid_t session;			/* session it controls, 0 if none */
	u16 ring[N_TTY_BUF_SIZE];
	u32 head, tail;			/* ring indexes (free-running) */
	u32 lines;			/* complete lines/EOFs in the ring */
	char line[N_TTY_BUF_SIZE];	/* the line being edited */
	u32 line_len;
	struct wait_queue_head read_wait;
};

extern struct tty_struct console_tty;

#endif
