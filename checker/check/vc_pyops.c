/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_pyops.h"
#include "vc_bigint.h"
#include "vc_fail.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

static const struct vc_value zero = { .kind = VC_INT, .parent = VC_NO_NODE };

const struct vc_value *vc_zero(void)
{
	return &zero;
}

static bool is_number(const struct vc_value *v)
{
	return v->kind == VC_BOOL || v->kind == VC_INT || v->kind == VC_BIGINT ||
	       v->kind == VC_FLOAT;
}

static bool is_small_int(const struct vc_value *v)
{
	return v->kind == VC_BOOL || v->kind == VC_INT;
}

static int64_t small_int(const struct vc_value *v)
{
	return v->kind == VC_BOOL ? v->boolean : v->u.i;
}

bool vc_truthy(const struct vc_value *v)
{
	switch (v->kind) {
	case VC_NULL: return false;
	case VC_BOOL: return v->boolean;
	case VC_INT: return v->u.i != 0;
	case VC_BIGINT: return !(v->len == 1 && v->u.s[0] == '0');
	case VC_FLOAT: return v->u.f != 0.0;  /* NaN is true */
	case VC_STR: case VC_LIST: case VC_DICT: return v->len != 0;
	case VC_REPEAT: return v->u.repeat.count > 0 && v->u.repeat.base->len != 0;
	default: return true;
	}
}

/* Exact order of int64 I and double D (not NaN): -1, 0 or 1. */
static int cmp_int_double(int64_t i, double d)
{
	if (d >= 9223372036854775808.0)
		return -1;
	if (d < -9223372036854775808.0)
		return 1;
	double fl = floor(d);
	int64_t f = (int64_t)fl;
	if (i != f)
		return i < f ? -1 : 1;
	return d > fl ? -1 : 0;
}

/* Order of two numbers: -1, 0, 1, or 2 when unordered (NaN). */
static int cmp_numbers(const struct vc_value *a, const struct vc_value *b)
{
	if (a->kind == VC_FLOAT && b->kind == VC_FLOAT) {
		if (isnan(a->u.f) || isnan(b->u.f))
			return 2;
		return (a->u.f > b->u.f) - (a->u.f < b->u.f);
	}
	if (b->kind == VC_FLOAT) {
		int c = cmp_numbers(b, a);
		return c == 2 ? 2 : -c;
	}
	if (a->kind == VC_FLOAT) {
		double d = a->u.f;
		if (isnan(d))
			return 2;
		if (isinf(d))
			return d > 0 ? 1 : -1;
		if (is_small_int(b))
			return -cmp_int_double(small_int(b), d);
		struct vc_decimal db;
		char buf[24];
		vc_decimal_of(b, &db, buf);
		return -vc_decimal_cmp_double(&db, d);
	}
	if (is_small_int(a) && is_small_int(b)) {
		int64_t x = small_int(a), y = small_int(b);
		return (x > y) - (x < y);
	}
	struct vc_decimal da, db;
	char ba[24], bb[24];
	vc_decimal_of(a, &da, ba);
	vc_decimal_of(b, &db, bb);
	return vc_decimal_cmp(&da, &db);
}

/* A str or list, possibly repeated: element I is base[I % base_len]. */
struct seq {
	const struct vc_value *base;
	uint64_t base_len;
	uint64_t total;
};

static bool as_seq(const struct vc_value *v, enum vc_kind kind, struct seq *s)
{
	if (v->kind == VC_REPEAT && v->u.repeat.base->kind == kind) {
		s->base = v->u.repeat.base;
		s->base_len = s->base->len;
		s->total = s->base_len * (uint64_t)v->u.repeat.count;
		return true;
	}
	if (v->kind != kind)
		return false;
	s->base = v;
	s->base_len = v->len;
	s->total = v->len;
	return true;
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
	while (b) {
		uint64_t t = a % b;
		a = b;
		b = t;
	}
	return a;
}

static bool eq_member(const struct vc_value *a, const struct vc_value *b);

