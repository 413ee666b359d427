/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_pystr.h"
#include "vc_fail.h"
#include "vc_printable.generated.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decodes the code point at S (well formed: the parser checked it); returns its length. */
static size_t decode(const unsigned char *s, unsigned long *cp)
{
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] < 0xe0) {
		*cp = ((unsigned long)(s[0] & 0x1f) << 6) | (s[1] & 0x3f);
		return 2;
	}
	if (s[0] < 0xf0) {
		*cp = ((unsigned long)(s[0] & 0x0f) << 12) | ((unsigned long)(s[1] & 0x3f) << 6) |
		      (s[2] & 0x3f);
		return 3;
	}
	*cp = ((unsigned long)(s[0] & 0x07) << 18) | ((unsigned long)(s[1] & 0x3f) << 12) |
	      ((unsigned long)(s[2] & 0x3f) << 6) | (s[3] & 0x3f);
	return 4;
}

void vc_py_write_text(struct strbuf *out, const char *s, size_t len,
		      const struct vc_value *where)
{
	size_t done = 0;
	for (size_t i = 0; i + 2 < len; i++) {
		const unsigned char *u = (const unsigned char *)s + i;
		if (u[0] != 0xed || u[1] < 0xa0)
			continue;
		unsigned long cp;
		decode(u, &cp);
		/* surrogateescape turns U+DC80..U+DCFF back into the byte; others fail. */
		if (cp < 0xdc80 || cp > 0xdcff)
			vc_fail_at(where, "string holds the lone surrogate U+%04lX, which the "
				   "output encoder cannot write (UnicodeEncodeError)", cp);
		sb_add(out, s + done, i - done);
		sb_putc(out, (char)(cp - 0xdc00));
		i += 2;
		done = i + 1;
	}
	sb_add(out, s + done, len - done);
}

static bool printable(unsigned long cp)
{
	size_t lo = 0, hi = sizeof(vc_nonprintable_ranges) / sizeof(vc_nonprintable_ranges[0]);
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (cp < vc_nonprintable_ranges[mid][0])
			hi = mid;
		else if (cp > vc_nonprintable_ranges[mid][1])
			lo = mid + 1;
		else
			return false;
	}
	return true;
}

static void str_repr(struct strbuf *out, const char *s, size_t len)
{
	bool single = memchr(s, '\'', len) != NULL, dbl = memchr(s, '"', len) != NULL;
	char quote = single && !dbl ? '"' : '\'';
	sb_putc(out, quote);
	for (size_t i = 0; i < len;) {
		unsigned long cp;
		size_t n = decode((const unsigned char *)s + i, &cp);
		char esc[16];
		if (cp == (unsigned long)quote || cp == '\\') {
			esc[0] = '\\';
			esc[1] = (char)cp;
			sb_add(out, esc, 2);
		} else if (cp == '\t') {
			sb_puts(out, "\\t");
		} else if (cp == '\n') {
			sb_puts(out, "\\n");
		} else if (cp == '\r') {
			sb_puts(out, "\\r");
		} else if (cp < 0x20 || cp == 0x7f) {
			sb_printf(out, "\\x%02lx", cp);
		} else if (cp < 0x7f || printable(cp)) {
			sb_add(out, s + i, n);
		} else if (cp <= 0xff) {
			sb_printf(out, "\\x%02lx", cp);
		} else if (cp <= 0xffff) {
			sb_printf(out, "\\u%04lx", cp);
		} else {
			sb_printf(out, "\\U%08lx", cp);
		}
		i += n;
	}
	sb_putc(out, quote);
}

void vc_py_float_repr(struct strbuf *out, double f)
{
	if (isnan(f)) {
		sb_puts(out, "nan");
		return;
	}
	if (isinf(f)) {
		sb_puts(out, f > 0 ? "inf" : "-inf");
		return;
	}
	/* Shortest digit string that reads back as F. */
	char tmp[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(tmp, sizeof(tmp), "%.*e", prec - 1, f);
		if (strtod(tmp, NULL) == f)
			break;
	}
	const char *p = tmp;
	bool negative = *p == '-';
	if (negative)
		p++;
	char digits[24];
	size_t nd = 0;
	for (; *p != 'e'; p++)
		if (*p != '.')
			digits[nd++] = *p;
	while (nd > 1 && digits[nd - 1] == '0')
		nd--;
	long decpt = strtol(p + 1, NULL, 10) + 1;  /* value = 0.DIGITS * 10^decpt */
	if (digits[0] == '0')
		decpt = 1;
	if (negative)
		sb_putc(out, '-');
	if (decpt <= -4 || decpt > 16) {
		sb_putc(out, digits[0]);
		if (nd > 1) {
			sb_putc(out, '.');
			sb_add(out, digits + 1, nd - 1);
		}
		long e = decpt - 1;
		sb_printf(out, "e%c%02ld", e < 0 ? '-' : '+', e < 0 ? -e : e);
	} else if (decpt <= 0) {
		sb_puts(out, "0.");
		for (long i = 0; i < -decpt; i++)
			sb_putc(out, '0');
		sb_add(out, digits, nd);
	} else if ((size_t)decpt >= nd) {
		sb_add(out, digits, nd);
		for (long i = (long)nd; i < decpt; i++)
			sb_putc(out, '0');
		sb_puts(out, ".0");
	} else {
		sb_add(out, digits, (size_t)decpt);
		sb_putc(out, '.');
		sb_add(out, digits + decpt, nd - (size_t)decpt);
	}
}

void vc_py_repr(struct strbuf *out, const struct vc_value *v)
{
	switch (v->kind) {
	case VC_NULL:
		sb_puts(out, "None");
		return;
	case VC_BOOL:
		sb_puts(out, v->boolean ? "True" : "False");
		return;
	case VC_INT:
		sb_printf(out, "%lld", (long long)v->u.i);
		return;
	case VC_BIGINT:
		if (v->negative && !(v->len == 1 && v->u.s[0] == '0'))
			sb_putc(out, '-');
		sb_add(out, v->u.s, v->len);
		return;
	case VC_FLOAT:
		vc_py_float_repr(out, v->u.f);
		return;
	case VC_STR:
		str_repr(out, v->u.s, v->len);
		return;
	case VC_LIST:
		sb_putc(out, '[');
		for (uint32_t i = 0; i < v->len; i++) {
			if (i)
				sb_puts(out, ", ");
			struct vc_value item;
			vc_item_at(v, i, &item);
			vc_py_repr(out, &item);
		}
		sb_putc(out, ']');
		return;
	case VC_DICT:
		sb_putc(out, '{');
		for (uint32_t i = 0; i < v->len; i++) {
			uint32_t len;
			const char *key = vc_member_key(v, i, &len);
			if (i)
				sb_puts(out, ", ");
			str_repr(out, key, len);
			sb_puts(out, ": ");
			struct vc_value value;
			vc_item_at(v, i, &value);
			vc_py_repr(out, &value);
		}
		sb_putc(out, '}');
		return;
	default:
		vc_fail_at(v, "internal error: no text form for a computed value");
	}
}

void vc_py_str(struct strbuf *out, const struct vc_value *v)
{
	if (v->kind == VC_STR)
		vc_py_write_text(out, v->u.s, v->len, v);
	else
		vc_py_repr(out, v);
}
