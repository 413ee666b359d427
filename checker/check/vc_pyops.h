/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The few Python operations the reference checker applies to JSON values, with Python's
 * results and Python's failures: where Python raises TypeError/OverflowError these call
 * vc_fail_at() naming the values' places. */
#ifndef VC_PYOPS_H
#define VC_PYOPS_H

#include <stdbool.h>

#include "../common/arena.h"
#include "vc_value.h"

/* bool(v) */
bool vc_truthy(const struct vc_value *v);
/* a == b (a != b is its negation).  Containers compare members the way Python does,
 * identity first: the decoder's NaN is a single object, so [NaN] == [NaN]. */
bool vc_eq(const struct vc_value *a, const struct vc_value *b);
/* a < b.  a > b is vc_lt(b, a): the same for every JSON type. */
bool vc_lt(const struct vc_value *a, const struct vc_value *b);
/* Fails unless v can be a dict key (hash(v) works). */
void vc_require_hashable(const struct vc_value *v, const char *what);
/* a * b and a - b; results are computed values in ARENA. */
struct vc_value *vc_mul(struct arena *arena, const struct vc_value *a,
			const struct vc_value *b);
struct vc_value *vc_sub(struct arena *arena, const struct vc_value *a,
			const struct vc_value *b);
/* The int 0, for comparisons with it. */
const struct vc_value *vc_zero(void);

#endif
