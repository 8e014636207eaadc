/*
 * /proc/tine: Tine's own files, which Linux does not have.  Two belong to
 * the lifecycle trace (docs/trace.md), playing the parts of Linux's
 * tracefs set_event and trace_pipe:
 *
 *  - trace_events reads as the categories now on ("proc,sched\n"); writing
 *    "proc,sched,mm,fd" switches to exactly those, "" (or a newline)
 *    switches tracing off, an unknown word is EINVAL;
 *  - trace hands out the recorded events in the text format, oldest first,
 *    and consumes them: a second read gets only newer ones, and a read with
 *    nothing recorded returns 0 (end of file) rather than waiting.
 *
 * The events are formatted one at a time as the reader asks, so a read of
 * any size works: a line that does not fit is kept in the open file and
 * handed out first by the next read.
 */
#include <tine/proc_fs.h>
#include <tine/fs.h>
#include <tine/trace.h>
#include <tine/slab.h>
#include <tine/string.h>
#include <tine/errno.h>
#include <tine/format.h>

#define LINE_MAX_LEN 256

/* One open /proc/tine/trace: the line being handed out. */
struct trace_reader {
	char line[LINE_MAX_LEN];
	size_t len, off;		/* line[off..len) is still to be read */
	u64 lost;			/* events overwritten before being read */
};

static int show_trace_events(struct proc_buf *pb, s32 pid)
{
	char buf[96];

	(void)pid;
	trace_show_events(buf, sizeof(buf));
	pb_printf(pb, "%s", buf);
	return 0;
}

static int write_trace_events(s32 pid, const char *buf, size_t n)
{
	(void)pid;
	(void)n;
	return trace_set_events(buf);
}

static int trace_open(struct inode *ino, struct file *f)
{
	(void)ino;
	f->private_data = kzalloc(sizeof(struct trace_reader));
	return f->private_data ? 0 : -ENOMEM;
}

static void trace_release(struct inode *ino, struct file *f)
{
	(void)ino;
	kfree(f->private_data);
}

/* Refill r->line with the next event (after a note of any lost ones). */
static bool next_line(struct trace_reader *r)
{
	struct trace_entry e;
	u64 lost_before = r->lost;
	int n;

	if (!trace_pop(&e, &r->lost))
		return false;
	n = 0;
	if (r->lost != lost_before)
		n = snprintf(r->line, sizeof(r->line), "# lost %llu events\n",
			     (unsigned long long)(r->lost - lost_before));
	n += trace_format(&e, r->line + n, sizeof(r->line) - n - 1);
	n = MIN(n, (int)sizeof(r->line) - 2);
	r->line[n++] = '\n';
	r->len = n;
	r->off = 0;
	return true;
}

static ssize_t trace_read(struct file *f, char *buf, size_t n, u64 *pos)
{
	struct trace_reader *r = f->private_data;
	size_t done = 0;

	while (done < n && (r->off < r->len || next_line(r))) {
		size_t chunk = MIN(n - done, r->len - r->off);

		if (copy_to_user(buf + done, r->line + r->off, chunk))
			return done ? (ssize_t)done : -EFAULT;
		r->off += chunk;
		done += chunk;
	}
	*pos += done;
	return done;
}

static const struct file_operations trace_fops = {
	.open = trace_open,
	.release = trace_release,
	.read = trace_read,
};

static const struct proc_entry tine_entries[] = {
	{ .name = "trace", .mode = S_IFREG | 0400, .fop = &trace_fops },
	{ .name = "trace_events", .mode = S_IFREG | 0644,
	  .show = show_trace_events, .write = write_trace_events },
};

static struct dentry *proc_tine_lookup(struct inode *dir, struct dentry *parent,
				       const char *name)
{
	(void)dir;
	return proc_lookup_entries(parent, name, tine_entries,
				   ARRAY_SIZE(tine_entries), 0);
}

static long proc_tine_iterate(struct file *f, void *buf, size_t n)
{
	return proc_emit_entries(f, buf, n, tine_entries, ARRAY_SIZE(tine_entries), 0);
}

const struct inode_operations proc_tine_iops = {
	.lookup = proc_tine_lookup,
	.evict = proc_evict,
};

const struct file_operations proc_tine_fops = {
	.iterate = proc_tine_iterate,
	.llseek = generic_file_llseek,
};
