/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A strict recursive-descent JSON parser over a byte buffer, building jansson values. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../common/json_lex.h"
#include "json_parse.h"
#include "../common/alloc.h"

#define MAX_DEPTH 2048

struct parser {
	const char *text;
	const char *p;
	const char *end;
	int depth;
	struct json_parse_error *err;
	char *buf;          /* unescaped string contents */
	size_t buf_cap;
	bool failed;
};

__attribute__((format(printf, 3, 4)))
static json_t *fail_at(struct parser *ps, const char *at, const char *fmt, ...)
{
	struct json_parse_error *err = ps->err;
	const char *s;
	va_list ap;

	if (ps->failed)
		return NULL;
	ps->failed = true;
	if (at > ps->end)
		at = ps->end;
	err->position = (size_t)(at - ps->text);
	err->line = 1;
	err->column = 1;
	for (s = ps->text; s < at; s++) {
		if (*s == '\n') {
			err->line++;
			err->column = 1;
		} else {
			err->column++;
		}
	}
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof(err->text), fmt, ap);
	va_end(ap);
	return NULL;
}

static json_t *fail_here(struct parser *ps, const char *what)
{
	if (ps->p >= ps->end)
		return fail_at(ps, ps->p, "premature end of input (expected %s)", what);
	if ((unsigned char)*ps->p >= 0x20 && (unsigned char)*ps->p < 0x7f)
		return fail_at(ps, ps->p, "unexpected '%c' (expected %s)", *ps->p, what);
	return fail_at(ps, ps->p, "unexpected byte 0x%02x (expected %s)",
		       (unsigned char)*ps->p, what);
}

static void skip_space(struct parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\t' || *ps->p == '\r'))
		ps->p++;
}

/* A byte B that is not part of valid UTF-8 becomes U+EF00 + B, as the plugin maps such
 * bytes (docs/fragment-format.md, "Strings"): a fragment written before the plugin did
 * (a file name in another encoding, an asm label) then spells its symbols as new
 * fragments do.  Counted for one warning per fragment. */
static void replace_byte(struct parser *ps, const char *at, size_t *n)
{
	if (!ps->err->replaced++)
		ps->err->first_replaced = (size_t)(at - ps->text);
	*n += jl_put_utf8(ps->buf + *n, 0xef00 + (unsigned char)*at);
}

/* Reports a lexical error of the string whose body starts at BODY.  The places are
 * those of the reader's own messages: a bad \u digit, the start of a short escape. */
static void string_error(struct parser *ps, enum jl_status st, const char *at)
{
	const char *d;

	switch (st) {
	case JL_UNTERMINATED:
		fail_at(ps, ps->end, "premature end of input in a string");
		break;
	case JL_CONTROL:
		fail_at(ps, at, "control character 0x%02x in a string", (unsigned char)*at);
		break;
	case JL_BAD_ESCAPE:
		fail_at(ps, at, "invalid escape '\\%c'", at + 1 < ps->end ? at[1] : ' ');
		break;
	case JL_BAD_U_ESCAPE:
		if (ps->end - (at + 2) < 4) {
			fail_at(ps, at + 2, "premature end of input in \\u escape");
			break;
		}
		for (d = at + 2; d < at + 6 && jl_hex_digit(*d) >= 0; d++)
			;
		fail_at(ps, d, "invalid \\u escape");
		break;
	case JL_LONE_LOW_SURROGATE:
		fail_at(ps, at, "invalid Unicode escape (a lone low surrogate)");
		break;
	case JL_LONE_HIGH_SURROGATE:
		fail_at(ps, at, "invalid Unicode escape (a high surrogate without its low one)");
		break;
	case JL_NUL:
		fail_at(ps, at, "\\u0000 is not allowed in a string");
		break;
	default:
		fail_at(ps, at, "%s", jl_status_text(st));
	}
}

/* Appends the decoded body [BODY, CLOSE) to ps->buf at *N. */
static bool decode_into_buffer(struct parser *ps, const char *body, const char *close,
			       size_t *n)
{
	const char *error_at = body;
	size_t len = 0;
	enum jl_status st = jl_unescape(body, close, JL_STRICT_SURROGATES | JL_NO_NUL,
					ps->buf + *n, &len, &error_at);

	if (st != JL_OK) {
		string_error(ps, st, error_at);
		return false;
	}
	*n += len;
	return true;
}

