/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A recursive-descent reader over the whole file in memory.  Strings without escapes
 * point into the file text; everything else lives in the caller's arena. */
#include "vc_json.h"
#include "vc_buf.h"
#include "vc_fail.h"
#include "vc_hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct parser {
	struct vc_arena *arena;
	const char *name;
	const char *text;
	const char *p;
	const char *end;
	int depth;
	/* Scratch stacks for the members/items of the containers being read. */
	struct vc_member *members;
	size_t n_members, cap_members;
	struct vc_value **items;
	size_t n_items, cap_items;
};

_Noreturn static void syntax_error(struct parser *ps, const char *at, const char *msg)
{
	/* Line and column as Python counts them: newlines are \n, \r\n or \r; columns count
	 * characters, not bytes. */
	unsigned long line = 1, col = 1;
	for (const char *q = ps->text; q < at && q < ps->end; q++) {
		unsigned char c = (unsigned char)*q;
		if (c == '\n' || (c == '\r' && !(q + 1 < ps->end && q[1] == '\n'))) {
			line++;
			col = 1;
		} else if (c != '\r' && (c & 0xc0) != 0x80) {
			col++;
		}
	}
	free(ps->members);
	free(ps->items);
	vc_fail("%s:%lu:%lu: error: %s", ps->name, line, col, msg);
}

static void skip_ws(struct parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
		ps->p++;
}

