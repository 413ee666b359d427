/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A recursive-descent reader over the whole file in memory (mapped when it is a regular
 * file, and given back to the kernel behind the cursor, so that a big dump does not stay
 * resident twice).  Values go into the compact arrays of struct vc_doc. */
#include "vc_json.h"
#include "../common/alloc.h"
#include "../common/fileio.h"
#include "../common/json_lex.h"
#include "../common/strbuf.h"
#include "vc_fail.h"
#include "vc_hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __SSE2__
#include <emmintrin.h>
#endif

struct parser {
	struct vc_doc *doc;
	const char *name;
	const char *text;
	const char *p;
	const char *end;
	int depth;
	/* Members/items of the containers being read. */
	struct vc_slot *stack;
	size_t n_stack, cap_stack;
	char *unescaped;  /* scratch for strings with escapes */
	size_t cap_unescaped;
	/* Key prediction: objects of a dump repeat the same keys in the same order, so
	 * after key K the next key is usually next_key[K]; a hit costs one compare. */
	uint32_t *next_key;
	uint32_t cap_next_key;
	uint32_t first_key;
	/* Duplicate-key check of small objects: stamp[key] == stamp_serial when seen. */
	uint32_t *stamp;
	uint32_t cap_stamp, stamp_serial;
	/* Mapped text: pages before .released were given back. */
	bool mapped;
	const char *released;
};

static void parser_free(struct parser *ps)
{
	free(ps->stack);
	free(ps->unescaped);
	free(ps->next_key);
	free(ps->stamp);
	ps->stamp = NULL;
	ps->stack = NULL;
	ps->unescaped = NULL;
	ps->next_key = NULL;
}

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
	parser_free(ps);
	char where[1100];
	snprintf(where, sizeof(where), "%s:%lu:%lu", ps->name, line, col);
	vc_fail(where, "%s", msg);
}

static void *grow(struct parser *ps, void *array, uint32_t *cap, size_t elem)
{
	if (array && ps->doc->mapped_size && (array == ps->doc->slots || array == ps->doc->nodes))
		syntax_error(ps, ps->p, "document too large");  /* cannot happen: see reserve_arrays */
	size_t n = *cap ? (size_t)*cap * 2 : 256;
	if (n > UINT32_MAX - 1)
		syntax_error(ps, ps->p, "document too large");
	void *p = xreallocarray(array, n, elem);
	*cap = (uint32_t)n;
	return p;
}

static uint32_t add_wide(struct parser *ps)
{
	struct vc_doc *d = ps->doc;
	if (d->n_wide == d->cap_wide)
		d->wide = grow(ps, d->wide, &d->cap_wide, sizeof(*d->wide));
	return d->n_wide++;
}

static void release_behind(struct parser *ps)
{
	/* Keep a margin: error messages and lookbehind stay cheap. */
	enum { STEP = 1 << 20 };
	if (!ps->mapped || ps->p - ps->released < 2 * STEP)
		return;
	long page = sysconf(_SC_PAGESIZE);
	uintptr_t upto = ((uintptr_t)(ps->p - STEP)) & ~(uintptr_t)(page - 1);
	uintptr_t from = (uintptr_t)ps->released;
	if (upto > from)
		madvise((void *)from, upto - from, MADV_DONTNEED);
	ps->released = (const char *)upto;
}