/* The slow path of a string with bytes that are not UTF-8, from BODY: each stretch
 * between two such bytes is decoded, each such byte replaced. */
static bool read_replacing(struct parser *ps, const char *body, const char **out,
			   size_t *out_len)
{
	const char *from = body;
	struct jl_scan scan;
	enum jl_status st;
	size_t n = 0;

	/* At most three bytes (U+EF80..U+EFFF) for each byte of the source. */
	xgrow(&ps->buf, &ps->buf_cap, 3 * (size_t)(ps->end - body) + 1, 1);
	while ((st = jl_scan_string(from, ps->end, &scan)) == JL_BAD_UTF8) {
		if (!decode_into_buffer(ps, from, scan.error_at, &n))
			return false;
		replace_byte(ps, scan.error_at, &n);
		from = scan.error_at + 1;
	}
	if (st != JL_OK) {
		string_error(ps, st, scan.error_at);
		return false;
	}
	if (!decode_into_buffer(ps, from, scan.close, &n))
		return false;
	ps->buf[n] = '\0';
	*out = ps->buf;
	*out_len = n;
	ps->p = scan.close + 1;
	return true;
}

/* Reads the string at ps->p (on its opening quote), through the shared lexical layer
 * (checker/common/json_lex.h).  Its contents end up in ps->buf (NUL-terminated) or,
 * when it has no escapes, are pointed to directly. */
static bool read_string(struct parser *ps, const char **out, size_t *out_len)
{
	const char *body = ++ps->p;
	struct jl_scan scan;
	enum jl_status st = jl_scan_string(body, ps->end, &scan);
	size_t n = 0;

	if (st == JL_BAD_UTF8)
		return read_replacing(ps, body, out, out_len);
	if (st != JL_OK) {
		string_error(ps, st, scan.error_at);
		return false;
	}
	if (!scan.escaped) {
		*out = body;
		*out_len = (size_t)(scan.close - body);
		ps->p = scan.close + 1;
		return true;
	}
	xgrow(&ps->buf, &ps->buf_cap, (size_t)(scan.close - body) + 1, 1);
	if (!decode_into_buffer(ps, body, scan.close, &n))
		return false;
	ps->buf[n] = '\0';
	*out = ps->buf;
	*out_len = n;
	ps->p = scan.close + 1;
	return true;
}

static json_t *parse_number(struct parser *ps)
{
	const char *start = ps->p, *s = ps->p;
	bool is_real = false;
	char tmp[64], *endp;

	if (*s == '-')
		s++;
	if (s < ps->end && *s == '0') {
		s++;
	} else if (s < ps->end && *s >= '1' && *s <= '9') {
		while (s < ps->end && *s >= '0' && *s <= '9')
			s++;
	} else {
		ps->p = s;
		return fail_here(ps, "a digit");
	}
	if (s < ps->end && *s == '.') {
		is_real = true;
		s++;
		if (s >= ps->end || *s < '0' || *s > '9') {
			ps->p = s;
			return fail_here(ps, "a digit after '.'");
		}
		while (s < ps->end && *s >= '0' && *s <= '9')
			s++;
	}
	if (s < ps->end && (*s == 'e' || *s == 'E')) {
		is_real = true;
		s++;
		if (s < ps->end && (*s == '+' || *s == '-'))
			s++;
		if (s >= ps->end || *s < '0' || *s > '9') {
			ps->p = s;
			return fail_here(ps, "a digit in the exponent");
		}
		while (s < ps->end && *s >= '0' && *s <= '9')
			s++;
	}
	ps->p = s;
	/* Most numbers are short integers: no need for strtoll. */
	if (!is_real && s - start <= 18) {
		const char *d = start + (*start == '-');
		long long v = 0;

		for (; d < s; d++)
			v = v * 10 + (*d - '0');
		return json_integer((json_int_t)(*start == '-' ? -v : v));
	}
	if ((size_t)(s - start) >= sizeof(tmp))
		return fail_at(ps, start, "number too long");
	memcpy(tmp, start, (size_t)(s - start));
	tmp[s - start] = '\0';
	errno = 0;
	if (is_real) {
		double d = strtod(tmp, &endp);

		if (errno == ERANGE && (d > 1 || d < -1))
			return fail_at(ps, start, "real number overflow");
		return json_real(d);
	}
	{
		long long v = strtoll(tmp, &endp, 10);

		if (errno == ERANGE)
			return fail_at(ps, start, "too big integer");
		return json_integer((json_int_t)v);
	}
}