static struct vc_value *new_value(struct parser *ps, enum vc_kind kind)
{
	struct vc_value *v = vc_arena_alloc(ps->arena, sizeof(*v));
	v->kind = (uint8_t)kind;
	return v;
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

static long read_hex4(const char *p, const char *end)
{
	if (end - p < 4)
		return -1;
	long v = 0;
	for (int i = 0; i < 4; i++) {
		int d = hex_digit(p[i]);
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* Length of the valid UTF-8 sequence at P (strict, as Python's decoder), or 0. */
static int utf8_length(const unsigned char *p, const unsigned char *end)
{
	unsigned char c = p[0];
	int n;
	unsigned char lo = 0x80, hi = 0xbf;
	if (c >= 0xc2 && c <= 0xdf)
		n = 2;
	else if (c >= 0xe0 && c <= 0xef) {
		n = 3;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		n = 4;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else
		return 0;
	if (end - p < n)
		return 0;
	if (p[1] < lo || p[1] > hi)
		return 0;
	for (int i = 2; i < n; i++)
		if (p[i] < 0x80 || p[i] > 0xbf)
			return 0;
	return n;
}

static size_t put_code_point(char *out, unsigned long cp)
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
	if (cp < 0x10000) {  /* lone surrogates too: kept one code point each */
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

/* Reads the string whose opening quote is at ps->p; sets OUT and LEN. */
static void read_string(struct parser *ps, const char **out, uint32_t *len)
{
	const char *start = ps->p;
	const char *q = ps->p + 1;
	bool escaped = false;
	for (;;) {
		if (q >= ps->end)
			syntax_error(ps, start, "unterminated string");
		unsigned char c = (unsigned char)*q;
		if (c == '"')
			break;
		if (c == '\\') {
			escaped = true;
			q += 2;
			continue;
		}
		if (c < 0x20)
			syntax_error(ps, q, "invalid control character in string");
		if (c >= 0x80) {
			int n = utf8_length((const unsigned char *)q, (const unsigned char *)ps->end);
			if (!n)
				syntax_error(ps, q, "invalid UTF-8 byte");
			q += n;
			continue;
		}
		q++;
	}
	size_t raw = (size_t)(q - start - 1);
	if (raw > UINT32_MAX)
		syntax_error(ps, start, "string longer than 4 GiB");
	if (!escaped) {
		*out = start + 1;
		*len = (uint32_t)raw;
		ps->p = q + 1;
		return;
	}
	char *buf = vc_arena_alloc(ps->arena, raw + 1);
	size_t n = 0;
	for (const char *r = start + 1; r < q;) {
		if (*r != '\\') {
			buf[n++] = *r++;
			continue;
		}
		char e = r[1];
		switch (e) {
		case '"': buf[n++] = '"'; break;
		case '\\': buf[n++] = '\\'; break;
		case '/': buf[n++] = '/'; break;
		case 'b': buf[n++] = '\b'; break;
		case 'f': buf[n++] = '\f'; break;
		case 'n': buf[n++] = '\n'; break;
		case 'r': buf[n++] = '\r'; break;
		case 't': buf[n++] = '\t'; break;
		case 'u': {
			long cp = read_hex4(r + 2, q);
			if (cp < 0)
				syntax_error(ps, r, "invalid \\uXXXX escape");
			r += 6;
			/* A high surrogate directly followed by an escaped low one is one code
			 * point; any other surrogate stays alone, as in Python. */
			if (cp >= 0xd800 && cp <= 0xdbff && q - r >= 6 && r[0] == '\\' &&
			    r[1] == 'u') {
				long lo = read_hex4(r + 2, q);
				if (lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
					r += 6;
				}
			}
			n += put_code_point(buf + n, (unsigned long)cp);
			continue;
		}
		default:
			syntax_error(ps, r, "invalid \\escape");
		}
		r += 2;
	}
	*out = buf;
	*len = (uint32_t)n;
	ps->p = q + 1;
}

static struct vc_value *read_value(struct parser *ps);

static void push_member(struct parser *ps, struct vc_member m)
{
	if (ps->n_members == ps->cap_members) {
		size_t cap = ps->cap_members ? ps->cap_members * 2 : 64;
		struct vc_member *p = realloc(ps->members, cap * sizeof(*p));
		if (!p)
			syntax_error(ps, ps->p, "out of memory");
		ps->members = p;
		ps->cap_members = cap;
	}
	ps->members[ps->n_members++] = m;
}

static void push_item(struct parser *ps, struct vc_value *v)
{
	if (ps->n_items == ps->cap_items) {
		size_t cap = ps->cap_items ? ps->cap_items * 2 : 64;
		struct vc_value **p = realloc(ps->items, cap * sizeof(*p));
		if (!p)
			syntax_error(ps, ps->p, "out of memory");
		ps->items = p;
		ps->cap_items = cap;
	}
	ps->items[ps->n_items++] = v;
}

enum { SMALL_DICT = 8 };

/* Moves the members read since BASE into DICT: a repeated key keeps its first position
 * and takes the last value, like a Python dict filled in file order. */
static void finish_dict(struct parser *ps, struct vc_value *dict, size_t base)
{
	size_t n = ps->n_members - base;
	struct vc_member *in = n ? ps->members + base : NULL;
	struct vc_member *out = vc_arena_alloc(ps->arena, (n ? n : 1) * sizeof(*out));
	uint32_t count = 0;
	if (n <= SMALL_DICT) {
		for (size_t i = 0; i < n; i++) {
			uint32_t j;
			for (j = 0; j < count; j++)
				if (out[j].key_len == in[i].key_len &&
				    memcmp(out[j].key, in[i].key, in[i].key_len) == 0)
					break;
			if (j == count)
				out[count++] = in[i];
			else
				out[j].value = in[i].value;
		}
	} else {
		uint32_t size = 16;
		while (size < 2 * n)
			size *= 2;
		uint32_t *index = vc_arena_alloc(ps->arena, size * sizeof(*index));
		uint32_t mask = size - 1;
		for (size_t i = 0; i < n; i++) {
			uint32_t h = vc_hash(in[i].key, in[i].key_len) & mask;
			for (;; h = (h + 1) & mask) {
				uint32_t slot = index[h];
				if (!slot) {
					out[count] = in[i];
					index[h] = ++count;
					break;
				}
				struct vc_member *c = &out[slot - 1];
				if (c->key_len == in[i].key_len &&
				    memcmp(c->key, in[i].key, in[i].key_len) == 0) {
					c->value = in[i].value;
					break;
				}
			}
		}
		dict->u.dict.index = index;
		dict->u.dict.index_mask = mask;
	}
	for (uint32_t i = 0; i < count; i++) {
		out[i].value->parent = dict;
		out[i].value->slot = i;
	}
	dict->u.dict.members = out;
	dict->len = count;
	ps->n_members = base;
}

static void enter(struct parser *ps)
{
	if (++ps->depth > VC_JSON_MAX_DEPTH)
		syntax_error(ps, ps->p, "containers nested deeper than 993 levels "
			     "(Python's decoder stops there)");
}

static struct vc_value *read_object(struct parser *ps)
{
	enter(ps);
	struct vc_value *dict = new_value(ps, VC_DICT);
	size_t base = ps->n_members;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
		finish_dict(ps, dict, base);
		ps->depth--;
		return dict;
	}
	for (;;) {
		if (ps->p >= ps->end || *ps->p != '"')
			syntax_error(ps, ps->p, "expecting property name enclosed in double quotes");
		struct vc_member m;
		read_string(ps, &m.key, &m.key_len);
		skip_ws(ps);
		if (ps->p >= ps->end || *ps->p != ':')
			syntax_error(ps, ps->p, "expecting ':' delimiter");
		ps->p++;
		skip_ws(ps);
		m.value = read_value(ps);
		push_member(ps, m);
		skip_ws(ps);
		if (ps->p < ps->end && *ps->p == ',') {
			ps->p++;
			skip_ws(ps);
			continue;
		}
		if (ps->p < ps->end && *ps->p == '}') {
			ps->p++;
			break;
		}
		syntax_error(ps, ps->p, "expecting ',' delimiter");
	}
	finish_dict(ps, dict, base);
	ps->depth--;
	return dict;
}

static struct vc_value *read_array(struct parser *ps)
{
	enter(ps);
	struct vc_value *list = new_value(ps, VC_LIST);
	size_t base = ps->n_items;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
	} else {
		for (;;) {
			push_item(ps, read_value(ps));
			skip_ws(ps);
			if (ps->p < ps->end && *ps->p == ',') {
				ps->p++;
				skip_ws(ps);
				continue;
			}
			if (ps->p < ps->end && *ps->p == ']') {
				ps->p++;
				break;
			}
			syntax_error(ps, ps->p, "expecting ',' delimiter");
		}
	}
	size_t n = ps->n_items - base;
	if (n > UINT32_MAX)
		syntax_error(ps, ps->p, "array too long");
	list->u.items = vc_arena_alloc(ps->arena, (n ? n : 1) * sizeof(*list->u.items));
	if (n)
		memcpy(list->u.items, ps->items + base, n * sizeof(*list->u.items));
	for (size_t i = 0; i < n; i++) {
		list->u.items[i]->parent = list;
		list->u.items[i]->slot = (uint32_t)i;
	}
	list->len = (uint32_t)n;
	ps->n_items = base;
	ps->depth--;
	return list;
}

static bool match_word(struct parser *ps, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return false;
	ps->p += n;
	return true;
}

static struct vc_value *make_float(struct parser *ps, double f)
{
	struct vc_value *v = new_value(ps, VC_FLOAT);
	v->u.f = f;
	return v;
}

static bool is_digit(const char *p, const char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

/* Numbers follow Python's pattern -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? ; an integer
 * part alone is an int, anything else a float (correctly rounded, inf on overflow). */
static struct vc_value *read_number(struct parser *ps)
{
	const char *start = ps->p;
	const char *q = ps->p;
	bool negative = false;
	if (*q == '-') {
		negative = true;
		q++;
		if (q < ps->end && *q == 'I') {
			ps->p = q;
			if (match_word(ps, "Infinity"))
				return make_float(ps, -__builtin_inf());
			syntax_error(ps, start, "expecting value");
		}
	}
	if (!is_digit(q, ps->end))
		syntax_error(ps, start, "expecting value");
	const char *digits = q;
	if (*q == '0')
		q++;
	else
		while (is_digit(q, ps->end))
			q++;
	const char *int_end = q;
	bool is_float = false;
	if (q + 1 < ps->end && *q == '.' && is_digit(q + 1, ps->end)) {
		is_float = true;
		q += 2;
		while (is_digit(q, ps->end))
			q++;
	}
	if (q < ps->end && (*q == 'e' || *q == 'E')) {
		const char *e = q + 1;
		if (e < ps->end && (*e == '+' || *e == '-'))
			e++;
		if (is_digit(e, ps->end)) {
			is_float = true;
			q = e;
			while (is_digit(q, ps->end))
				q++;
		}
	}
	ps->p = q;
	if (is_float) {
		size_t n = (size_t)(q - start);
		char small[64];
		char *copy = n < sizeof(small) ? small : vc_arena_alloc(ps->arena, n + 1);
		memcpy(copy, start, n);
		copy[n] = '\0';
		return make_float(ps, strtod(copy, NULL));
	}
	size_t n_digits = (size_t)(int_end - digits);
	if (n_digits > VC_JSON_MAX_INT_DIGITS)
		syntax_error(ps, start, "integer with more than 4300 digits "
			     "(Python refuses to convert it)");
	int64_t acc = 0;
	bool overflow = false;
	for (const char *d = digits; d < int_end && !overflow; d++) {
		int64_t digit = *d - '0';
		overflow = __builtin_mul_overflow(acc, 10, &acc) ||
			   __builtin_sub_overflow(acc, digit, &acc);
	}
	/* Accumulated as a negative number so that INT64_MIN fits. */
	if (!overflow && !negative && acc == INT64_MIN)
		overflow = true;
	if (!overflow) {
		struct vc_value *v = new_value(ps, VC_INT);
		v->u.i = negative ? acc : -acc;
		return v;
	}
	struct vc_value *v = new_value(ps, VC_BIGINT);
	v->negative = negative;
	v->u.s = digits;
	v->len = (uint32_t)n_digits;
	return v;
}

static struct vc_value *read_value(struct parser *ps)
{
	if (ps->p >= ps->end)
		syntax_error(ps, ps->p, "expecting value");
	switch (*ps->p) {
	case '"': {
		struct vc_value *v = new_value(ps, VC_STR);
		read_string(ps, &v->u.s, &v->len);
		return v;
	}
	case '{':
		return read_object(ps);
	case '[':
		return read_array(ps);
	case 'n':
		if (match_word(ps, "null"))
			return new_value(ps, VC_NULL);
		break;
	case 't':
		if (match_word(ps, "true")) {
			struct vc_value *v = new_value(ps, VC_BOOL);
			v->boolean = true;
			return v;
		}
		break;
	case 'f':
		if (match_word(ps, "false"))
			return new_value(ps, VC_BOOL);
		break;
	case 'N':
		if (match_word(ps, "NaN"))
			return make_float(ps, __builtin_nan(""));
		break;
	case 'I':
		if (match_word(ps, "Infinity"))
			return make_float(ps, __builtin_inf());
		break;
	default:
		if (*ps->p == '-' || (*ps->p >= '0' && *ps->p <= '9'))
			return read_number(ps);
	}
	syntax_error(ps, ps->p, "expecting value");
}

struct vc_value *vc_json_parse(struct vc_arena *arena, const char *name,
			       const char *text, size_t len)
{
	struct parser ps = { .arena = arena, .name = name, .text = text, .p = text,
			     .end = text + len };
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		syntax_error(&ps, text, "unexpected UTF-8 byte order mark");
	struct vc_value *doc = new_value(&ps, VC_DOC);
	doc->u.s = vc_arena_strndup(arena, name, strlen(name));
	skip_ws(&ps);
	struct vc_value *root = read_value(&ps);
	skip_ws(&ps);
	if (ps.p != ps.end) {
		/* Python decodes the whole file before parsing: bad UTF-8 anywhere wins. */
		for (const char *q = ps.p; q < ps.end;) {
			if ((unsigned char)*q < 0x80) {
				q++;
				continue;
			}
			int n = utf8_length((const unsigned char *)q, (const unsigned char *)ps.end);
			if (!n)
				syntax_error(&ps, q, "invalid UTF-8 byte");
			q += n;
		}
		syntax_error(&ps, ps.p, "extra data after the JSON value");
	}
	free(ps.members);
	free(ps.items);
	root->parent = doc;
	return root;
}

static char *read_all(struct vc_arena *arena, const char *path, const char *name, size_t *len)
{
	int fd = strcmp(path, "-") == 0 ? 0 : open(path, O_RDONLY);
	if (fd < 0)
		vc_fail("%s: error: cannot open: %s", name, strerror(errno));
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		vc_fail("%s: error: cannot read: %s", name, strerror(EISDIR));
	}
	struct vc_buf buf = { 0 };
	char *text = NULL;
	size_t n = 0;
	if (fd != 0 && S_ISREG(st.st_mode)) {
		size_t want = (size_t)st.st_size;
		text = vc_arena_alloc(arena, want + 1);
		while (n < want) {
			ssize_t r = read(fd, text + n, want - n);
			if (r < 0 && errno == EINTR)
				continue;
			if (r < 0) {
				int err = errno;
				close(fd);
				vc_fail("%s: error: cannot read: %s", name, strerror(err));
			}
			if (r == 0)
				break;
			n += (size_t)r;
		}
	}
	/* Pipes, or a file that grew while being read. */
	for (;;) {
		char chunk[65536];
		ssize_t r = read(fd, chunk, sizeof(chunk));
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = errno;
			if (fd != 0)
				close(fd);
			vc_buf_release(&buf);
			vc_fail("%s: error: cannot read: %s", name, strerror(err));
		}
		if (r == 0)
			break;
		vc_buf_add(&buf, chunk, (size_t)r);
	}
	if (fd != 0)
		close(fd);
	if (buf.len) {
		char *all = vc_arena_alloc(arena, n + buf.len + 1);
		if (n)
			memcpy(all, text, n);
		memcpy(all + n, buf.data, buf.len);
		n += buf.len;
		text = all;
	}
	vc_buf_release(&buf);
	if (!text)
		text = vc_arena_alloc(arena, 1);
	*len = n;
	return text;
}

struct vc_value *vc_json_load(struct vc_arena *arena, const char *path, const char *name)
{
	size_t len;
	char *text = read_all(arena, path, name, &len);
	return vc_json_parse(arena, name, text, len);
}
