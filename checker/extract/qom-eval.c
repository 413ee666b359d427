/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The interpreter of the QOM IR (docs/fragment-qom.md).  Values that cannot be known
 * travel as QV_UNKNOWN with their reason and location; a branch on such a value either
 * skips the construct to its join point (forgetting what it may have changed) or ends
 * the function, and in both cases makes the vmsd of the class being initialized
 * unknown when the code passed over may store one. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include "qom-eval.h"
#include "../common/alloc.h"

enum { MAX_DEPTH = 64, MAX_STEPS = 2000000 };

struct arena_chunk {
	struct arena_chunk *next;
	size_t used, size;
	max_align_t data[];
};

/* Pointer-keyed open hash table. */
struct ptr_map {
	const void **keys;
	void **values;
	size_t size, count;
};

/* What is known about one recorded function. */
struct fninfo {
	size_t *label_at;        /* statement index of each label id */
	size_t label_count;
	int may_matter;          /* -1 not computed, 2 in progress, 0/1 */
};

struct qeval {
	const struct vx_program *prog;
	qeval_builtin_fn builtin;
	qeval_builtin_kind_fn builtin_kind;
	void *user;
	struct arena_chunk *arena;
	struct ptr_map data_roots;   /* DATA def -> root qagg */
	struct ptr_map fninfos;      /* FUNCTION json -> struct fninfo */
	struct qagg *klass;
	const char *condition;       /* registrations from here on depend on it */
	unsigned depth;
	unsigned long steps;
};

struct frame {
	const struct vx_def *def;
	const struct vx_unit *unit;
	struct fninfo *fi;
	struct qagg **locals;
	size_t local_count;
};

/* ---- memory ---- */