static bool seq_eq(const struct seq *a, const struct seq *b, const struct vc_value *where)
{
	if (a->total != b->total)
		return false;
	if (a->total == 0)
		return true;
	/* Past lcm(base lengths) the comparison repeats itself. */
	uint64_t g = gcd(a->base_len, b->base_len);
	uint64_t limit = a->total;
	if (a->base_len / g <= limit / b->base_len)
		limit = a->base_len / g * b->base_len < limit ? a->base_len / g * b->base_len : limit;
	if (limit > ((uint64_t)1 << 32))
		vc_fail_at(where, "comparing repeated sequences of %llu elements is beyond this "
			   "tool's limit of 2^32", (unsigned long long)limit);
	if (a->base->kind == VC_STR) {
		if (a->base_len == a->total && b->base_len == b->total)
			return memcmp(a->base->u.s, b->base->u.s, a->total) == 0;
		for (uint64_t i = 0; i < limit; i++)
			if (a->base->u.s[i % a->base_len] != b->base->u.s[i % b->base_len])
				return false;
		return true;
	}
	for (uint64_t i = 0; i < limit; i++) {
		struct vc_value x, y;
		vc_item_at(a->base, (uint32_t)(i % a->base_len), &x);
		vc_item_at(b->base, (uint32_t)(i % b->base_len), &y);
		if (!eq_member(&x, &y))
			return false;
	}
	return true;
}

static bool eq_dict(const struct vc_value *a, const struct vc_value *b)
{
	if (a->len != b->len)
		return false;
	for (uint32_t i = 0; i < a->len; i++) {
		uint32_t len;
		const char *key = vc_member_key(a, i, &len);
		struct vc_value x, y;
		if (!vc_dict_get_at(b, key, len, &y))
			return false;
		vc_item_at(a, i, &x);
		if (!eq_member(&x, &y))
			return false;
	}
	return true;
}

static bool eq(const struct vc_value *a, const struct vc_value *b)
{
	if (is_number(a) && is_number(b))
		return cmp_numbers(a, b) == 0;
	struct seq sa, sb;
	if (as_seq(a, VC_STR, &sa))
		return as_seq(b, VC_STR, &sb) && seq_eq(&sa, &sb, a);
	if (as_seq(a, VC_LIST, &sa))
		return as_seq(b, VC_LIST, &sb) && seq_eq(&sa, &sb, a);
	if (a->kind == VC_DICT)
		return b->kind == VC_DICT && eq_dict(a, b);
	if (a->kind == VC_NULL)
		return b->kind == VC_NULL;
	return false;
}

static bool is_nan(const struct vc_value *v)
{
	return v->kind == VC_FLOAT && isnan(v->u.f);
}

static bool eq_member(const struct vc_value *a, const struct vc_value *b)
{
	/* Members are compared identity first; every NaN of a document is the decoder's
	 * one NaN object (computed values never sit inside containers).  Other identical
	 * objects would compare equal anyway. */
	if (is_nan(a) && is_nan(b))
		return true;
	return eq(a, b);
}

bool vc_eq(const struct vc_value *a, const struct vc_value *b)
{
	/* The two cases of nearly every comparison of a dump, the same answers as eq(). */
	if (a->kind == VC_INT && b->kind == VC_INT)
		return a->u.i == b->u.i;
	if (a->kind == VC_STR && b->kind == VC_STR)
		return a->len == b->len && (a->u.s == b->u.s || memcmp(a->u.s, b->u.s, a->len) == 0);
	return eq(a, b);
}

_Noreturn static void fail_two(const struct vc_value *a, const struct vc_value *b,
			       const char *what)
{
	char path[512];
	vc_value_path(b, path, sizeof(path));
	vc_fail_at(a, "%s '%s' and '%s' (%s: %s)", what, vc_type_name(a), vc_type_name(b),
		   vc_value_file(b), path);
}

bool vc_lt(const struct vc_value *a, const struct vc_value *b)
{
	if (a->kind == VC_INT && b->kind == VC_INT)
		return a->u.i < b->u.i;
	if (is_number(a) && is_number(b))
		return cmp_numbers(a, b) == -1;
	if (a->kind == VC_STR && b->kind == VC_STR) {
		size_t n = a->len < b->len ? a->len : b->len;
		int c = memcmp(a->u.s, b->u.s, n);
		return c < 0 || (c == 0 && a->len < b->len);
	}
	if (a->kind == VC_LIST && b->kind == VC_LIST) {
		uint32_t n = a->len < b->len ? a->len : b->len;
		for (uint32_t i = 0; i < n; i++) {
			struct vc_value x, y;
			vc_item_at(a, i, &x);
			vc_item_at(b, i, &y);
			if (!eq_member(&x, &y))
				return vc_lt(&x, &y);
		}
		return a->len < b->len;
	}
	fail_two(a, b, "cannot order");
}

