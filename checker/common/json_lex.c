/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "json_lex.h"

long jl_hex4(const char *p, const char *end)
{
	if (end - p < 4)
		return -1;
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int d = jl_hex_digit(p[i]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

int jl_utf8_length(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	unsigned char lo = 0x80, hi = 0xbf;
	int n;
	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf) {
		n = 2;
	} else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;      /* overlong */
		else if (c == 0xed)
			hi = 0x9f;      /* surrogates */
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;      /* overlong */
		else if (c == 0xf4)
			hi = 0x8f;      /* above U+10FFFF */
	} else {
		return 0;
	}
	if (end - p < n || p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

size_t jl_put_utf8(char *out, uint32_t cp)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xc0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3f));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xe0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		out[2] = (char)(0x80 | (cp & 0x3f));
		return 3;
	}
	out[0] = (char)(0xf0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
	out[3] = (char)(0x80 | (cp & 0x3f));
	return 4;
}

const char *jl_status_text(enum jl_status status)
{
	switch (status) {
	case JL_OK: return "no error";
	case JL_UNTERMINATED: return "unterminated string";
	case JL_CONTROL: return "invalid control character in string";
	case JL_BAD_UTF8: return "invalid UTF-8 byte";
	case JL_BAD_ESCAPE: return "invalid \\escape";
	case JL_BAD_U_ESCAPE: return "invalid \\uXXXX escape";
	case JL_LONE_LOW_SURROGATE: return "invalid \\u escape (a lone low surrogate)";
	case JL_LONE_HIGH_SURROGATE:
		return "invalid \\u escape (a high surrogate without its low one)";
	case JL_NUL: return "\\u0000 is not allowed in a string";
	}
	return "?";
}

enum jl_status jl_scan_special(const char **qp, const char *end, struct jl_scan *scan)
{
	const char *q = *qp;
	unsigned char c = (unsigned char)*q;
	if (c == '\\') {
		scan->escaped = true;
		*qp = q + 2;  /* checked by jl_unescape(); past END means unterminated */
		if (q + 2 > end) {
			scan->error_at = end;
			return JL_UNTERMINATED;
		}
		return JL_OK;
	}
	if (c < 0x20) {
		scan->error_at = q;
		return JL_CONTROL;
	}
	int n = jl_utf8_length((const unsigned char *)q, (const unsigned char *)end);
	if (!n) {
		scan->error_at = q;
		return JL_BAD_UTF8;
	}
	*qp = q + n;
	return JL_OK;
}

/* The \u escape at R (R[0] is the backslash): its code point, pairing an escaped high
 * surrogate with the low one that follows.  *NEXT is past what was read. */
static enum jl_status read_u_escape(const char *r, const char *close, unsigned flags,
				    uint32_t *cp, const char **next)
{
	long v = jl_hex4(r + 2, close);
	if (v < 0)
		return JL_BAD_U_ESCAPE;
	r += 6;
	if (v >= 0xd800 && v <= 0xdbff && close - r >= 6 && r[0] == '\\' && r[1] == 'u') {
		long lo = jl_hex4(r + 2, close);
		if (lo >= 0xdc00 && lo <= 0xdfff) {
			v = 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00);
			r += 6;
		}
	}
	if (flags & JL_STRICT_SURROGATES) {
		if (v >= 0xdc00 && v <= 0xdfff)
			return JL_LONE_LOW_SURROGATE;
		if (v >= 0xd800 && v <= 0xdbff)
			return JL_LONE_HIGH_SURROGATE;
	}
	if (v == 0 && (flags & JL_NO_NUL))
		return JL_NUL;
	*cp = (uint32_t)v;
	*next = r;
	return JL_OK;
}

enum jl_status jl_unescape(const char *body, const char *close, unsigned flags, char *out,
			   size_t *out_len, const char **error_at)
{
	size_t n = 0;
	for (const char *r = body; r < close;) {
		const char *bs = memchr(r, '\\', (size_t)(close - r));
		size_t plain = bs ? (size_t)(bs - r) : (size_t)(close - r);
		memcpy(out + n, r, plain);
		n += plain;
		r += plain;
		if (!bs)
			break;
		static const char simple_in[] = "\"\\/bfnrt", simple_out[] = "\"\\/\b\f\n\r\t";
		const char *e = r + 1 < close ? strchr(simple_in, r[1]) : NULL;
		if (e && *e) {
			out[n++] = simple_out[e - simple_in];
			r += 2;
			continue;
		}
		if (r + 1 >= close || r[1] != 'u') {
			*error_at = r;
			return JL_BAD_ESCAPE;
		}
		uint32_t cp;
		enum jl_status st = read_u_escape(r, close, flags, &cp, &r);
		if (st != JL_OK) {
			*error_at = r;
			return st;
		}
		n += jl_put_utf8(out + n, cp);
	}
	*out_len = n;
	return JL_OK;
}
