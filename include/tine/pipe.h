/*
 * A pipe (kernel/fs/pipe.c): a ring buffer of whole pages between writers
 * and readers.  head and tail count the bytes ever written and read, so
 * head - tail is what the pipe holds and neither wraps in practice; a byte
 * index i lives at ring offset i % size, in page (i % size) / PAGE_SIZE.
 * The index math is here, pure, so the host unit test can check it.
 */
#ifndef TINE_PIPE_H
#define TINE_PIPE_H

#include <tine/types.h>

#define PIPE_PAGE_SIZE 4096

static inline u64 ring_used(u64 head, u64 tail)
{
	return head - tail;
}

static inline u64 ring_space(u64 head, u64 tail, u64 size)
{
	return size - (head - tail);
}

/* Which page of the ring holds byte index i, and where in it. */
static inline u64 ring_page(u64 i, u64 size)
{
	return (i % size) / PIPE_PAGE_SIZE;
}

static inline u64 ring_offset(u64 i)
{
	return i % PIPE_PAGE_SIZE;
}

/* How many of want bytes starting at index i are contiguous in one page. */
static inline u64 ring_chunk(u64 i, u64 want)
{
	u64 room = PIPE_PAGE_SIZE - ring_offset(i);

	return want < room ? want : room;
}

/* F_SETPIPE_SZ rounds up to a power-of-two number of pages, at least one. */
static inline u64 pipe_round_size(u64 n)
{
	u64 size = PIPE_PAGE_SIZE;

	while (size < n)
		size *= 2;
	return size;
}

#endif