void vc_require_hashable(const struct vc_value *v, const char *what)
{
	if (v->kind == VC_LIST || v->kind == VC_DICT || v->kind == VC_REPEAT)
		vc_fail_at(v, "%s is a %s, which cannot be looked up (unhashable)", what,
			   vc_type_name(v));
}

static struct vc_value *computed(struct arena *arena, const struct vc_value *origin,
				 enum vc_kind kind)
{
	(void)arena;
	struct vc_value *v = vc_view_alloc();
	v->kind = (uint8_t)kind;
	v->computed = true;
	v->origin = origin;
	return v;
}

static struct vc_value *float_result(struct arena *arena, const struct vc_value *origin,
				     double f)
{
	struct vc_value *v = computed(arena, origin, VC_FLOAT);
	v->u.f = f;
	return v;
}

static struct vc_value *int_result(struct arena *arena, const struct vc_value *origin,
				   int64_t i)
{
	struct vc_value *v = computed(arena, origin, VC_INT);
	v->u.i = i;
	return v;
}

static double to_double(const struct vc_value *v)
{
	if (v->kind == VC_FLOAT)
		return v->u.f;
	if (is_small_int(v))
		return (double)small_int(v);
	struct vc_decimal d;
	char buf[24];
	vc_decimal_of(v, &d, buf);
	double out;
	if (!vc_decimal_to_double(&d, &out))
		vc_fail_at(v, "int too large to convert to float");
	return out;
}

static struct vc_value *repeat(struct arena *arena, const struct vc_value *seq,
			       const struct vc_value *count)
{
	if (count->kind == VC_FLOAT)
		fail_two(seq, count, "cannot multiply sequence by non-int: operands");
	if (count->kind == VC_BIGINT)
		vc_fail_at(count, "repeat count does not fit a machine integer (OverflowError)");
	int64_t n = small_int(count);
	if (n < 0)
		n = 0;
	if (seq->len && (uint64_t)n > (uint64_t)INT64_MAX / seq->len)
		vc_fail_at(count, "repeated sequence would be too long (Python raises "
			   "OverflowError/MemoryError)");
	struct vc_value *v = computed(arena, seq, VC_REPEAT);
	v->u.repeat.base = seq;
	v->u.repeat.count = n;
	return v;
}

struct vc_value *vc_mul(struct arena *arena, const struct vc_value *a,
			const struct vc_value *b)
{
	if (is_number(a) && is_number(b)) {
		if (a->kind == VC_FLOAT || b->kind == VC_FLOAT)
			return float_result(arena, a, to_double(a) * to_double(b));
		int64_t r;
		if (is_small_int(a) && is_small_int(b) &&
		    !__builtin_mul_overflow(small_int(a), small_int(b), &r))
			return int_result(arena, a, r);
		struct vc_decimal da, db;
		char ba[24], bb[24];
		vc_decimal_of(a, &da, ba);
		vc_decimal_of(b, &db, bb);
		return vc_decimal_mul(arena, a, &da, &db);
	}
	if ((a->kind == VC_STR || a->kind == VC_LIST) && is_number(b))
		return repeat(arena, a, b);
	if ((b->kind == VC_STR || b->kind == VC_LIST) && is_number(a))
		return repeat(arena, b, a);
	fail_two(a, b, "unsupported operand types for *:");
}

struct vc_value *vc_sub(struct arena *arena, const struct vc_value *a,
			const struct vc_value *b)
{
	if (!is_number(a) || !is_number(b))
		fail_two(a, b, "unsupported operand types for -:");
	if (a->kind == VC_FLOAT || b->kind == VC_FLOAT)
		return float_result(arena, a, to_double(a) - to_double(b));
	int64_t r;
	if (is_small_int(a) && is_small_int(b) &&
	    !__builtin_sub_overflow(small_int(a), small_int(b), &r))
		return int_result(arena, a, r);
	struct vc_decimal da, db;
	char ba[24], bb[24];
	vc_decimal_of(a, &da, ba);
	vc_decimal_of(b, &db, bb);
	db.negative = !db.negative;
	return vc_decimal_add(arena, a, &da, &db);
}
