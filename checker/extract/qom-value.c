/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The evaluator's value model (qom-eval.h): integers, strings, pointers into
 * aggregates, symbols and unknowns, and the aggregates (structs, arrays, classes) that
 * make its memory.  Everything lives in the evaluator's arena. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
#include "qom-internal.h"

void *qeval_alloc(struct qeval *ev, size_t size)
{
	return arena_alloc(&ev->arena, size);
}

const char *qeval_strdup(struct qeval *ev, const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = qeval_alloc(ev, n);
	memcpy(d, s, n);
	return d;
}

static char *vprintf_arena(struct qeval *ev, const char *fmt, va_list ap)
{
	char buf[512];
	va_list aq;
	va_copy(aq, ap);
	int n = vsnprintf(buf, sizeof buf, fmt, aq);
	va_end(aq);
	if (n < 0)
		n = 0;
	char *s = qeval_alloc(ev, (size_t)n + 1);
	if ((size_t)n < sizeof buf)
		memcpy(s, buf, (size_t)n + 1);
	else
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *qeval_printf(struct qeval *ev, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vprintf_arena(ev, fmt, ap);
	va_end(ap);
	return s;
}

struct qval qv_int(int64_t i)
{
	struct qval v = { .kind = QV_INT, .i = i };
	return v;
}

struct qval qv_unknown(struct qeval *ev, const char *loc, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	struct qval v = { .kind = QV_UNKNOWN };
	v.u.why = vprintf_arena(ev, fmt, ap);
	v.u.loc = loc ? loc : "";
	va_end(ap);
	return v;
}

struct qval qv_ptr(struct qagg *agg, size_t idx)
{
	struct qval v = { .kind = QV_PTR };
	v.p.agg = agg;
	v.p.idx = idx;
	return v;
}

struct qagg *qagg_new(struct qeval *ev, enum qagg_kind kind)
{
	struct qagg *a = qeval_alloc(ev, sizeof(*a));
	a->kind = kind;
	a->type_index = -1;
	return a;
}

size_t qagg_append(struct qeval *ev, struct qagg *a, const char *name, struct qval v)
{
	if (a->count == a->cap) {
		size_t cap = a->cap ? a->cap * 2 : 8;
		struct qval *cells = qeval_alloc(ev, cap * sizeof(*cells));
		const char **names = qeval_alloc(ev, cap * sizeof(*names));
		if (a->count) {
			memcpy(cells, a->cells, a->count * sizeof(*cells));
			memcpy(names, a->names, a->count * sizeof(*names));
		}
		a->cells = cells;
		a->names = names;
		a->cap = cap;
	}
	a->names[a->count] = name;
	a->cells[a->count] = v;
	return a->count++;
}

struct qval copy_value(struct qeval *ev, struct qval v)
{
	if (v.kind == QV_AGG)
		v.agg = qagg_copy(ev, v.agg);
	return v;
}

struct qagg *qagg_copy(struct qeval *ev, const struct qagg *from)
{
	struct qagg *a = qagg_new(ev, from->kind);
	a->missing_is_zero = from->missing_is_zero;
	a->type_index = from->type_index;
	for (size_t i = 0; i < from->count; i++)
		qagg_append(ev, a, from->names[i], copy_value(ev, from->cells[i]));
	return a;
}

ssize_t qagg_index(const struct qagg *agg, const char *name)
{
	for (size_t i = 0; i < agg->count; i++)
		if (agg->names[i] == name || !strcmp(agg->names[i], name))
			return (ssize_t)i;
	return -1;
}

struct qval *qagg_find(struct qagg *agg, const char *name)
{
	ssize_t i = qagg_index(agg, name);
	return i < 0 ? NULL : &agg->cells[i];
}

size_t qagg_member_index(struct qeval *ev, struct qagg *agg, const char *name)
{
	ssize_t i = qagg_index(agg, name);
	if (i >= 0)
		return (size_t)i;
	struct qval v = agg->missing_is_zero || agg->kind == QAGG_CLASS
		? qv_int(0) : qv_unknown(ev, "", "member %s was never set", name);
	return qagg_append(ev, agg, qeval_strdup(ev, name), v);
}

struct qval *qagg_member(struct qeval *ev, struct qagg *agg, const char *name)
{
	size_t i = qagg_member_index(ev, agg, name);   /* may move agg->cells */
	return &agg->cells[i];
}

struct qval qeval_new_object(struct qeval *ev, struct qval v)
{
	struct qagg *root = qagg_new(ev, QAGG_ARRAY);
	qagg_append(ev, root, "", v);
	return qv_ptr(root, 0);
}

struct qval *qv_deref(const struct qval *p)
{
	if (p->kind != QV_PTR || p->p.idx >= p->p.agg->count)
		return NULL;
	return &p->p.agg->cells[p->p.idx];
}

int qv_truth(const struct qval *v)
{
	switch (v->kind) {
	case QV_INT:
		return v->i != 0;
	case QV_UNKNOWN:
		return -1;
	default:
		return 1;
	}
}