void *qeval_alloc(struct qeval *ev, size_t size)
{
	size = (size + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
	struct arena_chunk *c = ev->arena;
	if (!c || c->size - c->used < size) {
		size_t chunk = size > 65536 ? size : 65536;
		c = xmalloc(sizeof(*c) + chunk);
		c->next = ev->arena;
		c->used = 0;
		c->size = chunk;
		ev->arena = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
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

static size_t ptr_hash(const void *p, size_t size)
{
	uintptr_t h = (uintptr_t)p;
	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 20) & (size - 1);
}

static void **map_slot(struct ptr_map *m, const void *key, bool create)
{
	if (create && (m->count + 1) * 2 > m->size) {
		struct ptr_map old = *m;
		m->size = old.size ? old.size * 2 : 256;
		m->keys = xcalloc(m->size, sizeof(*m->keys));
		m->values = xcalloc(m->size, sizeof(*m->values));
		m->count = 0;
		for (size_t i = 0; i < old.size; i++)
			if (old.keys[i])
				*map_slot(m, old.keys[i], true) = old.values[i];
		free(old.keys);
		free(old.values);
	}
	if (!m->size)
		return NULL;
	for (size_t i = ptr_hash(key, m->size);; i = (i + 1) & (m->size - 1)) {
		if (m->keys[i] == key)
			return &m->values[i];
		if (!m->keys[i]) {
			if (!create)
				return NULL;
			m->keys[i] = key;
			m->count++;
			return &m->values[i];
		}
	}
}

static void map_free(struct ptr_map *m)
{
	free(m->keys);
	free(m->values);
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

static struct qval qv_ptr(struct qagg *agg, size_t idx)
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

static size_t qagg_append(struct qeval *ev, struct qagg *a, const char *name, struct qval v)
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

static struct qval copy_value(struct qeval *ev, struct qval v)
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

static ssize_t qagg_index(const struct qagg *agg, const char *name)
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

static size_t member_index(struct qeval *ev, struct qagg *agg, const char *name)
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
	size_t i = member_index(ev, agg, name);   /* may move agg->cells */
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

const char *qeval_condition(struct qeval *ev)
{
	return ev->condition;
}

void qeval_set_class(struct qeval *ev, struct qagg *klass)
{
	ev->klass = klass;
}

struct qagg *qeval_class(struct qeval *ev)
{
	return ev->klass;
}

void *qeval_user(struct qeval *ev)
{
	return ev->user;
}

const struct vx_program *qeval_program(struct qeval *ev)
{
	return ev->prog;
}

struct qeval *qeval_new(const struct vx_program *prog, qeval_builtin_fn builtin,
			qeval_builtin_kind_fn builtin_kind, void *user)
{
	struct qeval *ev = xcalloc(1, sizeof(*ev));
	ev->prog = prog;
	ev->builtin = builtin;
	ev->builtin_kind = builtin_kind;
	ev->user = user;
	return ev;
}

void qeval_free(struct qeval *ev)
{
	if (!ev)
		return;
	for (size_t i = 0; i < ev->fninfos.size; i++)
		if (ev->fninfos.keys[i]) {
			struct fninfo *fi = ev->fninfos.values[i];
			free(fi->label_at);
			free(fi);
		}
	map_free(&ev->fninfos);
	map_free(&ev->data_roots);
	while (ev->arena) {
		struct arena_chunk *next = ev->arena->next;
		free(ev->arena);
		ev->arena = next;
	}
	free(ev);
}

/* ---- JSON helpers ---- */

static const char *jstr(const json_t *obj, const char *key)
{
	const char *s = json_string_value(json_object_get(obj, key));
	return s ? s : "";
}

static const char *op_of(const json_t *e)
{
	return json_string_value(json_object_get(e, "op"));
}

/* ---- expressions ---- */

static struct qval eval(struct qeval *ev, struct frame *fr, json_t *e);
static struct qval lvalue(struct qeval *ev, struct frame *fr, json_t *e);
static struct qval call_value(struct qeval *ev, struct frame *fr, json_t *e);

static struct qval data_root(struct qeval *ev, const struct vx_def *def)
{
	void **slot = map_slot(&ev->data_roots, def, true);
	if (!*slot) {
		/* Cycles through pointers are fine: the root exists before its value. */
		struct qval obj = qeval_new_object(ev, qv_int(0));
		*slot = obj.p.agg;
		struct frame fr = { .def = def, .unit = def->unit };
		struct qval v = eval(ev, &fr, json_object_get(def->json, "init"));
		obj.p.agg->cells[0] = v;
	}
	return qv_ptr(*slot, 0);
}

static struct qval symbol_address(struct qeval *ev, struct frame *fr, const char *sym)
{
	const struct vx_def *def = vx_lookup(ev->prog, fr->unit, sym);
	if (def && def->kind == VX_DEF_DATA)
		return data_root(ev, def);
	struct qval v = { .kind = QV_SYM };
	v.sym.def = def;
	v.sym.name = def ? def->symbol : sym;
	return v;
}

static struct qval *local_root(struct qeval *ev, struct frame *fr, size_t id)
{
	if (id >= fr->local_count) {
		size_t n = id + 8;
		struct qagg **locals = qeval_alloc(ev, n * sizeof(*locals));
		if (fr->local_count)
			memcpy(locals, fr->locals, fr->local_count * sizeof(*locals));
		fr->locals = locals;
		fr->local_count = n;
	}
	if (!fr->locals[id]) {
		struct qval obj = qeval_new_object(ev, qv_unknown(ev, "", "uninitialized local"));
		fr->locals[id] = obj.p.agg;
	}
	return &fr->locals[id]->cells[0];
}

const char *const qom_state_keys[QOM_STATE_KEY_COUNT] = {
	QOM_VMSD_KEY, QOM_SYSEMU_OPS_KEY, QOM_CPU_VMSD_KEY,
};

/* Whether LV is one of the class members of qom_state_keys. */
static bool is_vmsd_field(const json_t *lv)
{
	const char *op = op_of(lv), *st = jstr(lv, "struct"), *name = jstr(lv, "name");
	size_t n = strlen(st), i;

	if (!op || strcmp(op, "field"))
		return false;
	for (i = 0; i < QOM_STATE_KEY_COUNT; i++)
		if (!strncmp(qom_state_keys[i], st, n) && qom_state_keys[i][n] == '.' &&
		    !strcmp(qom_state_keys[i] + n + 1, name))
			return true;
	return false;
}

static struct qval field_lvalue(struct qeval *ev, struct frame *fr, json_t *e)
{
	struct qval base = lvalue(ev, fr, json_object_get(e, "of"));
	if (base.kind != QV_PTR)
		return base;
	struct qval *cell = qv_deref(&base);
	if (!cell)
		return qv_unknown(ev, "", "member access out of bounds");
	const char *name = jstr(e, "name");
	bool agg = json_is_true(json_object_get(e, "agg"));
	if (cell->kind == QV_INT && cell->i == 0) {
		cell->kind = QV_AGG;
		cell->agg = qagg_new(ev, QAGG_STRUCT);
		cell->agg->missing_is_zero = true;
	} else if (cell->kind == QV_UNKNOWN) {
		/* A struct local without initializer, filled member by member. */
		cell->kind = QV_AGG;
		cell->agg = qagg_new(ev, QAGG_STRUCT);
	}
	if (cell->kind != QV_AGG)
		return qv_unknown(ev, "", "member %s of something that is not a struct", name);
	struct qagg *a = cell->agg;
	if (a->kind == QAGG_CLASS) {
		/* Classes nest by first member: that member is a view of the class. */
		if (agg && json_is_true(json_object_get(e, "first")))
			return base;
		const char *key = qeval_printf(ev, "%s.%s", jstr(e, "struct"), name);
		size_t i = member_index(ev, a, key);
		if (agg && a->cells[i].kind == QV_INT && a->cells[i].i == 0) {
			struct qagg *inner = qagg_new(ev, QAGG_STRUCT);
			inner->missing_is_zero = true;
			a->cells[i].kind = QV_AGG;
			a->cells[i].agg = inner;
		}
		return qv_ptr(a, i);
	}
	if (a->kind != QAGG_STRUCT)
		return qv_unknown(ev, "", "member %s of an array", name);
	size_t i = member_index(ev, a, name);
	if (agg && a->cells[i].kind == QV_INT && a->missing_is_zero && a->cells[i].i == 0) {
		struct qagg *inner = qagg_new(ev, QAGG_STRUCT);
		inner->missing_is_zero = true;
		a->cells[i].kind = QV_AGG;
		a->cells[i].agg = inner;
	}
	return qv_ptr(a, i);
}

static struct qval lvalue(struct qeval *ev, struct frame *fr, json_t *e)
{
	const char *op = op_of(e);
	if (!op)
		return qv_unknown(ev, "", "not an object in memory");
	if (!strcmp(op, "local")) {
		json_int_t id = json_integer_value(json_object_get(e, "id"));
		if (id < 0 || id > 100000)
			return qv_unknown(ev, "", "bad local id");
		local_root(ev, fr, (size_t)id);
		return qv_ptr(fr->locals[id], 0);
	}
	if (!strcmp(op, "global")) {
		struct qval a = symbol_address(ev, fr, jstr(e, "sym"));
		if (a.kind == QV_PTR)
			return a;
		return qv_unknown(ev, "", "%s is not recorded data", jstr(e, "sym"));
	}
	if (!strcmp(op, "field"))
		return field_lvalue(ev, fr, e);
	if (!strcmp(op, "index")) {
		struct qval base = lvalue(ev, fr, json_object_get(e, "of"));
		struct qval idx = eval(ev, fr, json_object_get(e, "index"));
		if (base.kind != QV_PTR)
			return base;
		if (idx.kind != QV_INT)
			return idx.kind == QV_UNKNOWN ? idx
						      : qv_unknown(ev, "", "array index is not an integer");
		struct qval *cell = qv_deref(&base);
		if (!cell || cell->kind != QV_AGG || cell->agg->kind != QAGG_ARRAY)
			return qv_unknown(ev, "", "index into something that is not an array");
		if (idx.i < 0 || (size_t)idx.i >= cell->agg->count)
			return qv_unknown(ev, "", "array index %lld out of bounds", (long long)idx.i);
		return qv_ptr(cell->agg, (size_t)idx.i);
	}
	if (!strcmp(op, "deref")) {
		struct qval p = eval(ev, fr, json_object_get(e, "ptr"));
		if (p.kind == QV_PTR || p.kind == QV_UNKNOWN)
			return p;
		if (p.kind == QV_SYM)
			return qv_unknown(ev, "", "%s is not recorded data", p.sym.name);
		return qv_unknown(ev, "", "dereference of something that is not a pointer");
	}
	if (!strcmp(op, "literal"))
		return qeval_new_object(ev, copy_value(ev, eval(ev, fr, json_object_get(e, "init"))));
	if (!strcmp(op, "unknown"))
		return eval(ev, fr, e);
	return qv_unknown(ev, "", "%s is not an object in memory", op);
}

static bool values_equal(const struct qval *a, const struct qval *b, int *out)
{
	if (a->kind == QV_UNKNOWN || b->kind == QV_UNKNOWN)
		return false;
	if (a->kind != b->kind) {
		*out = 0;
		return true;
	}
	switch (a->kind) {
	case QV_INT: *out = a->i == b->i; return true;
	case QV_STR: *out = a->s == b->s || !strcmp(a->s, b->s); return true;
	case QV_PTR: *out = a->p.agg == b->p.agg && a->p.idx == b->p.idx; return true;
	case QV_SYM:
		*out = a->sym.def ? a->sym.def == b->sym.def : !strcmp(a->sym.name, b->sym.name);
		return true;
	default:
		return false;
	}
}

static struct qval binary(struct qeval *ev, struct frame *fr, json_t *e)
{
	const char *code = jstr(e, "code");
	if (!strcmp(code, "&&") || !strcmp(code, "||")) {
		bool is_and = code[0] == '&';
		struct qval a = eval(ev, fr, json_object_get(e, "a"));
		int ta = qv_truth(&a);
		if (ta == (is_and ? 0 : 1))
			return qv_int(ta);
		struct qval b = eval(ev, fr, json_object_get(e, "b"));
		int tb = qv_truth(&b);
		if (tb == (is_and ? 0 : 1))
			return qv_int(tb);
		if (ta < 0)
			return a;
		if (tb < 0)
			return b;
		return qv_int(is_and ? 1 : 0);
	}
	struct qval a = eval(ev, fr, json_object_get(e, "a"));
	struct qval b = eval(ev, fr, json_object_get(e, "b"));
	if (a.kind == QV_UNKNOWN)
		return a;
	if (b.kind == QV_UNKNOWN)
		return b;
	bool eq = !strcmp(code, "=="), ne = !strcmp(code, "!=");
	if (eq || ne) {
		int r;
		if (!values_equal(&a, &b, &r))
			return qv_unknown(ev, "", "comparison of values that cannot be compared");
		return qv_int(eq ? r : !r);
	}
	if (a.kind == QV_PTR && b.kind == QV_PTR && a.p.agg == b.p.agg) {
		a = qv_int((int64_t)a.p.idx);
		b = qv_int((int64_t)b.p.idx);
	}
	if (a.kind != QV_INT || b.kind != QV_INT)
		return qv_unknown(ev, "", "arithmetic %s on something that is not an integer", code);
	int64_t x = a.i, y = b.i;
	switch (code[0]) {
	case '+': return qv_int((int64_t)((uint64_t)x + (uint64_t)y));
	case '-': return qv_int((int64_t)((uint64_t)x - (uint64_t)y));
	case '*': return qv_int((int64_t)((uint64_t)x * (uint64_t)y));
	case '/':
	case '%':
		if (y == 0 || (x == INT64_MIN && y == -1))
			return qv_unknown(ev, "", "division by zero");
		return qv_int(code[0] == '/' ? x / y : x % y);
	case '&': return qv_int(x & y);
	case '|': return qv_int(x | y);
	case '^': return qv_int(x ^ y);
	case '<':
		if (code[1] == '<')
			return y < 0 || y > 63 ? qv_unknown(ev, "", "shift out of range")
					       : qv_int((int64_t)((uint64_t)x << y));
		return qv_int(code[1] == '=' ? x <= y : x < y);
	case '>':
		if (code[1] == '>')
			return y < 0 || y > 63 ? qv_unknown(ev, "", "shift out of range")
					       : qv_int(x >> y);
		return qv_int(code[1] == '=' ? x >= y : x > y);
	default:
		return qv_unknown(ev, "", "operator %s", code);
	}
}

static struct qval pointer_add(struct qeval *ev, struct qval p, struct qval bytes,
			       json_int_t elem)
{
	if (p.kind == QV_UNKNOWN)
		return p;
	if (bytes.kind != QV_INT)
		return bytes.kind == QV_UNKNOWN ? bytes
						: qv_unknown(ev, "", "pointer offset is not an integer");
	if (p.kind == QV_STR) {
		size_t len = strlen(p.s);
		if (bytes.i < 0 || (size_t)bytes.i > len)
			return qv_unknown(ev, "", "offset outside a string");
		p.s += bytes.i;
		return p;
	}
	if (p.kind == QV_INT && p.i == 0 && bytes.i == 0)
		return p;
	if (p.kind != QV_PTR)
		return qv_unknown(ev, "", "arithmetic on a pointer that is not modelled");
	if (elem <= 0 || bytes.i % elem)
		return qv_unknown(ev, "", "pointer offset is not a whole number of elements");
	int64_t idx = (int64_t)p.p.idx + bytes.i / elem;
	if (idx < 0 || (size_t)idx > p.p.agg->count)
		return qv_unknown(ev, "", "pointer moved out of its array");
	p.p.idx = (size_t)idx;
	return p;
}

void qagg_state_unknown(struct qeval *ev, struct qagg *klass, const char *loc,
			const char *why)
{
	for (size_t i = 0; i < QOM_STATE_KEY_COUNT; i++)
		*qagg_member(ev, klass, qom_state_keys[i]) = qv_unknown(ev, loc, "%s", why);
}

static void mark_vmsd_unknown(struct qeval *ev, const char *loc, const char *why)
{
	if (ev->klass)
		qagg_state_unknown(ev, ev->klass, loc, why);
}

static struct qval assign(struct qeval *ev, struct frame *fr, json_t *e)
{
	json_t *to = json_object_get(e, "to");
	struct qval v = eval(ev, fr, json_object_get(e, "value"));
	struct qval p = lvalue(ev, fr, to);
	if (p.kind != QV_PTR) {
		/* A store through a pointer we do not know may hit the class's vmsd. */
		if (is_vmsd_field(to))
			mark_vmsd_unknown(ev, p.kind == QV_UNKNOWN ? p.u.loc : "",
					  qeval_printf(ev, "store to vmsd through an unknown "
						       "pointer: %s",
						       p.kind == QV_UNKNOWN ? p.u.why : "?"));
		return v;
	}
	struct qval *cell = qv_deref(&p);
	if (cell)
		*cell = copy_value(ev, v);
	return v;
}

static struct qval increment(struct qeval *ev, struct frame *fr, json_t *e)
{
	struct qval p = lvalue(ev, fr, json_object_get(e, "to"));
	struct qval by = eval(ev, fr, json_object_get(e, "by"));
	struct qval *cell = qv_deref(&p);
	if (!cell)
		return p.kind == QV_UNKNOWN ? p : qv_unknown(ev, "", "increment of a non-object");
	struct qval old = *cell, now;
	if (old.kind == QV_INT && by.kind == QV_INT)
		now = qv_int(old.i + by.i);
	else
		now = pointer_add(ev, old, by, json_integer_value(json_object_get(e, "elem")));
	*cell = now;
	return json_is_true(json_object_get(e, "post")) ? old : now;
}

static struct qval make_struct(struct qeval *ev, struct frame *fr, json_t *e)
{
	struct qagg *a = qagg_new(ev, QAGG_STRUCT);
	a->missing_is_zero = true;
	size_t i;
	json_t *pair;
	json_array_foreach(json_object_get(e, "fields"), i, pair) {
		const char *name = json_string_value(json_array_get(pair, 0));
		struct qval v = eval(ev, fr, json_array_get(pair, 1));
		if (!name)
			continue;
		ssize_t at = qagg_index(a, name);
		if (at >= 0)
			a->cells[at] = v;
		else
			qagg_append(ev, a, name, v);
	}
	struct qval v = { .kind = QV_AGG, .agg = a };
	return v;
}

static struct qval make_array(struct qeval *ev, struct frame *fr, json_t *e)
{
	struct qagg *a = qagg_new(ev, QAGG_ARRAY);
	a->missing_is_zero = true;
	size_t i;
	json_t *el;
	json_array_foreach(json_object_get(e, "elems"), i, el)
		qagg_append(ev, a, "", eval(ev, fr, el));
	json_t *length = json_object_get(e, "length");
	if (json_is_integer(length) && json_integer_value(length) <= 100000)
		while ((json_int_t)a->count < json_integer_value(length))
			qagg_append(ev, a, "", qv_int(0));
	struct qval v = { .kind = QV_AGG, .agg = a };
	return v;
}

static struct qval eval(struct qeval *ev, struct frame *fr, json_t *e)
{
	if (!e || json_is_null(e))
		return qv_int(0);
	if (json_is_integer(e))
		return qv_int(json_integer_value(e));
	if (json_is_string(e)) {
		struct qval v = { .kind = QV_STR, .s = json_string_value(e) };
		return v;
	}
	if (json_is_true(e) || json_is_false(e))
		return qv_int(json_is_true(e));
	const char *op = op_of(e);
	if (!op)
		return qv_unknown(ev, "", "malformed IR expression");
	switch (op[0]) {
	case 'a':
		if (!strcmp(op, "addr"))
			return symbol_address(ev, fr, jstr(e, "sym"));
		if (!strcmp(op, "addr_of"))
			return lvalue(ev, fr, json_object_get(e, "of"));
		if (!strcmp(op, "assign"))
			return assign(ev, fr, e);
		if (!strcmp(op, "array"))
			return make_array(ev, fr, e);
		break;
	case 'b':
		if (!strcmp(op, "bin"))
			return binary(ev, fr, e);
		if (!strcmp(op, "bool")) {
			struct qval a = eval(ev, fr, json_object_get(e, "a"));
			int t = qv_truth(&a);
			return t < 0 ? a : qv_int(t);
		}
		break;
	case 'c':
		if (!strcmp(op, "call"))
			return call_value(ev, fr, e);
		if (!strcmp(op, "cond")) {
			struct qval c = eval(ev, fr, json_object_get(e, "if"));
			int t = qv_truth(&c);
			if (t < 0)
				return c;
			return eval(ev, fr, json_object_get(e, t ? "then" : "else"));
		}
		break;
	case 'd':
		if (!strcmp(op, "decay")) {
			struct qval p = eval(ev, fr, json_object_get(e, "ptr"));
			struct qval *cell = qv_deref(&p);
			if (cell && cell->kind == QV_AGG && cell->agg->kind == QAGG_ARRAY)
				return qv_ptr(cell->agg, 0);
			if (cell && cell->kind == QV_STR)
				return *cell;
			return p;
		}
		break;
	case 'i':
		if (!strcmp(op, "incr"))
			return increment(ev, fr, e);
		break;
	case 'l':
		if (!strcmp(op, "literal"))
			return eval(ev, fr, json_object_get(e, "init"));
		break;
	case 'p':
		if (!strcmp(op, "ptradd"))
			return pointer_add(ev, eval(ev, fr, json_object_get(e, "ptr")),
					   eval(ev, fr, json_object_get(e, "bytes")),
					   json_integer_value(json_object_get(e, "elem")));
		break;
	case 's':
		if (!strcmp(op, "struct"))
			return make_struct(ev, fr, e);
		if (!strcmp(op, "seq")) {
			eval(ev, fr, json_object_get(e, "a"));
			return eval(ev, fr, json_object_get(e, "b"));
		}
		break;
	case 'u':
		if (!strcmp(op, "un")) {
			struct qval a = eval(ev, fr, json_object_get(e, "a"));
			const char *code = jstr(e, "code");
			if (code[0] == '!') {
				int t = qv_truth(&a);
				return t < 0 ? a : qv_int(!t);
			}
			if (a.kind != QV_INT)
				return a.kind == QV_UNKNOWN ? a
					: qv_unknown(ev, "", "%s of a non-integer", code);
			return qv_int(code[0] == '-' ? -a.i : ~a.i);
		}
		if (!strcmp(op, "unknown")) {
			struct qval v = { .kind = QV_UNKNOWN };
			v.u.why = jstr(e, "why");
			v.u.loc = jstr(e, "loc");
			return v;
		}
		break;
	default:
		break;
	}
	struct qval p = lvalue(ev, fr, e);
	struct qval *cell = qv_deref(&p);
	if (cell)
		return *cell;
	return p.kind == QV_UNKNOWN ? p : qv_unknown(ev, "", "cannot evaluate %s", op);
}

/* ---- functions ---- */

static struct fninfo *fn_info(struct qeval *ev, const json_t *fn)
{
	void **slot = map_slot(&ev->fninfos, fn, true);
	if (*slot)
		return *slot;
	struct fninfo *fi = xcalloc(1, sizeof(*fi));
	fi->may_matter = -1;
	json_t *body = json_object_get(fn, "body");
	size_t i;
	json_t *s;
	json_array_foreach(body, i, s) {
		json_t *label = json_object_get(s, "label");
		if (!json_is_integer(label))
			continue;
		json_int_t id = json_integer_value(label);
		if (id < 0 || id > 1000000)
			continue;
		if ((size_t)id >= fi->label_count) {
			size_t n = (size_t)id + 16;
			fi->label_at = xrealloc(fi->label_at, n * sizeof(*fi->label_at));
			for (size_t k = fi->label_count; k < n; k++)
				fi->label_at[k] = SIZE_MAX;
			fi->label_count = n;
		}
		fi->label_at[id] = i;
	}
	*slot = fi;
	return fi;
}

static size_t label_index(const struct fninfo *fi, const json_t *label)
{
	if (!json_is_integer(label))
		return SIZE_MAX;
	json_int_t id = json_integer_value(label);
	if (id < 0 || (size_t)id >= fi->label_count)
		return SIZE_MAX;
	return fi->label_at[id];
}

static enum qeval_builtin_kind builtin_kind(struct qeval *ev, const char *name)
{
	return ev->builtin_kind ? ev->builtin_kind(name) : QEVAL_NOT_BUILTIN;
}

static bool function_matters(struct qeval *ev, const struct vx_def *def);

/* Whether evaluating E may store a vmsd, register a type, or run code that might. */
static bool expr_matters(struct qeval *ev, const struct vx_unit *unit, const json_t *e)
{
	if (json_is_array(e)) {
		size_t i;
		json_t *x;
		json_array_foreach(e, i, x)
			if (expr_matters(ev, unit, x))
				return true;
		return false;
	}
	if (!json_is_object(e))
		return false;
	const char *op = op_of(e);
	if (op && !strcmp(op, "assign") && is_vmsd_field(json_object_get(e, "to")))
		return true;
	if (op && !strcmp(op, "call")) {
		json_t *fn = json_object_get(e, "fn");
		const char *fop = op_of(fn);
		if (!fop || strcmp(fop, "addr"))
			return true;   /* through a pointer: anything */
		const char *sym = jstr(fn, "sym");
		enum qeval_builtin_kind kind = builtin_kind(ev, sym);
		if (kind != QEVAL_NOT_BUILTIN)
			return kind == QEVAL_BUILTIN_REGISTERS;
		const struct vx_def *def = vx_lookup(ev->prog, unit, sym);
		if (def && def->kind == VX_DEF_FUNCTION && function_matters(ev, def))
			return true;
	}
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)e, key, v)
		if (json_is_object(v) || json_is_array(v))
			if (expr_matters(ev, unit, v))
				return true;
	return false;
}

static bool function_matters(struct qeval *ev, const struct vx_def *def)
{
	struct fninfo *fi = fn_info(ev, def->json);
	if (fi->may_matter == 2)
		return false;    /* a cycle: decided by the other members */
	if (fi->may_matter >= 0)
		return fi->may_matter;
	fi->may_matter = 2;
	bool m = json_is_true(json_object_get(def->json, "writes_vmsd"))
		 || json_is_true(json_object_get(def->json, "indirect_calls"));
	size_t i;
	json_t *callee;
	json_array_foreach(json_object_get(def->json, "calls"), i, callee) {
		if (m)
			break;
		const char *sym = json_string_value(callee);
		if (!sym)
			continue;
		enum qeval_builtin_kind kind = builtin_kind(ev, sym);
		if (kind != QEVAL_NOT_BUILTIN) {
			m = kind == QEVAL_BUILTIN_REGISTERS;
			continue;
		}
		const struct vx_def *d = vx_lookup(ev->prog, def->unit, sym);
		if (d && d->kind == VX_DEF_FUNCTION && d != def && function_matters(ev, d))
			m = true;
	}
	fi->may_matter = m;
	return m;
}

static bool region_matters(struct qeval *ev, struct frame *fr, json_t *body,
			   size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (expr_matters(ev, fr->unit, json_array_get(body, i)))
			return true;
	return false;
}

/* Forgets the locals a skipped region may have changed. */
static void havoc(struct qeval *ev, struct frame *fr, const json_t *e, const char *why,
		  const char *loc)
{
	if (json_is_array(e)) {
		size_t i;
		json_t *x;
		json_array_foreach(e, i, x)
			havoc(ev, fr, x, why, loc);
		return;
	}
	if (!json_is_object(e))
		return;
	json_t *decl = json_object_get(e, "decl");
	json_t *to = NULL;
	const char *op = op_of(e);
	if (op && (!strcmp(op, "assign") || !strcmp(op, "incr")))
		to = json_object_get(e, "to");
	while (to && op_of(to) && (!strcmp(op_of(to), "field") || !strcmp(op_of(to), "index")))
		to = json_object_get(to, "of");
	json_int_t id = -1;
	if (json_is_integer(decl))
		id = json_integer_value(decl);
	else if (to && op_of(to) && !strcmp(op_of(to), "local"))
		id = json_integer_value(json_object_get(to, "id"));
	if (id >= 0 && id < 100000)
		*local_root(ev, fr, (size_t)id) = qv_unknown(ev, loc, "%s", why);
	const char *key;
	json_t *v;
	json_object_foreach((json_t *)e, key, v)
		if (json_is_object(v) || json_is_array(v))
			havoc(ev, fr, v, why, loc);
}

/* Whether every jump in [from, to) stays inside [low, to]: then the region can be
 * stepped over as a whole. */
static bool region_is_closed(struct frame *fr, json_t *body, size_t from, size_t to,
			     size_t low, bool allow_return)
{
	for (size_t i = from; i < to; i++) {
		json_t *s = json_array_get(body, i);
		if (json_object_get(s, "ret") && !allow_return)
			return false;
		const char *keys[] = { "goto", "then", "else", "join", "default" };
		for (size_t k = 0; k < sizeof keys / sizeof *keys; k++) {
			json_t *l = json_object_get(s, keys[k]);
			if (!l || json_is_null(l))
				continue;
			size_t at = label_index(fr->fi, l);
			if (at == SIZE_MAX || at < low || at > to)
				return false;
		}
		size_t c;
		json_t *cs;
		json_array_foreach(json_object_get(s, "cases"), c, cs) {
			size_t at = label_index(fr->fi, json_array_get(cs, 2));
			if (at == SIZE_MAX || at < low || at > to)
				return false;
		}
	}
	return true;
}

struct outcome {
	bool finished;
	struct qval value;
};

static struct outcome stop(struct qeval *ev, struct frame *fr, struct qval why,
			   const json_t *stmt)
{
	if (!why.u.loc || !*why.u.loc)
		why.u.loc = jstr(stmt, "loc");   /* the statement's, when the value has none */
	if (!*why.u.loc)
		why.u.loc = jstr(fr->def->json, "loc");
	struct outcome o = { false, why };
	if (function_matters(ev, fr->def))
		mark_vmsd_unknown(ev, why.u.loc,
				  qeval_printf(ev, "evaluation of %s stopped: %s", fr->def->symbol,
					       why.u.why));
	return o;
}

/* A branch on UNKNOWN at statement PC: step over the construct, or stop. */
static bool undecided(struct qeval *ev, struct frame *fr, json_t *body, size_t pc,
		      json_t *s, struct qval cond, size_t *next)
{
	const char *loc = jstr(s, "loc");
	size_t join = label_index(fr->fi, json_object_get(s, "join"));
	size_t low = pc + 1;
	json_t *loop = json_object_get(s, "loop");
	if (loop) {
		size_t top = label_index(fr->fi, loop);
		if (top != SIZE_MAX && top < low)
			low = top;
	}
	if (join == SIZE_MAX || join <= pc)
		return false;
	const char *why = qeval_printf(ev, "condition at %s cannot be decided: %s", loc,
				       cond.u.why);
	bool matters = region_matters(ev, fr, body, pc + 1, join);
	if (!region_is_closed(fr, body, pc + 1, join, low, false)) {
		/* Registering code that may return early (machine versions that getenv()
		 * may delete): go on as if it does not, and mark what is registered from
		 * now on as depending on the condition. */
		if (ev->klass || matters || !region_is_closed(fr, body, pc + 1, join, low, true))
			return false;
		if (!ev->condition)
			ev->condition = why;
	}
	if (matters)
		mark_vmsd_unknown(ev, loc, why);
	for (size_t i = pc + 1; i < join; i++)
		havoc(ev, fr, json_array_get(body, i), why, loc);
	*next = join;
	return true;
}

static struct outcome run_body(struct qeval *ev, struct frame *fr)
{
	json_t *body = json_object_get(fr->def->json, "body");
	size_t n = json_array_size(body), pc = 0;
	struct outcome done = { true, qv_int(0) };
	while (pc < n) {
		if (++ev->steps > MAX_STEPS)
			return stop(ev, fr, qv_unknown(ev, "", "evaluation took too many steps"),
				    json_array_get(body, pc));
		json_t *s = json_array_get(body, pc);
		json_t *x;
		if ((x = json_object_get(s, "do"))) {
			/* A call for its effects only, to code that cannot matter, is skipped. */
			const char *op = op_of(x);
			if (op && !strcmp(op, "call") && !expr_matters(ev, fr->unit, x)) {
				pc++;
				continue;
			}
			eval(ev, fr, x);
			pc++;
		} else if ((x = json_object_get(s, "decl"))) {
			json_int_t id = json_integer_value(x);
			json_t *init = json_object_get(s, "init");
			struct qval v = json_is_null(init) || !init
				? qv_unknown(ev, "", "uninitialized local %s", jstr(s, "name"))
				: copy_value(ev, eval(ev, fr, init));
			if (id >= 0 && id < 100000)
				*local_root(ev, fr, (size_t)id) = v;
			pc++;
		} else if (json_object_get(s, "label")) {
			pc++;
		} else if ((x = json_object_get(s, "goto"))) {
			size_t at = label_index(fr->fi, x);
			if (at == SIZE_MAX)
				return stop(ev, fr, qv_unknown(ev, "", "jump to a missing label"), s);
			pc = at;
		} else if ((x = json_object_get(s, "br"))) {
			struct qval c = eval(ev, fr, x);
			int t = qv_truth(&c);
			if (t < 0) {
				if (!undecided(ev, fr, body, pc, s, c, &pc))
					return stop(ev, fr, c, s);
				continue;
			}
			size_t at = label_index(fr->fi, json_object_get(s, t ? "then" : "else"));
			if (at == SIZE_MAX)
				return stop(ev, fr, qv_unknown(ev, "", "jump to a missing label"), s);
			pc = at;
		} else if ((x = json_object_get(s, "switch"))) {
			struct qval c = eval(ev, fr, x);
			if (c.kind != QV_INT) {
				if (c.kind != QV_UNKNOWN)
					c = qv_unknown(ev, jstr(s, "loc"), "switch on a non-integer");
				if (!undecided(ev, fr, body, pc, s, c, &pc))
					return stop(ev, fr, c, s);
				continue;
			}
			json_t *target = json_object_get(s, "default");
			if (json_is_null(target))
				target = json_object_get(s, "join");
			size_t i;
			json_t *cs;
			json_array_foreach(json_object_get(s, "cases"), i, cs) {
				json_int_t lo = json_integer_value(json_array_get(cs, 0));
				json_int_t hi = json_integer_value(json_array_get(cs, 1));
				if (c.i >= lo && c.i <= hi) {
					target = json_array_get(cs, 2);
					break;
				}
			}
			size_t at = label_index(fr->fi, target);
			if (at == SIZE_MAX)
				return stop(ev, fr, qv_unknown(ev, "", "jump to a missing label"), s);
			pc = at;
		} else if ((x = json_object_get(s, "ret"))) {
			done.value = eval(ev, fr, x);
			return done;
		} else {
			pc++;
		}
	}
	return done;
}

struct qval qeval_call_def(struct qeval *ev, const struct vx_def *def,
			   const struct qval *args, size_t nargs, const char *loc)
{
	if (!def || def->kind != VX_DEF_FUNCTION)
		return qv_unknown(ev, loc, "call to a function that is not recorded");
	if (ev->depth >= MAX_DEPTH)
		return qv_unknown(ev, loc, "calls nested too deep (recursion?)");
	struct frame fr = { .def = def, .unit = def->unit, .fi = fn_info(ev, def->json) };
	size_t i;
	json_t *param;
	if (ev->depth == 0)
		ev->steps = 0;
	json_array_foreach(json_object_get(def->json, "params"), i, param) {
		json_int_t id = json_integer_value(param);
		if (id < 0 || id >= 100000)
			continue;
		*local_root(ev, &fr, (size_t)id) = i < nargs ? copy_value(ev, args[i])
			: qv_unknown(ev, loc, "missing argument");
	}
	ev->depth++;
	struct outcome o = run_body(ev, &fr);
	ev->depth--;
	return o.value;
}

static struct qval call_value(struct qeval *ev, struct frame *fr, json_t *e)
{
	const char *loc = jstr(e, "loc");
	json_t *args_json = json_object_get(e, "args");
	size_t nargs = json_array_size(args_json);
	struct qval stack_args[16];
	struct qval *args = nargs <= 16 ? stack_args : qeval_alloc(ev, nargs * sizeof(*args));
	for (size_t i = 0; i < nargs; i++)
		args[i] = eval(ev, fr, json_array_get(args_json, i));

	json_t *fn = json_object_get(e, "fn");
	const char *fop = op_of(fn);
	const char *name = NULL;
	const struct vx_def *def = NULL;
	if (fop && !strcmp(fop, "addr")) {
		name = jstr(fn, "sym");
		def = vx_lookup(ev->prog, fr->unit, name);
	} else {
		struct qval f = eval(ev, fr, fn);
		if (f.kind == QV_SYM) {
			name = f.sym.name;
			def = f.sym.def;
		} else {
			struct qval u = f.kind == QV_UNKNOWN ? f
				: qv_unknown(ev, loc, "call through a pointer that is not a function");
			/* The callee may be anything: if it is handed the class, its vmsd. */
			for (size_t i = 0; i < nargs; i++)
				if (ev->klass && args[i].kind == QV_PTR) {
					struct qval *cell = qv_deref(&args[i]);
					if (cell && cell->kind == QV_AGG && cell->agg == ev->klass)
						mark_vmsd_unknown(ev, loc, "the class is passed to a "
								  "function through an unknown pointer");
				}
			return u;
		}
	}
	struct qval result;
	if (ev->builtin && ev->builtin(ev, name, args, nargs, loc, &result))
		return result;
	if (!def || def->kind != VX_DEF_FUNCTION)
		return qv_unknown(ev, loc, "call to %s, which is not recorded", name);
	return qeval_call_def(ev, def, args, nargs, loc);
}

bool qeval_run(struct qeval *ev, const struct vx_unit *unit, const char *symbol,
	       const char **why, const char **where)
{
	const struct vx_def *def = vx_lookup(ev->prog, unit, symbol);
	if (!def || def->kind != VX_DEF_FUNCTION) {
		*why = qeval_printf(ev, "registration function %s is not recorded", symbol);
		*where = "";
		return false;
	}
	struct frame fr = { .def = def, .unit = def->unit, .fi = fn_info(ev, def->json) };
	ev->steps = 0;
	ev->depth = 1;
	ev->condition = NULL;
	struct outcome o = run_body(ev, &fr);
	ev->depth = 0;
	ev->condition = NULL;
	if (!o.finished) {
		*why = o.value.u.why;
		*where = o.value.u.loc;
	}
	return o.finished;
}