static inline bool is_ws(char c)
{
	return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static void skip_ws_run(struct parser *ps)
{
	const char *p = ps->p, *end = ps->end;
	for (;;) {
#ifdef __SSE2__
		/* A newline and the next line's indentation, 16 bytes at a time. */
		const __m128i spaces = _mm_set1_epi8(' '), newlines = _mm_set1_epi8('\n');
		while (end - p >= 16) {
			__m128i w = _mm_loadu_si128((const __m128i *)(const void *)p);
			__m128i blank = _mm_or_si128(_mm_cmpeq_epi8(w, spaces),
						     _mm_cmpeq_epi8(w, newlines));
			unsigned other = (unsigned)_mm_movemask_epi8(blank) ^ 0xffffu;
			if (other) {
				p += __builtin_ctz(other);
				break;
			}
			p += 16;
		}
#else
		/* Indentation comes in runs of spaces: take 8 at a time. */
		while (end - p >= 8) {
			uint64_t w;
			memcpy(&w, p, 8);
			if (w != 0x2020202020202020ull)
				break;
			p += 8;
		}
#endif
		if (p < end && is_ws(*p)) {
			p++;
			continue;
		}
		break;
	}
	ps->p = p;
}

static inline void skip_ws(struct parser *ps)
{
	/* Most calls skip nothing, or the one space after ':'. */
	const char *p = ps->p;
	if (ps->end - p >= 2) {
		if ((unsigned char)p[0] > ' ')
			return;
		if (p[0] == ' ' && (unsigned char)p[1] > ' ') {
			ps->p = p + 1;
			return;
		}
	}
	skip_ws_run(ps);
}

/* The id of string S (LEN bytes) read at AT; slots hold ids below VC_MAX_STRINGS. */
static uint32_t intern(struct parser *ps, const char *at, const char *s, size_t len, bool plain)
{
	uint32_t id = vc_strings_intern(ps->doc->strings, s, len, vc_hash(s, len), plain);
	if (id >= VC_MAX_STRINGS)
		syntax_error(ps, at, "more than 134217728 different strings");
	return id;
}

/* Reads the string whose opening quote is at ps->p and returns its interned id. */
static uint32_t read_string(struct parser *ps)
{
	const char *start = ps->p;
	struct jl_scan scan;
	enum jl_status st = jl_scan_string(start + 1, ps->end, &scan);
	if (st == JL_UNTERMINATED)
		syntax_error(ps, start, jl_status_text(st));
	if (st != JL_OK)
		syntax_error(ps, scan.error_at, jl_status_text(st));
	size_t raw = (size_t)(scan.close - start - 1);
	if (raw > UINT32_MAX)
		syntax_error(ps, start, "string longer than 4 GiB");
	ps->p = scan.close + 1;
	if (!scan.escaped)
		return intern(ps, start, start + 1, raw, true);
	if (ps->cap_unescaped < raw + 1) {
		free(ps->unescaped);
		ps->cap_unescaped = raw + 1;
		ps->unescaped = xmalloc(ps->cap_unescaped);
	}
	size_t n;
	const char *error_at;
	st = jl_unescape(start + 1, scan.close, 0, ps->unescaped, &n, &error_at);
	if (st != JL_OK)
		syntax_error(ps, error_at, jl_status_text(st));
	return intern(ps, start, ps->unescaped, n, false);
}

/* Values travel between the read functions as kind | flag | payload in one register: a
 * returned struct went through memory and stalled the hot loop. */
static inline uint64_t pack(struct vc_slot s)
{
	return s.payload | (uint64_t)s.kind << 32 | (uint64_t)s.flag << 40;
}

static uint64_t read_value(struct parser *ps);

static inline void push(struct parser *ps, uint32_t key, uint64_t v)
{
	if (ps->n_stack == ps->cap_stack) {
		size_t cap = ps->cap_stack ? ps->cap_stack * 2 : 256;
		struct vc_slot *p = realloc(ps->stack, cap * sizeof(*p));
		if (!p)
			syntax_error(ps, ps->p, "out of memory");
		ps->stack = p;
		ps->cap_stack = cap;
	}
	struct vc_slot *s = &ps->stack[ps->n_stack++];
	s->key = key;
	s->kind = (uint8_t)(v >> 32);
	s->flag = (uint8_t)(v >> 40);
	s->payload = (uint32_t)v;
}

static uint32_t new_node(struct parser *ps)
{
	struct vc_doc *d = ps->doc;
	if (d->n_nodes == d->cap_nodes)
		d->nodes = grow(ps, d->nodes, &d->cap_nodes, sizeof(*d->nodes));
	struct vc_node *n = &d->nodes[d->n_nodes];
	memset(n, 0, sizeof(*n));
	n->parent = VC_NO_NODE;
	n->index = VC_NO_NODE;
	return d->n_nodes++;
}

static uint32_t reserve_slots(struct parser *ps, size_t n)
{
	struct vc_doc *d = ps->doc;
	while ((size_t)d->cap_slots - d->n_slots < n)
		d->slots = grow(ps, d->slots, &d->cap_slots, sizeof(*d->slots));
	uint32_t first = d->n_slots;
	d->n_slots += (uint32_t)n;
	return first;
}

enum { SMALL_DICT = 8 };

/* Makes *TABLE (of *CAP entries) hold index NEED, doubling from 1024; new entries are
 * bytes FILL. */
static void grow_table(struct parser *ps, uint32_t **table, uint32_t *cap, uint32_t need,
		       int fill)
{
	if (need < *cap)
		return;
	size_t n = *cap ? *cap : 1024;
	while (n <= need)
		n *= 2;
	uint32_t *p = realloc(*table, n * sizeof(*p));
	if (!p)
		syntax_error(ps, ps->p, "out of memory");
	memset(p + *cap, fill, (n - *cap) * sizeof(*p));
	*table = p;
	*cap = (uint32_t)n;
}

/* Whether the N keys at IN are all different: one look at a stamp per key instead of
 * comparing every pair (objects rarely repeat a key). */
static bool distinct_keys(struct parser *ps, const struct vc_slot *in, size_t n)
{
	if (ps->doc->strings->count)
		grow_table(ps, &ps->stamp, &ps->cap_stamp, ps->doc->strings->count - 1, 0);
	if (++ps->stamp_serial == 0) {  /* wrapped: old stamps could match */
		memset(ps->stamp, 0, ps->cap_stamp * sizeof(*ps->stamp));
		ps->stamp_serial = 1;
	}
	for (size_t i = 0; i < n; i++) {
		if (ps->stamp[in[i].key] == ps->stamp_serial)
			return false;
		ps->stamp[in[i].key] = ps->stamp_serial;
	}
	return true;
}

/* Moves the children read since BASE into NODE.  In a dict a repeated key keeps its
 * first position and takes the last value, like a Python dict filled in file order. */
static void finish_container(struct parser *ps, uint32_t node, enum vc_kind kind, size_t base)
{
	struct vc_doc *d = ps->doc;
	size_t n = ps->n_stack - base;
	struct vc_slot *in = n ? ps->stack + base : NULL;
	uint32_t first = reserve_slots(ps, n);
	struct vc_slot *out = d->slots ? d->slots + first : NULL;
	uint32_t count = 0;
	if (kind == VC_LIST || (n <= SMALL_DICT && distinct_keys(ps, in, n))) {
		if (n)
			memcpy(out, in, n * sizeof(*out));
		count = (uint32_t)n;
	} else if (n <= SMALL_DICT) {
		for (size_t i = 0; i < n; i++) {
			uint32_t j;
			for (j = 0; j < count; j++)
				if (out[j].key == in[i].key)
					break;
			out[j] = in[i];
			if (j == count)
				count++;
		}
	} else {
		uint32_t size = 16;
		while (size < 2 * n)
			size *= 2;
		while ((size_t)d->cap_index - d->n_index < (size_t)size + 1)
			d->index_pool = grow(ps, d->index_pool, &d->cap_index, sizeof(*d->index_pool));
		uint32_t at = d->n_index;
		d->n_index += size + 1;
		uint32_t *table = d->index_pool + at + 1;
		memset(table, 0, size * sizeof(*table));
		d->index_pool[at] = size - 1;
		for (size_t i = 0; i < n; i++) {
			for (uint32_t h = vc_id_hash(in[i].key) & (size - 1);; h = (h + 1) & (size - 1)) {
				uint32_t e = table[h];
				if (!e) {
					out[count] = in[i];
					table[h] = ++count;
					break;
				}
				if (out[e - 1].key == in[i].key) {
					out[e - 1] = in[i];
					break;
				}
			}
		}
		d->nodes[node].index = at;
	}
	d->n_slots = first + count;  /* give back what duplicates did not use */
	for (uint32_t i = 0; i < count; i++) {
		if (out[i].kind == VC_LIST || out[i].kind == VC_DICT)
			d->nodes[out[i].payload].parent = node;
	}
	d->nodes[node].first = first;
	d->nodes[node].len = count;
	ps->n_stack = base;
}

static void enter(struct parser *ps)
{
	if (++ps->depth > VC_JSON_MAX_DEPTH)
		syntax_error(ps, ps->p, "containers nested deeper than 993 levels "
			     "(Python's decoder stops there)");
}

static uint64_t container_slot(enum vc_kind kind, uint32_t node)
{
	struct vc_slot s = { 0 };
	s.kind = (uint8_t)kind;
	s.payload = node;
	return pack(s);
}

/* A key that cannot be taken as raw text (it held escapes or specials). */
#define NO_KEY UINT32_MAX

/* The interned key ID if the text at ps->p is exactly "ID", else NO_KEY. */
static uint32_t match_key(struct parser *ps, uint32_t id)
{
	const struct vc_strings *st = ps->doc->strings;
	if (id == NO_KEY || id >= st->count || !st->plain[id])
		return NO_KEY;
	uint32_t len = st->len[id];
	const char *q = ps->p + 1;
	if ((size_t)(ps->end - q) <= len || q[len] != '"' || !vc_same_bytes(q, st->text[id], len))
		return NO_KEY;
	ps->p = q + len + 1;
	return id;
}

/* Where the guess for the key after PREV (NO_KEY: the first key) is kept. */
static uint32_t *prediction(struct parser *ps, uint32_t prev)
{
	if (prev == NO_KEY)
		return &ps->first_key;
	grow_table(ps, &ps->next_key, &ps->cap_next_key, prev, 0xff);
	return &ps->next_key[prev];
}

static uint32_t read_key(struct parser *ps, uint32_t prev)
{
	uint32_t *guess = prediction(ps, prev);
	uint32_t id = match_key(ps, *guess);
	if (id == NO_KEY) {
		id = read_string(ps);
		*guess = id;
	}
	return id;
}

static uint64_t read_object(struct parser *ps)
{
	enter(ps);
	uint32_t node = new_node(ps);
	size_t base = ps->n_stack;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == '}') {
		ps->p++;
	} else {
		uint32_t key = NO_KEY;
		for (;;) {
			if (ps->p >= ps->end || *ps->p != '"')
				syntax_error(ps, ps->p, "expecting property name enclosed in double quotes");
			key = read_key(ps, key);
			/* Dumps write '"key": value': one test for the usual spelling. */
			if (ps->end - ps->p >= 3 && ps->p[0] == ':' && ps->p[1] == ' ' &&
			    (unsigned char)ps->p[2] > ' ') {
				ps->p += 2;
			} else {
				skip_ws(ps);
				if (ps->p >= ps->end || *ps->p != ':')
					syntax_error(ps, ps->p, "expecting ':' delimiter");
				ps->p++;
				skip_ws(ps);
			}
			push(ps, key, read_value(ps));
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
	}
	finish_container(ps, node, VC_DICT, base);
	ps->depth--;
	release_behind(ps);
	return container_slot(VC_DICT, node);
}

static uint64_t read_array(struct parser *ps)
{
	enter(ps);
	uint32_t node = new_node(ps);
	size_t base = ps->n_stack;
	ps->p++;
	skip_ws(ps);
	if (ps->p < ps->end && *ps->p == ']') {
		ps->p++;
	} else {
		for (;;) {
			push(ps, 0, read_value(ps));
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
	finish_container(ps, node, VC_LIST, base);
	ps->depth--;
	return container_slot(VC_LIST, node);
}

static bool match_word(struct parser *ps, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(ps->end - ps->p) < n || memcmp(ps->p, word, n) != 0)
		return false;
	ps->p += n;
	return true;
}

static uint64_t make_float(struct parser *ps, double f)
{
	struct vc_slot s = { 0 };
	s.kind = VC_FLOAT;
	s.payload = add_wide(ps);
	ps->doc->wide[s.payload].f = f;
	return pack(s);
}

static bool is_digit(const char *p, const char *end)
{
	return p < end && *p >= '0' && *p <= '9';
}

/* Numbers follow Python's pattern -?(0|[1-9]\d*)(\.\d+)?([eE][-+]?\d+)? ; an integer
 * part alone is an int, anything else a float (correctly rounded, inf on overflow). */
static uint64_t read_number(struct parser *ps)
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
		char *copy = n < sizeof(small) ? small : malloc(n + 1);
		if (!copy)
			syntax_error(ps, start, "out of memory");
		memcpy(copy, start, n);
		copy[n] = '\0';
		double f = strtod(copy, NULL);
		if (copy != small)
			free(copy);
		return make_float(ps, f);
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
	struct vc_slot s = { 0 };
	struct vc_doc *d = ps->doc;
	if (!overflow) {
		int64_t value = negative ? acc : -acc;
		s.kind = VC_INT;
		if (value >= INT32_MIN && value <= INT32_MAX) {
			s.payload = (uint32_t)(int32_t)value;
		} else {
			s.flag = 1;
			s.payload = add_wide(ps);
			d->wide[s.payload].i = value;
		}
		return pack(s);
	}
	if (d->n_bigs == d->cap_bigs)
		d->bigs = grow(ps, d->bigs, &d->cap_bigs, sizeof(*d->bigs));
	s.kind = VC_BIGINT;
	s.flag = negative;
	s.payload = d->n_bigs++;
	d->bigs[s.payload].digits = arena_strndup(&d->arena, digits, n_digits);
	d->bigs[s.payload].len = (uint32_t)n_digits;
	return pack(s);
}

static uint64_t read_value(struct parser *ps)
{
	struct vc_slot s = { 0 };
	if (ps->p >= ps->end)
		syntax_error(ps, ps->p, "expecting value");
	/* The common kinds first, by tests: a switch's indirect jump was mispredicted often. */
	char c = *ps->p;
	if (c == '"')
		return (uint64_t)VC_STR << 32 | read_string(ps);
	if ((c >= '0' && c <= '9') || c == '-')
		return read_number(ps);
	if (c == '{')
		return read_object(ps);
	switch (c) {
	case '[':
		return read_array(ps);
	case 'n':
		if (match_word(ps, "null"))
			return pack(s);
		break;
	case 't':
		if (match_word(ps, "true")) {
			s.kind = VC_BOOL;
			s.flag = 1;
			return pack(s);
		}
		break;
	case 'f':
		if (match_word(ps, "false")) {
			s.kind = VC_BOOL;
			return pack(s);
		}
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
		break;
	}
	syntax_error(ps, ps->p, "expecting value");
}

/* For a big text, the slot and node arrays are reserved at their largest possible size
 * (a value takes at least two bytes of text, but for the last; a container two) and
 * backed by 2 MB pages as they fill: in a VM, faulting them in 4 KB pages took a fifth of
 * the run.  Reserving costs address space only. */
static void reserve_arrays(struct vc_doc *d, size_t len)
{
	enum { BIG_TEXT = 4 << 20 };
	size_t max_values = len / 2 + 2;
	if (len < BIG_TEXT || max_values >= UINT32_MAX)
		return;
	size_t slots = max_values * sizeof(*d->slots), nodes = max_values * sizeof(*d->nodes);
	void *map = mmap(NULL, slots + nodes, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
	if (map == MAP_FAILED)
		return;  /* realloc as for small texts */
	madvise(map, slots + nodes, MADV_HUGEPAGE);
	d->mapped_size = slots + nodes;
	d->slots = map;
	d->cap_slots = (uint32_t)max_values;
	d->nodes = (struct vc_node *)(void *)((char *)map + slots);
	d->cap_nodes = (uint32_t)max_values;
}

static void parse_text(struct vc_doc *doc, struct vc_strings *strings, const char *name,
		       const char *text, size_t len, bool mapped)
{
	struct parser ps = { .doc = doc, .name = name, .text = text, .p = text,
			     .end = text + len, .mapped = mapped, .released = text,
			     .first_key = NO_KEY };
	doc->strings = strings;
	doc->name = arena_strndup(&doc->arena, name, strlen(name));
	if (!doc->slots && !doc->nodes)
		reserve_arrays(doc, len);
	ps.name = doc->name;
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		syntax_error(&ps, text, "unexpected UTF-8 byte order mark");
	skip_ws(&ps);
	uint64_t root = read_value(&ps);
	doc->root.kind = (uint8_t)(root >> 32);
	doc->root.flag = (uint8_t)(root >> 40);
	doc->root.payload = (uint32_t)root;
	skip_ws(&ps);
	if (ps.p != ps.end) {
		/* Python decodes the whole file before parsing: bad UTF-8 anywhere wins. */
		for (const char *q = ps.p; q < ps.end;) {
			if ((unsigned char)*q < 0x80) {
				q++;
				continue;
			}
			int n = jl_utf8_length((const unsigned char *)q, (const unsigned char *)ps.end);
			if (!n)
				syntax_error(&ps, q, "invalid UTF-8 byte");
			q += n;
		}
		syntax_error(&ps, ps.p, "extra data after the JSON value");
	}
	parser_free(&ps);
}

void vc_json_parse(struct vc_doc *doc, struct vc_strings *strings, const char *name,
		   const char *text, size_t len)
{
	parse_text(doc, strings, name, text, len, false);
}

/* Parses LEN bytes of FD from offset OFF, mapped; false when it cannot be mapped. */
static bool parse_mapped(struct vc_doc *doc, struct vc_strings *strings, const char *name,
			 int fd, off_t off, size_t len)
{
	long page = sysconf(_SC_PAGESIZE);
	off_t base = off & ~(off_t)(page - 1);
	size_t skip = (size_t)(off - base), map_len = len + skip;
	char *map = mmap(NULL, map_len, PROT_READ, MAP_PRIVATE, fd, base);
	if (map == MAP_FAILED)
		return false;
	madvise(map, map_len, MADV_SEQUENTIAL);
	jmp_buf *outer = vc_fail_target, here;
	if (setjmp(here)) {
		munmap(map, map_len);
		vc_fail_target = outer;
		vc_fail_again();
	}
	vc_fail_target = &here;
	parse_text(doc, strings, name, map + skip, len, true);
	vc_fail_target = outer;
	munmap(map, map_len);
	return true;
}

/* Reads the rest of FD (a pipe, a terminal, or a file that cannot be mapped) and parses
 * it. */
static void parse_stream(struct vc_doc *doc, struct vc_strings *strings, const char *name,
			 int fd)
{
	struct strbuf buf = STRBUF_INIT;
	const char *error;
	if (!read_input(fd, VC_JSON_MAX_STREAM, &buf, &error)) {
		sb_release(&buf);
		vc_fail(name, "cannot read: %s", error);
	}
	jmp_buf *outer = vc_fail_target, here;
	if (setjmp(here)) {
		sb_release(&buf);
		vc_fail_target = outer;
		vc_fail_again();
	}
	vc_fail_target = &here;
	parse_text(doc, strings, name, buf.data, buf.len, false);
	vc_fail_target = outer;
	sb_release(&buf);
}

void vc_json_load(struct vc_doc *doc, struct vc_strings *strings, const char *path,
		  const char *name)
{
	bool is_stdin = strcmp(path, "-") == 0;
	int fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		vc_fail(name, "cannot open: %s", strerror(errno));
	struct stat st;
	const char *why = fstat(fd, &st) != 0 ? strerror(errno) : check_input_kind(fd, &st);
	if (why) {
		if (!is_stdin)
			close(fd);
		vc_fail(name, "cannot read: %s", why);
	}
	if (S_ISREG(st.st_mode)) {
		/* Standard input may stand after its start: read from there, and leave it
		 * at the end, as reading it would. */
		off_t off = is_stdin ? lseek(fd, 0, SEEK_CUR) : 0;
		if (off >= 0 && st.st_size > off &&
		    parse_mapped(doc, strings, name, fd, off, (size_t)(st.st_size - off))) {
			if (is_stdin)
				lseek(fd, st.st_size, SEEK_SET);
			else
				close(fd);
			return;
		}
	}
	jmp_buf *outer = vc_fail_target, here;
	if (setjmp(here)) {
		if (!is_stdin)
			close(fd);
		vc_fail_target = outer;
		vc_fail_again();
	}
	vc_fail_target = &here;
	parse_stream(doc, strings, name, fd);
	vc_fail_target = outer;
	if (!is_stdin)
		close(fd);
}
