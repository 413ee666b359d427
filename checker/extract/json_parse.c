/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A strict recursive-descent JSON parser over a byte buffer, building jansson values. */
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "json_parse.h"
#include "util.h"

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

static int hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static bool read_hex4(struct parser *ps, const char *at, unsigned *value)
{
	int i, d;

	*value = 0;
	if (ps->end - at < 4) {
		fail_at(ps, at, "premature end of input in \\u escape");
		return false;
	}
	for (i = 0; i < 4; i++) {
		d = hex_digit(at[i]);
		if (d < 0) {
			fail_at(ps, at + i, "invalid \\u escape");
			return false;
		}
		*value = *value * 16 + (unsigned)d;
	}
	return true;
}

/* Bytes that stand for themselves in a string: printable ASCII but '"' and '\\'. */
static const unsigned char plain_ascii[256] = {
	[0x20] = 1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* True when one of the 8 bytes at S is '"', '\\', a control character or not ASCII. */
static bool special_in_word(const char *s)
{
	const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
	uint64_t w, quote, backslash, control;

	memcpy(&w, s, 8);
	quote = w ^ (ones * '"');
	backslash = w ^ (ones * '\\');
	control = (w - ones * 0x20) & ~w;
	return ((((quote - ones) & ~quote) | ((backslash - ones) & ~backslash) | control | w) &
		highs) != 0;
}

/* Length of the valid UTF-8 sequence at S (at most N bytes), or 0. */
static size_t utf8_length(const unsigned char *s, size_t n)
{
	unsigned c = s[0], cp;
	size_t len, i;

	if (c < 0x80)
		return 1;
	if (c >= 0xc2 && c <= 0xdf)
		len = 2, cp = c & 0x1f;
	else if (c >= 0xe0 && c <= 0xef)
		len = 3, cp = c & 0x0f;
	else if (c >= 0xf0 && c <= 0xf4)
		len = 4, cp = c & 0x07;
	else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((len == 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
	    (len == 4 && (cp < 0x10000 || cp > 0x10ffff)))
		return 0;
	return len;
}

static void put_utf8(struct parser *ps, size_t *n, unsigned cp)
{
	char *b = ps->buf + *n;

	if (cp < 0x80) {
		b[0] = (char)cp;
		*n += 1;
	} else if (cp < 0x800) {
		b[0] = (char)(0xc0 | (cp >> 6));
		b[1] = (char)(0x80 | (cp & 0x3f));
		*n += 2;
	} else if (cp < 0x10000) {
		b[0] = (char)(0xe0 | (cp >> 12));
		b[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[2] = (char)(0x80 | (cp & 0x3f));
		*n += 3;
	} else {
		b[0] = (char)(0xf0 | (cp >> 18));
		b[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
		b[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
		b[3] = (char)(0x80 | (cp & 0x3f));
		*n += 4;
	}
}

/* A byte that is not part of valid UTF-8 becomes U+FFFD, one for each byte (old or
 * foreign fragments may hold them: a file name in another encoding, an asm label);
 * counted for one warning per fragment. */
static void replace_byte(struct parser *ps, const char *at, size_t *n)
{
	if (!ps->err->replaced++)
		ps->err->first_replaced = (size_t)(at - ps->text);
	put_utf8(ps, n, 0xfffd);
}

/* Reads the string at ps->p (on its opening quote).  Its contents end up in ps->buf
 * (NUL-terminated) or, when it has no escapes, are pointed to directly. */
static bool read_string(struct parser *ps, const char **out, size_t *out_len)
{
	const char *start = ++ps->p, *s = start;
	size_t n = 0, len;
	unsigned cp, low;

	/* Fast path: eight plain bytes at a time, then byte by byte. */
	while (ps->end - s >= 8 && !special_in_word(s))
		s += 8;
	while (s < ps->end && *s != '"' && *s != '\\') {
		unsigned char c = (unsigned char)*s;

		if (plain_ascii[c]) {
			s++;
			continue;
		}
		if (c < 0x20) {
			fail_at(ps, s, "control character 0x%02x in a string", c);
			return false;
		}
		if (c < 0x80) {
			s++;
			continue;
		}
		len = utf8_length((const unsigned char *)s, (size_t)(ps->end - s));
		if (!len)
			break;     /* replaced on the slow path */
		s += len;
	}
	if (s >= ps->end) {
		fail_at(ps, s, "premature end of input in a string");
		return false;
	}
	if (*s == '"') {
		*out = start;
		*out_len = (size_t)(s - start);
		ps->p = s + 1;
		return true;
	}
	/* Escapes or bytes that are not UTF-8: rewrite into the buffer (at most three times
	 * the source, when every byte becomes U+FFFD). */
	xgrow(&ps->buf, &ps->buf_cap, 3 * (size_t)(ps->end - start) + 1, 1);
	n = (size_t)(s - start);
	memcpy(ps->buf, start, n);
	while (s < ps->end && *s != '"') {
		unsigned char c = (unsigned char)*s;

		if (c < 0x20) {
			fail_at(ps, s, "control character 0x%02x in a string", c);
			return false;
		}
		if (c != '\\') {
			len = c < 0x80 ? 1 : utf8_length((const unsigned char *)s,
							  (size_t)(ps->end - s));
			if (!len) {
				replace_byte(ps, s, &n);
				s++;
				continue;
			}
			memcpy(ps->buf + n, s, len);
			n += len;
			s += len;
			continue;
		}
		if (s + 1 >= ps->end)
			break;
		switch (s[1]) {
		case '"': ps->buf[n++] = '"'; break;
		case '\\': ps->buf[n++] = '\\'; break;
		case '/': ps->buf[n++] = '/'; break;
		case 'b': ps->buf[n++] = '\b'; break;
		case 'f': ps->buf[n++] = '\f'; break;
		case 'n': ps->buf[n++] = '\n'; break;
		case 'r': ps->buf[n++] = '\r'; break;
		case 't': ps->buf[n++] = '\t'; break;
		case 'u':
			if (!read_hex4(ps, s + 2, &cp))
				return false;
			s += 6;
			if (cp >= 0xdc00 && cp <= 0xdfff) {
				fail_at(ps, s - 6, "invalid Unicode escape (a lone low surrogate)");
				return false;
			}
			if (cp >= 0xd800 && cp <= 0xdbff) {
				if (ps->end - s < 6 || s[0] != '\\' || s[1] != 'u' ||
				    !read_hex4(ps, s + 2, &low) || low < 0xdc00 || low > 0xdfff) {
					fail_at(ps, s - 6, "invalid Unicode escape (a high surrogate "
						"without its low one)");
					return false;
				}
				cp = 0x10000 + ((cp - 0xd800) << 10) + (low - 0xdc00);
				s += 6;
			}
			if (cp == 0) {
				fail_at(ps, s - 6, "\\u0000 is not allowed in a string");
				return false;
			}
			put_utf8(ps, &n, cp);
			continue;
		default:
			fail_at(ps, s, "invalid escape '\\%c'", s[1]);
			return false;
		}
		s += 2;
	}
	if (s >= ps->end) {
		fail_at(ps, s, "premature end of input in a string");
		return false;
	}
	ps->buf[n] = '\0';
	*out = ps->buf;
	*out_len = n;
	ps->p = s + 1;
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
