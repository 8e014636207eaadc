/*
 * The wait status word, encoded exactly as Linux does (and as the
 * WIFEXITED/WEXITSTATUS... macros of every libc decode it), and the wait
 * option bits.
 */
#ifndef TINE_WAIT_STATUS_H
#define TINE_WAIT_STATUS_H

#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WSTOPPED	WUNTRACED
#define WEXITED		0x00000004
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000

#define P_ALL	0
#define P_PID	1
#define P_PGID	2
#define P_PIDFD	3

/* exit(n): n in bits 8..15.  Killed by sig: sig in bits 0..6, 0x80 = core. */
#define W_EXITCODE(ret, sig)	(((ret) & 0xff) << 8 | (sig))
#define W_STOPCODE(sig)		((sig) << 8 | 0x7f)
#define W_CONTINUED		0xffff
#define WCOREFLAG		0x80

#endif
