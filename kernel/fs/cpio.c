/*
 * Parser for the "newc" cpio format that initramfs images use (magic 070701,
 * or 070702 for the variant with a data checksum; see the kernel's
 * Documentation/driver-api/early-userspace/buffer-format.rst and cpio(5)).
 * Each entry is a 110-byte header of ASCII fields, the path name with its
 * NUL, padding to a multiple of four, the data, and padding again; as in
 * Linux, the padding is computed from offsets counted from the start of the
 * buffer (the initrd is page-aligned, so that is also the archive).  An
 * archive ends with an entry named "TRAILER!!!".  Like Linux's initramfs
 * unpacker we accept several archives back to back, with NUL bytes between
 * them, each starting at a 4-byte boundary.
 *
 * Every length is checked against the buffer before it is used: the input
 * comes from outside the kernel and must not be able to crash it.
 */
#include <tine/cpio.h>
#include <tine/errno.h>
#include <tine/format.h>
#include <tine/string.h>

#define CPIO_HDR_LEN	110		/* 6 magic + 13 fields of 8 hex digits */
#define CPIO_TRAILER	"TRAILER!!!"
#define S_IFMT		0170000
#define S_IFREG		0100000

/* The 13 header fields, in file order. */
enum {
	F_INO, F_MODE, F_UID, F_GID, F_NLINK, F_MTIME, F_FILESIZE,
	F_DEVMAJOR, F_DEVMINOR, F_RDEVMAJOR, F_RDEVMINOR, F_NAMESIZE, F_CHECK,
	NR_FIELDS
};

static char errbuf[96];

static int fail(const char **errmsg, const char *what, size_t off)
{
	snprintf(errbuf, sizeof(errbuf), "cpio: %s at offset %zu", what, off);
	if (errmsg)
		*errmsg = errbuf;
	return -EINVAL;
}

static size_t align4(size_t x)
{
	return (x + 3) & ~(size_t)3;
}

/* Eight hex digits, either case, nothing else. */
static bool parse_hex8(const u8 *p, u32 *out)
{
	u32 v = 0;
	int i;

	for (i = 0; i < 8; i++) {
		u8 c = p[i], lc = c | 0x20;

		if (c >= '0' && c <= '9')
			v = v << 4 | (c - '0');
		else if (lc >= 'a' && lc <= 'f')
			v = v << 4 | (lc - 'a' + 10);
		else
			return false;
	}
	*out = v;
	return true;
}

/* The 070702 checksum: the sum of all data bytes, modulo 2^32. */
static u32 data_checksum(const u8 *p, size_t n)
{
	u32 sum = 0;

	while (n--)
		sum += *p++;
	return sum;
}

static void fill_entry(struct cpio_entry *e, const u32 *f)
{
	e->ino = f[F_INO];
	e->mode = f[F_MODE];
	e->uid = f[F_UID];
	e->gid = f[F_GID];
	e->nlink = f[F_NLINK];
	e->mtime = f[F_MTIME];
	e->devmajor = f[F_DEVMAJOR];
	e->devminor = f[F_DEVMINOR];
	e->rdevmajor = f[F_RDEVMAJOR];
	e->rdevminor = f[F_RDEVMINOR];
	e->size = f[F_FILESIZE];
	e->namelen = f[F_NAMESIZE] - 1;
}

/*
 * Decode the entry whose header starts at off into *e and set *next to the
 * offset just past its data padding.  Returns 0 or -EINVAL.
 */
static int parse_entry(const u8 *p, size_t len, size_t off,
		       struct cpio_entry *e, size_t *next, const char **errmsg)
{
	u32 f[NR_FIELDS];
	size_t name_off = off + CPIO_HDR_LEN, data_off;
	int i;

	if (len - off < CPIO_HDR_LEN)
		return fail(errmsg, "truncated header", off);
	if (memcmp(p + off, "070701", 6) && memcmp(p + off, "070702", 6))
		return fail(errmsg, "bad magic (not newc)", off);
	for (i = 0; i < NR_FIELDS; i++)
		if (!parse_hex8(p + off + 6 + 8 * i, &f[i]))
			return fail(errmsg, "non-hex digit in header", off);
	if (f[F_NAMESIZE] == 0)
		return fail(errmsg, "name size 0", off);
	if (len - name_off < f[F_NAMESIZE])
		return fail(errmsg, "name runs past the end", off);
	/* Exactly one NUL, at the end: name and namelen must agree. */
	if (strnlen((const char *)p + name_off, f[F_NAMESIZE]) != f[F_NAMESIZE] - 1)
		return fail(errmsg, "name not NUL-terminated", off);
	data_off = align4(name_off + f[F_NAMESIZE]);
	if (data_off > len || len - data_off < f[F_FILESIZE])
		return fail(errmsg, "data runs past the end", off);
	fill_entry(e, f);
	e->name = (const char *)p + name_off;
	e->data = p + data_off;
	if (p[off + 5] == '2' && (e->mode & S_IFMT) == S_IFREG &&
	    data_checksum(e->data, e->size) != f[F_CHECK])
		return fail(errmsg, "bad data checksum", off);
	*next = align4(data_off + e->size);
	return 0;
}

int cpio_parse(const void *buf, size_t len,
	       int (*cb)(const struct cpio_entry *e, void *arg), void *arg,
	       const char **errmsg)
{
	const u8 *p = buf;
	bool in_archive = false;
	size_t off = 0, next;
	struct cpio_entry e;
	int ret;

	while (off < len) {
		if (!in_archive) {
			if (p[off] == '\0') {	/* padding between archives */
				off++;
				continue;
			}
			if (off & 3)
				return fail(errmsg, "archive not 4-byte aligned", off);
			in_archive = true;
		}
		ret = parse_entry(p, len, off, &e, &next, errmsg);
		if (ret)
			return ret;
		if (!strcmp(e.name, CPIO_TRAILER)) {
			in_archive = false;
		} else {
			ret = cb(&e, arg);
			if (ret)
				return ret;
		}
		off = next;
	}
	if (in_archive)
		return fail(errmsg, "missing " CPIO_TRAILER " before end", len);
	return 0;
}
