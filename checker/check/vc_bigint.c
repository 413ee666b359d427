/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_bigint.h"
#include "vc_fail.h"
#include "../common/alloc.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void vc_decimal_of(const struct vc_value *v, struct vc_decimal *out, char buf[24])
{
	if (v->kind == VC_BIGINT) {
		out->negative = v->negative;
		out->digits = v->u.s;
		out->len = v->len;
		return;
	}
	int64_t i = v->kind == VC_BOOL ? v->boolean : v->u.i;
	uint64_t mag = i < 0 ? (uint64_t)0 - (uint64_t)i : (uint64_t)i;
	int n = snprintf(buf, 24, "%llu", (unsigned long long)mag);
	out->negative = i < 0;
	out->digits = buf;
	out->len = (uint32_t)n;
}

static int cmp_magnitude(const struct vc_decimal *a, const struct vc_decimal *b)
{
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	int c = memcmp(a->digits, b->digits, a->len);
	return (c > 0) - (c < 0);
}

static bool is_zero(const struct vc_decimal *a)
{
	return a->len == 1 && a->digits[0] == '0';
}

int vc_decimal_cmp(const struct vc_decimal *a, const struct vc_decimal *b)
{
	bool an = a->negative && !is_zero(a), bn = b->negative && !is_zero(b);
	if (an != bn)
		return an ? -1 : 1;
	int c = cmp_magnitude(a, b);
	return an ? -c : c;
}

/* Result digits are built least significant first in a scratch buffer. */
static struct vc_value *make_result(struct arena *arena, const struct vc_value *origin,
				    bool negative, char *rev, size_t n)
{
	while (n > 1 && rev[n - 1] == 0)
		n--;
	if (n > UINT32_MAX)
		vc_fail_at(origin, "integer result too large");
	char *digits = arena_alloc(vc_computed_arena(), n + 1);
	for (size_t i = 0; i < n; i++)
		digits[i] = (char)('0' + rev[n - 1 - i]);
	(void)arena;
	struct vc_value *v = vc_view_alloc();
	v->computed = true;
	v->origin = origin;
	if (n == 1 && digits[0] == '0')
		negative = false;
	/* Back to int64_t when it fits, so that later steps take the fast path. */
	if (n <= 18) {
		int64_t x = 0;
		for (size_t i = 0; i < n; i++)
			x = x * 10 + (digits[i] - '0');
		v->kind = VC_INT;
		v->u.i = negative ? -x : x;
		return v;
	}
	v->kind = VC_BIGINT;
	v->negative = negative;
	v->u.s = digits;
	v->len = (uint32_t)n;
	return v;
}

static char *scratch(size_t n)
{
	return xcalloc(n ? n : 1, 1);
}

struct vc_value *vc_decimal_add(struct arena *arena, const struct vc_value *origin,
				const struct vc_decimal *a, const struct vc_decimal *b)
{
	size_t n = (a->len > b->len ? a->len : b->len) + 1;
	char *rev = scratch(n);
	bool negative;
	if (a->negative == b->negative) {
		int carry = 0;
		for (size_t i = 0; i < n; i++) {
			int s = carry;
			if (i < a->len)
				s += a->digits[a->len - 1 - i] - '0';
			if (i < b->len)
				s += b->digits[b->len - 1 - i] - '0';
			rev[i] = (char)(s % 10);
			carry = s / 10;
		}
		negative = a->negative;
	} else {
		const struct vc_decimal *big = a, *small = b;
		if (cmp_magnitude(a, b) < 0) {
			big = b;
			small = a;
		}
		int borrow = 0;
		for (size_t i = 0; i < n; i++) {
			int s = -borrow;
			if (i < big->len)
				s += big->digits[big->len - 1 - i] - '0';
			if (i < small->len)
				s -= small->digits[small->len - 1 - i] - '0';
			borrow = s < 0;
			rev[i] = (char)(s + (borrow ? 10 : 0));
		}
		negative = big->negative;
	}
	struct vc_value *v = make_result(arena, origin, negative, rev, n);
	free(rev);
	return v;
}

struct vc_value *vc_decimal_mul(struct arena *arena, const struct vc_value *origin,
				const struct vc_decimal *a, const struct vc_decimal *b)
{
	size_t n = (size_t)a->len + b->len;
	unsigned *acc = xcalloc(n ? n : 1, sizeof(*acc));
	for (size_t i = 0; i < a->len; i++) {
		unsigned da = (unsigned)(a->digits[a->len - 1 - i] - '0');
		if (!da)
			continue;
		unsigned carry = 0;
		size_t j;
		for (j = 0; j < b->len; j++) {
			unsigned t = acc[i + j] + da * (unsigned)(b->digits[b->len - 1 - j] - '0') + carry;
			acc[i + j] = t % 10;
			carry = t / 10;
		}
		for (size_t k = i + j; carry; k++) {
			unsigned t = acc[k] + carry;
			acc[k] = t % 10;
			carry = t / 10;
		}
	}
	char *rev = scratch(n);
	for (size_t i = 0; i < n; i++)
		rev[i] = (char)acc[i];
	free(acc);
	struct vc_value *v = make_result(arena, origin, a->negative != b->negative, rev, n);
	free(rev);
	return v;
}

bool vc_decimal_to_double(const struct vc_decimal *a, double *out)
{
	char *text = scratch((size_t)a->len + 2);
	text[0] = a->negative ? '-' : '+';
	memcpy(text + 1, a->digits, a->len);
	errno = 0;
	double d = strtod(text, NULL);
	bool ok = !(errno == ERANGE && isinf(d));
	free(text);
	*out = d;
	return ok;
}

int vc_decimal_cmp_double(const struct vc_decimal *a, double d)
{
	/* An integral double prints exactly with %.0f; a fractional one is below 2^53 in
	 * magnitude, so comparing with its floor and then the fraction is exact. */
	double fl = floor(d);
	int n = snprintf(NULL, 0, "%.0f", fl);
	char *text = scratch((size_t)n + 1);
	snprintf(text, (size_t)n + 1, "%.0f", fl);
	struct vc_decimal b = { text[0] == '-', text + (text[0] == '-'), (uint32_t)(n - (text[0] == '-')) };
	int c = vc_decimal_cmp(a, &b);
	free(text);
	if (c == 0 && d > fl)
		return -1;
	return c;
}
