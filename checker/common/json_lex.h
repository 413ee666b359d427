/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The lexical layer of JSON strings that both JSON readers share: strict UTF-8, hex
 * digits, escapes and \u code points.  Each reader keeps its own contract on top (the
 * Python-semantics reader of vmstate-check, the jansson reader of vmstate-extract).
 *
 * Contract:
 * - A string is read in two steps.  jl_scan_string() finds the closing quote and checks
 *   the raw bytes: no control character (below 0x20) and strict UTF-8 (no overlong
 *   form, no encoded surrogate, nothing above U+10FFFF), as Python's and RFC 8259's
 *   decoders require.  A backslash and the byte after it are stepped over unchecked;
 *   scan->escaped says whether there was one.  Then, only when escaped,
 *   jl_unescape() decodes the escapes; its output is never longer than its input.
 * - Policy (JL_* flags of jl_unescape): by default a \u escape of a surrogate that is
 *   not part of an escaped pair is kept as one code point in generalized UTF-8 (three
 *   bytes), and \u0000 gives a NUL byte, as Python does.  JL_STRICT_SURROGATES makes
 *   such a surrogate an error and JL_NO_NUL makes \u0000 one (RFC 8259 readers).
 * - Errors return a status and the place (error_at) where the reader should point its
 *   message; jl_status_text() is a short English text for it.  Nothing here allocates
 *   or prints. */
#ifndef VMSTATE_COMMON_JSON_LEX_H
#define VMSTATE_COMMON_JSON_LEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

enum jl_status {
	JL_OK,
	JL_UNTERMINATED,          /* no closing quote before the end */
	JL_CONTROL,               /* a raw control character */
	JL_BAD_UTF8,              /* bytes that are not strict UTF-8 */
	JL_BAD_ESCAPE,            /* a backslash before something else than "\/bfnrtu */
	JL_BAD_U_ESCAPE,          /* \u without four hex digits */
	JL_LONE_LOW_SURROGATE,    /* JL_STRICT_SURROGATES: \uDC00-\uDFFF alone */
	JL_LONE_HIGH_SURROGATE,   /* JL_STRICT_SURROGATES: \uD800-\uDBFF without its low one */
	JL_NUL,                   /* JL_NO_NUL: \u0000 */
};

enum {
	JL_STRICT_SURROGATES = 1u << 0,
	JL_NO_NUL = 1u << 1,
};

struct jl_scan {
	const char *close;     /* the closing quote (JL_OK) */
	const char *error_at;  /* the offending byte (otherwise) */
	bool escaped;          /* the body holds a backslash */
};

/* 0-15 for a hex digit, else -1. */
static inline int jl_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The value of the four hex digits at P (before END), or -1. */
long jl_hex4(const char *p, const char *end);
/* The length of the strict UTF-8 sequence at P (before END): 1 for ASCII, 2 to 4, or 0
 * when it is not valid. */
int jl_utf8_length(const unsigned char *p, const unsigned char *end);
/* Writes code point CP (up to 0x10FFFF; a surrogate in three bytes) at OUT; returns
 * the number of bytes (1 to 4). */
size_t jl_put_utf8(char *out, uint32_t cp);
const char *jl_status_text(enum jl_status status);

/* True when none of the 8 bytes at S is a quote, a backslash, a control character or
 * a byte above 0x7f. */
static inline bool jl_plain8(const char *s)
{
	const uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
	uint64_t w;
	memcpy(&w, s, 8);
	uint64_t quote = w ^ (ones * '"'), slash = w ^ (ones * '\\');
	uint64_t special = ((quote - ones) & ~quote) | ((slash - ones) & ~slash) |
			   (w - ones * 0x20) | w;
	return !(special & highs);
}

/* Slow part of jl_scan_string: a byte that is not plain ASCII at Q. */
enum jl_status jl_scan_special(const char **q, const char *end, struct jl_scan *scan);

/* Scans the body of a string from BODY (just after the opening quote) to its closing
 * quote; see the contract above. */
static inline enum jl_status jl_scan_string(const char *body, const char *end,
					    struct jl_scan *scan)
{
	const char *q = body;
	scan->escaped = false;
	for (;;) {
#ifdef __SSE2__
		/* Sixteen plain bytes at a time (a signed compare below 0x20 catches both
		 * controls and bytes above 0x7f). */
		const __m128i quotes = _mm_set1_epi8('"'), slashes = _mm_set1_epi8('\\'),
			      spaces = _mm_set1_epi8(0x20);
		while (end - q >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)q);
			__m128i special = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(w, quotes),
								    _mm_cmpeq_epi8(w, slashes)),
						       _mm_cmplt_epi8(w, spaces));
			unsigned m = (unsigned)_mm_movemask_epi8(special);
			if (m) {
				q += __builtin_ctz(m);
				goto special_byte;
			}
			q += 16;
		}
#endif
		while (end - q >= 8 && jl_plain8(q))
			q += 8;
#ifdef __SSE2__
	special_byte:
#endif
		if (q >= end) {
			scan->error_at = q;
			return JL_UNTERMINATED;
		}
		unsigned char c = (unsigned char)*q;
		if (c == '"') {
			scan->close = q;
			return JL_OK;
		}
		if (c >= 0x20 && c < 0x80 && c != '\\') {
			q++;
			continue;
		}
		enum jl_status st = jl_scan_special(&q, end, scan);
		if (st != JL_OK)
			return st;
	}
}

/* Decodes the escapes of the body [BODY, CLOSE) that jl_scan_string() accepted into OUT
 * (room for CLOSE - BODY bytes); *OUT_LEN is the decoded length.  FLAGS: JL_*. */
enum jl_status jl_unescape(const char *body, const char *close, unsigned flags, char *out,
			   size_t *out_len, const char **error_at);

#endif
