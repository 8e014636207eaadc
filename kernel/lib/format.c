/*
 * vsnprintf and snprintf: the one formatter behind printk, /proc files and
 * every other place the kernel turns numbers into text.  It follows C99
 * (what `man 3 printf` describes) for the conversions it supports, so the
 * host test can hold it to the C library's output.  Output goes through a
 * small cursor that counts every character but stores only what fits.
 */
#include <tine/format.h>
#include <tine/string.h>

/* Flags of one conversion specification. */
#define F_LEFT	0x01	/* '-': pad on the right */
#define F_ZERO	0x02	/* '0': pad numbers with zeros */
#define F_PLUS	0x04	/* '+': always print a sign */
#define F_SPACE	0x08	/* ' ': a space where a '+' would go */
#define F_ALT	0x10	/* '#': 0x prefix for hex, leading 0 for octal */

struct spec {
	unsigned flags;
	int width;
	int prec;		/* -1 when absent */
	char length;		/* 'H' hh, 'h', 'l', 'L' ll, 'z', 't', 'j', 0 */
};

struct out {
	char *buf;
	size_t size;
	size_t len;		/* characters produced so far, stored or not */
};

static void put(struct out *o, char c)
{
	if (o->len + 1 < o->size)
		o->buf[o->len] = c;
	o->len++;
}

static void put_repeat(struct out *o, char c, int n)
{
	while (n-- > 0)
		put(o, c);
}

static void put_str(struct out *o, const char *s, size_t n)
{
	while (n--)
		put(o, *s++);
}

/* Parse flags, width, precision and length; returns the conversion char. */
static const char *parse_spec(const char *f, struct spec *sp, va_list *ap)
{
	for (;; f++) {
		if (*f == '-') sp->flags |= F_LEFT;
		else if (*f == '0') sp->flags |= F_ZERO;
		else if (*f == '+') sp->flags |= F_PLUS;
		else if (*f == ' ') sp->flags |= F_SPACE;
		else if (*f == '#') sp->flags |= F_ALT;
		else break;
	}
	if (*f == '*') {
		sp->width = va_arg(*ap, int);
		if (sp->width < 0) {	/* C: a negative width is '-' flag */
			sp->flags |= F_LEFT;
			sp->width = -sp->width;
		}
		f++;
	} else {
		for (; *f >= '0' && *f <= '9'; f++)
			sp->width = sp->width * 10 + (*f - '0');
	}
	if (*f == '.') {
		f++;
		sp->prec = 0;
		if (*f == '*') {
			sp->prec = va_arg(*ap, int);	/* negative: as if absent */
			if (sp->prec < 0)
				sp->prec = -1;
			f++;
		} else {
			for (; *f >= '0' && *f <= '9'; f++)
				sp->prec = sp->prec * 10 + (*f - '0');
		}
	}
	if (*f == 'h' || *f == 'l') {
		sp->length = *f++;
		if (*f == sp->length) {	/* hh or ll */
			sp->length = sp->length == 'h' ? 'H' : 'L';
			f++;
		}
	} else if (*f == 'z' || *f == 't' || *f == 'j') {
		sp->length = *f++;
	}
	return f;
}

/* Fetch a signed argument of the size the length modifier names. */
static s64 get_signed(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 'H': return (signed char)va_arg(*ap, int);
	case 'h': return (short)va_arg(*ap, int);
	case 'l': return va_arg(*ap, long);
	case 'L': return va_arg(*ap, long long);
	case 'z': return va_arg(*ap, long);	/* ssize_t on x86-64 */
	case 't': return va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, intmax_t);
	default: return va_arg(*ap, int);
	}
}

static u64 get_unsigned(const struct spec *sp, va_list *ap)
{
	switch (sp->length) {
	case 'H': return (unsigned char)va_arg(*ap, unsigned);
	case 'h': return (unsigned short)va_arg(*ap, unsigned);
	case 'l': return va_arg(*ap, unsigned long);
	case 'L': return va_arg(*ap, unsigned long long);
	case 'z': return va_arg(*ap, size_t);
	case 't': return (u64)va_arg(*ap, ptrdiff_t);
	case 'j': return va_arg(*ap, uintmax_t);
	default: return va_arg(*ap, unsigned);
	}
}

/* Pad a finished field of len characters: before it, or after with '-'. */
static void pad_before(struct out *o, const struct spec *sp, int len)
{
	if (!(sp->flags & F_LEFT))
		put_repeat(o, ' ', sp->width - len);
}

