/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Exact integer arithmetic for values past int64_t (Python ints have no bound).  Numbers
 * are sign + decimal digits: the inputs are decimal text and results are only compared. */
#ifndef VC_BIGINT_H
#define VC_BIGINT_H

#include <stdbool.h>
#include <stdint.h>

#include "../common/arena.h"
#include "vc_value.h"

/* V (VC_INT or VC_BIGINT) as sign + digits; BUF holds the digits of a VC_INT. */
struct vc_decimal {
	bool negative;
	const char *digits;  /* no leading zeros; "0" for zero */
	uint32_t len;
};
void vc_decimal_of(const struct vc_value *v, struct vc_decimal *out, char buf[24]);

int vc_decimal_cmp(const struct vc_decimal *a, const struct vc_decimal *b);
/* The integer A op B as a new computed value (VC_INT when it fits) made from ORIGIN. */
struct vc_value *vc_decimal_add(struct arena *arena, const struct vc_value *origin,
				const struct vc_decimal *a, const struct vc_decimal *b);
struct vc_value *vc_decimal_mul(struct arena *arena, const struct vc_value *origin,
				const struct vc_decimal *a, const struct vc_decimal *b);
/* Nearest double, or false when it is out of range (Python raises OverflowError). */
bool vc_decimal_to_double(const struct vc_decimal *a, double *out);
/* Exact comparison with a finite double. */
int vc_decimal_cmp_double(const struct vc_decimal *a, double d);

#endif