static bool match_word(struct parser *ps, const char *word, size_t len)
{
	if ((size_t)(ps->end - ps->p) < len || memcmp(ps->p, word, len))
		return false;
	ps->p += len;
	return true;
}

static json_t *parse_value(struct parser *ps);

static json_t *parse_object(struct parser *ps)
{
	json_t *obj = json_object(), *value;
	const char *key_at, *key;
	size_t key_len, count = 0;
	char small[128], *key_copy = NULL;

	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		return obj;
	}
	for (;;) {
		skip_space(ps);
		if (ps->p >= ps->end || *ps->p != '"') {
			fail_here(ps, "a string key");
			goto error;
		}
		key_at = ps->p;
		if (!read_string(ps, &key, &key_len))
			goto error;
		if (memchr(key, '\0', key_len)) {
			fail_at(ps, key_at, "NUL in an object key");
			goto error;
		}
		/* A key with escapes lives in ps->buf, which the value's strings reuse. */
		if (key == ps->buf) {
			key_copy = key_len < sizeof(small) ? small : xmalloc(key_len + 1);
			memcpy(key_copy, key, key_len);
			key_copy[key_len] = '\0';
			key = key_copy;
		}
		skip_space(ps);
		if (ps->p >= ps->end || *ps->p != ':') {
			fail_here(ps, "':'");
			goto error;
		}
		ps->p++;
		value = parse_value(ps);
		if (!value)
			goto error;
		/* A repeated key replaces the earlier value: the size shows it. */
		json_object_setn_new_nocheck(obj, key, key_len, value);
		if (json_object_size(obj) != ++count) {
			fail_at(ps, key_at, "duplicate object key \"%.*s\"", (int)key_len, key);
			goto error;
		}
		if (key_copy && key_copy != small)
			free(key_copy);
		key_copy = NULL;
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			return obj;
		}
		fail_here(ps, "',' or '}'");
		goto error;
	}
error:
	if (key_copy && key_copy != small)
		free(key_copy);
	json_decref(obj);
	return NULL;
}

static json_t *parse_array(struct parser *ps)
{
	json_t *arr = json_array(), *value;

	ps->p++;
	skip_space(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
		return arr;
	}
	for (;;) {
		value = parse_value(ps);
		if (!value) {
			json_decref(arr);
			return NULL;
		}
		json_array_append_new(arr, value);
		skip_space(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			continue;
		}
		if (ps->p < ps->end && *ps->p == ']') {
			ps->p++;
			return arr;
		}
		json_decref(arr);
		return fail_here(ps, "',' or ']'");
	}
}

static json_t *parse_value(struct parser *ps)
{
	json_t *v = NULL;
	const char *s;
	size_t len;

	skip_space(ps);
	if (ps->p >= ps->end)
		return fail_here(ps, "a value");
	if (++ps->depth > MAX_DEPTH)
		return fail_at(ps, ps->p, "nesting deeper than %d", MAX_DEPTH);
	switch (*ps->p) {
	case '{':
		v = parse_object(ps);
		break;
	case '[':
		v = parse_array(ps);
		break;
	case '"':
		if (!read_string(ps, &s, &len))
			break;
		v = json_stringn_nocheck(s, len);
		break;
	case 't':
		v = match_word(ps, "true", 4) ? json_true() : fail_here(ps, "a value");
		break;
	case 'f':
		v = match_word(ps, "false", 5) ? json_false() : fail_here(ps, "a value");
		break;
	case 'n':
		v = match_word(ps, "null", 4) ? json_null() : fail_here(ps, "a value");
		break;
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			v = parse_number(ps);
		else
			v = fail_here(ps, "a value");
	}
	ps->depth--;
	if (!v && !ps->failed)
		fail_at(ps, ps->p, "out of memory");
	return v;
}

json_t *json_parse(const char *text, size_t len, struct json_parse_error *err)
{
	struct parser ps = { .text = text, .p = text, .end = text + len, .err = err };
	json_t *v;

	memset(err, 0, sizeof(*err));
	v = parse_value(&ps);
	if (v) {
		skip_space(&ps);
		if (ps.p < ps.end) {
			json_decref(v);
			v = fail_here(&ps, "the end of the input");
		}
	}
	free(ps.buf);
	return v;
}