static void pad_after(struct out *o, const struct spec *sp, int len)
{
	if (sp->flags & F_LEFT)
		put_repeat(o, ' ', sp->width - len);
}

/*
 * Print one integer: [spaces][sign][prefix][zeros][digits][spaces].
 * C99: precision is the minimum number of digits (0 with value 0 prints no
 * digits) and turns off the '0' flag; '#' adds 0x/0X to non-zero hex and
 * makes octal start with a 0.
 */
static void put_number(struct out *o, const struct spec *sp, u64 v, bool neg,
		       int base, bool upper, const char *prefix)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	char tmp[24];
	int n = 0, zeros, len;
	char sign = 0;

	for (; v; v /= base)
		tmp[n++] = digits[v % base];
	if (n == 0 && sp->prec != 0)
		tmp[n++] = '0';
	if (neg)
		sign = '-';
	else if (sp->flags & F_PLUS)
		sign = '+';
	else if (sp->flags & F_SPACE)
		sign = ' ';
	zeros = sp->prec > n ? sp->prec - n : 0;
	if (base == 8 && (sp->flags & F_ALT) && zeros == 0 &&
	    (n == 0 || tmp[n - 1] != '0'))
		zeros = 1;
	len = (sign != 0) + (int)strlen(prefix) + zeros + n;
	if ((sp->flags & (F_ZERO | F_LEFT)) == F_ZERO && sp->prec < 0 &&
	    sp->width > len) {
		zeros += sp->width - len;
		len = sp->width;
	}
	pad_before(o, sp, len);
	if (sign)
		put(o, sign);
	put_str(o, prefix, strlen(prefix));
	put_repeat(o, '0', zeros);
	while (n)
		put(o, tmp[--n]);
	pad_after(o, sp, len);
}

static void put_string(struct out *o, const struct spec *sp, const char *s)
{
	size_t n;

	if (!s)
		s = "(null)";
	n = sp->prec >= 0 ? strnlen(s, sp->prec) : strlen(s);
	pad_before(o, sp, (int)n);
	put_str(o, s, n);
	pad_after(o, sp, (int)n);
}

/* Print one conversion whose specification has been parsed into sp. */
static void put_conversion(struct out *o, const struct spec *sp, char conv,
			   va_list *ap)
{
	s64 sv;
	u64 uv;
	char c;

	switch (conv) {
	case 'd':
	case 'i':
		sv = get_signed(sp, ap);
		uv = sv < 0 ? -(u64)sv : (u64)sv;
		put_number(o, sp, uv, sv < 0, 10, false, "");
		break;
	case 'u':
		put_number(o, sp, get_unsigned(sp, ap), false, 10, false, "");
		break;
	case 'o':
		put_number(o, sp, get_unsigned(sp, ap), false, 8, false, "");
		break;
	case 'x':
	case 'X':
		uv = get_unsigned(sp, ap);
		put_number(o, sp, uv, false, 16, conv == 'X',
			   (sp->flags & F_ALT) && uv ? (conv == 'X' ? "0X" : "0x") : "");
		break;
	case 'p':
		put_number(o, sp, (uintptr_t)va_arg(*ap, void *), false, 16,
			   false, "0x");
		break;
	case 'c':
		c = (char)va_arg(*ap, int);
		pad_before(o, sp, 1);
		put(o, c);
		pad_after(o, sp, 1);
		break;
	case 's':
		put_string(o, sp, va_arg(*ap, const char *));
		break;
	default:		/* "%%", or an unknown conversion printed as is */
		put(o, '%');
		if (conv != '%')
			put(o, conv);
		break;
	}
}

int vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	struct out o = { buf, size, 0 };
	va_list args;

	/* A copy we can pass by pointer: va_list is an array type on x86-64. */
	va_copy(args, ap);
	while (*fmt) {
		struct spec sp = { 0, 0, -1, 0 };

		if (*fmt != '%') {
			put(&o, *fmt++);
			continue;
		}
		fmt = parse_spec(fmt + 1, &sp, &args);
		if (!*fmt) {		/* a lone '%' at the end */
			put(&o, '%');
			break;
		}
		put_conversion(&o, &sp, *fmt++, &args);
	}
	va_end(args);
	if (size)
		buf[MIN(o.len, size - 1)] = '\0';
	return (int)o.len;
}

int snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}
