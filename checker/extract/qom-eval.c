/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The interpreter of the QOM IR (docs/fragment-qom.md), over the typed nodes of
 * qom-ir.h.  Values that cannot be known travel as QV_UNKNOWN with their reason and
 * location; a branch on such a value either skips the construct to its join point
 * (forgetting what it may have changed) or ends the function, and in both cases makes
 * the migration state of the class being initialized unknown when the code passed over
 * may store some (qom-matters.c). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../common/alloc.h"
#include "qom-internal.h"

enum { MAX_DEPTH = 64, MAX_STEPS = 2000000 };

struct frame {
	const struct vx_def *def;
	const struct vx_unit *unit;
	struct ir_function *fn;
	struct qagg **locals;
	size_t local_count;
};

/* ---- the evaluator's state ---- */

static size_t ptr_hash(const void *p, size_t size)
{
	uintptr_t h = (uintptr_t)p;

	h ^= h >> 17;
	h *= 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 20) & (size - 1);
}

void **ptr_map_slot(struct ptr_map *m, const void *key, bool create)
{
	if (create && (m->count + 1) * 2 > m->size) {
		struct ptr_map old = *m;

		m->size = old.size ? old.size * 2 : 256;
		m->keys = xcalloc(m->size, sizeof(*m->keys));
		m->values = xcalloc(m->size, sizeof(*m->values));
		m->count = 0;
		for (size_t i = 0; i < old.size; i++)
			if (old.keys[i])
				*ptr_map_slot(m, old.keys[i], true) = old.values[i];
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

void ptr_map_free(struct ptr_map *m)
{
	free(m->keys);
	free(m->values);
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
	ptr_map_free(&ev->functions);
	ptr_map_free(&ev->data_roots);
	arena_release(&ev->arena);
	free(ev);
}

struct function_state *qeval_function_state(struct qeval *ev, const struct vx_def *def)
{
	void **slot = ptr_map_slot(&ev->functions, def->json, true);
	struct function_state *fs = *slot;

	if (!fs) {
		fs = qeval_alloc(ev, sizeof(*fs));
		fs->may_matter = -1;
		fs->may_set_creatable = -1;
		*slot = fs;
	}
	return fs;
}

struct ir_function *qeval_function(struct qeval *ev, const struct vx_def *def)
{
	struct function_state *fs = qeval_function_state(ev, def);

	if (!fs->decoded)
		fs->decoded = ir_decode_function(&ev->arena, def->json);
	return fs->decoded;
}

const char *const qom_state_keys[QOM_STATE_KEY_COUNT] = {
	QOM_VMSD_KEY, QOM_SYSEMU_OPS_KEY, QOM_CPU_VMSD_KEY,
	QOM_VIRTIO_VMSD_KEY, QOM_VIRTIO_SAVE_KEY, QOM_VIRTIO_LOAD_KEY,
};

static void state_keys_unknown(struct qeval *ev, struct qagg *klass, unsigned keys,
			       const char *loc, const char *why)
{
	for (size_t i = 0; i < QOM_STATE_KEY_COUNT; i++)
		if (keys & (1u << i))
			*qagg_member(ev, klass, qom_state_keys[i]) = qv_unknown(ev, loc, "%s", why);
}

void qagg_state_unknown(struct qeval *ev, struct qagg *klass, const char *loc,
			const char *why)
{
	state_keys_unknown(ev, klass, QOM_ALL_STATE_KEYS, loc, why);
}

/* Makes the state members KEYS of the class being initialized unknown. */
static void mark_vmsd_unknown(struct qeval *ev, unsigned keys, const char *loc,
			      const char *why)
{
	if (ev->klass)
		state_keys_unknown(ev, ev->klass, keys, loc, why);
}

void qagg_creatable_unknown(struct qeval *ev, struct qagg *klass, const char *loc,
			    const char *why)
{
	*qagg_member(ev, klass, QOM_USER_CREATABLE_KEY) = qv_unknown(ev, loc, "%s", why);
}

static void mark_creatable_unknown(struct qeval *ev, const char *loc, const char *why)
{
	if (ev->klass)
		qagg_creatable_unknown(ev, ev->klass, loc, why);
}

/* ---- expressions ---- */

static struct qval eval(struct qeval *ev, struct frame *fr, const struct ir_node *e);
static struct qval lvalue(struct qeval *ev, struct frame *fr, const struct ir_node *e);
static struct qval call_value(struct qeval *ev, struct frame *fr, const struct ir_node *e);

static struct qval data_root(struct qeval *ev, const struct vx_def *def)
{
	void **slot = ptr_map_slot(&ev->data_roots, def, true);

	if (!*slot) {
		/* Cycles through pointers are fine: the root exists before its value. */
		struct qval obj = qeval_new_object(ev, qv_int(0));
		struct frame fr = { .def = def, .unit = def->unit };

		*slot = obj.p.agg;
		obj.p.agg->cells[0] = eval(ev, &fr, ir_decode(&ev->arena,
							 json_object_get(def->json, "init")));
	}
	return qv_ptr(*slot, 0);
}

static struct qval symbol_address(struct qeval *ev, struct frame *fr, const char *sym)
{
	const struct vx_def *def = vx_lookup(ev->prog, fr->unit, sym);
	struct qval v = { .kind = QV_SYM };

	if (def && def->kind == VX_DEF_DATA)
		return data_root(ev, def);
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

/* A new struct value whose members never given read as 0. */
static struct qagg *zero_struct(struct qeval *ev)
{
	struct qagg *inner = qagg_new(ev, QAGG_STRUCT);

	inner->missing_is_zero = true;
	return inner;
}

/* Member E->name of the class A (at BASE): "Struct.member". */
static struct qval class_member_lvalue(struct qeval *ev, const struct ir_node *e,
				       struct qval base, struct qagg *a)
{
	const char *key;
	size_t i;

	/* Classes nest by first member: that member is a view of the class. */
	if (e->agg && e->first)
		return base;
	key = qeval_printf(ev, "%s.%s", e->struct_name, e->name);
	i = qagg_member_index(ev, a, key);
	if (e->agg && a->cells[i].kind == QV_INT && a->cells[i].i == 0) {
		a->cells[i].kind = QV_AGG;
		a->cells[i].agg = zero_struct(ev);
	}
	return qv_ptr(a, i);
}

static struct qval field_lvalue(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval base = lvalue(ev, fr, e->of);
	struct qval *cell;
	struct qagg *a;
	size_t i;

	if (base.kind != QV_PTR)
		return base;
	cell = qv_deref(&base);
	if (!cell)
		return qv_unknown(ev, "", "member access out of bounds");
	if (cell->kind == QV_INT && cell->i == 0) {
		cell->kind = QV_AGG;
		cell->agg = zero_struct(ev);
	} else if (cell->kind == QV_UNKNOWN) {
		/* A struct local without initializer, filled member by member. */
		cell->kind = QV_AGG;
		cell->agg = qagg_new(ev, QAGG_STRUCT);
	}
	if (cell->kind != QV_AGG)
		return qv_unknown(ev, "", "member %s of something that is not a struct", e->name);
	a = cell->agg;
	if (a->kind == QAGG_CLASS)
		return class_member_lvalue(ev, e, base, a);
	if (a->kind != QAGG_STRUCT)
		return qv_unknown(ev, "", "member %s of an array", e->name);
	i = qagg_member_index(ev, a, e->name);
	if (e->agg && a->cells[i].kind == QV_INT && a->missing_is_zero && a->cells[i].i == 0) {
		a->cells[i].kind = QV_AGG;
		a->cells[i].agg = zero_struct(ev);
	}
	return qv_ptr(a, i);
}

static struct qval index_lvalue(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval base = lvalue(ev, fr, e->of);
	struct qval idx = eval(ev, fr, e->index);
	struct qval *cell;

	if (base.kind != QV_PTR)
		return base;
	if (idx.kind != QV_INT)
		return idx.kind == QV_UNKNOWN ? idx
					      : qv_unknown(ev, "", "array index is not an integer");
	cell = qv_deref(&base);
	if (!cell || cell->kind != QV_AGG || cell->agg->kind != QAGG_ARRAY)
		return qv_unknown(ev, "", "index into something that is not an array");
	if (idx.i < 0 || (size_t)idx.i >= cell->agg->count)
		return qv_unknown(ev, "", "array index %lld out of bounds", (long long)idx.i);
	return qv_ptr(cell->agg, (size_t)idx.i);
}

static struct qval lvalue(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval p, a;

	switch (e ? e->kind : IR_NULL) {
	case IR_LOCAL:
		if (e->id < 0 || e->id > 100000)
			return qv_unknown(ev, "", "bad local id");
		local_root(ev, fr, (size_t)e->id);
		return qv_ptr(fr->locals[e->id], 0);
	case IR_GLOBAL:
		a = symbol_address(ev, fr, e->sym);
		if (a.kind == QV_PTR)
			return a;
		return qv_unknown(ev, "", "%s is not recorded data", e->sym);
	case IR_FIELD:
		return field_lvalue(ev, fr, e);
	case IR_INDEX:
		return index_lvalue(ev, fr, e);
	case IR_DEREF:
		p = eval(ev, fr, e->ptr);
		if (p.kind == QV_PTR || p.kind == QV_UNKNOWN)
			return p;
		if (p.kind == QV_SYM)
			return qv_unknown(ev, "", "%s is not recorded data", p.sym.name);
		return qv_unknown(ev, "", "dereference of something that is not a pointer");
	case IR_LITERAL:
		return qeval_new_object(ev, copy_value(ev, eval(ev, fr, e->init)));
	case IR_UNKNOWN:
		return eval(ev, fr, e);
	case IR_NULL: case IR_INT: case IR_STR: case IR_TRUE: case IR_FALSE: case IR_REAL:
	case IR_LIST: case IR_NO_OP:
		return qv_unknown(ev, "", "not an object in memory");
	default:
		return qv_unknown(ev, "", "%s is not an object in memory", e->op);
	}
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

/* && and ||, with C's short circuit; unknown only when the other side does not
 * decide. */
static struct qval logical(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	bool is_and = e->code[0] == '&';
	struct qval a = eval(ev, fr, e->a), b;
	int ta = qv_truth(&a), tb;

	if (ta == (is_and ? 0 : 1))
		return qv_int(ta);
	b = eval(ev, fr, e->b);
	tb = qv_truth(&b);
	if (tb == (is_and ? 0 : 1))
		return qv_int(tb);
	if (ta < 0)
		return a;
	if (tb < 0)
		return b;
	return qv_int(is_and ? 1 : 0);
}

static struct qval arithmetic(struct qeval *ev, const char *code, int64_t x, int64_t y)
{
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

static struct qval binary(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	const char *code = e->code;
	struct qval a, b;
	int r;

	if (!strcmp(code, "&&") || !strcmp(code, "||"))
		return logical(ev, fr, e);
	a = eval(ev, fr, e->a);
	b = eval(ev, fr, e->b);
	if (a.kind == QV_UNKNOWN)
		return a;
	if (b.kind == QV_UNKNOWN)
		return b;
	if (!strcmp(code, "==") || !strcmp(code, "!=")) {
		if (!values_equal(&a, &b, &r))
			return qv_unknown(ev, "", "comparison of values that cannot be compared");
		return qv_int(code[0] == '=' ? r : !r);
	}
	if (a.kind == QV_PTR && b.kind == QV_PTR && a.p.agg == b.p.agg) {
		a = qv_int((int64_t)a.p.idx);
		b = qv_int((int64_t)b.p.idx);
	}
	if (a.kind != QV_INT || b.kind != QV_INT)
		return qv_unknown(ev, "", "arithmetic %s on something that is not an integer", code);
	return arithmetic(ev, code, a.i, b.i);
}

static struct qval pointer_add(struct qeval *ev, struct qval p, struct qval bytes,
			       int64_t elem)
{
	int64_t idx;

	if (p.kind == QV_UNKNOWN)
		return p;
	if (bytes.kind == QV_UNKNOWN)
		return bytes;
	if (bytes.kind != QV_INT)
		return qv_unknown(ev, "", "pointer offset is not an integer");
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
	idx = (int64_t)p.p.idx + bytes.i / elem;
	if (idx < 0 || (size_t)idx > p.p.agg->count)
		return qv_unknown(ev, "", "pointer moved out of its array");
	p.p.idx = (size_t)idx;
	return p;
}

static struct qval assign(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval v = eval(ev, fr, e->value);
	struct qval p = lvalue(ev, fr, e->to);
	struct qval *cell;

	if (p.kind != QV_PTR) {
		/* A store through a pointer we do not know may hit the class's state. */
		if (ir_is_state_store(e->to))
			mark_vmsd_unknown(ev, 1u << ir_state_key(e->to),
					  p.kind == QV_UNKNOWN ? p.u.loc : "",
					  qeval_printf(ev, "store to vmsd through an unknown "
						       "pointer: %s",
						       p.kind == QV_UNKNOWN ? p.u.why : "?"));
		if (ir_expr_sets_creatable(ev, fr->unit, e))
			mark_creatable_unknown(ev, p.kind == QV_UNKNOWN ? p.u.loc : "",
					       "store to user_creatable through an unknown pointer");
		return v;
	}
	cell = qv_deref(&p);
	if (cell)
		*cell = copy_value(ev, v);
	return v;
}

static struct qval increment(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval p = lvalue(ev, fr, e->to);
	struct qval by = eval(ev, fr, e->by);
	struct qval *cell = qv_deref(&p);
	struct qval old, now;

	if (!cell)
		return p.kind == QV_UNKNOWN ? p : qv_unknown(ev, "", "increment of a non-object");
	old = *cell;
	if (old.kind == QV_INT && by.kind == QV_INT)
		now = qv_int(old.i + by.i);
	else
		now = pointer_add(ev, old, by, e->elem);
	*cell = now;
	return e->post ? old : now;
}

static struct qval make_struct(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qagg *a = zero_struct(ev);
	struct qval v = { .kind = QV_AGG, .agg = a };

	for (size_t i = 0; i < e->item_count; i++) {
		const char *name = e->item_names[i];
		struct qval item = eval(ev, fr, e->items[i]);
		ssize_t at;

		if (!name)
			continue;
		at = qagg_index(a, name);
		if (at >= 0)
			a->cells[at] = item;
		else
			qagg_append(ev, a, name, item);
	}
	return v;
}

static struct qval make_array(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qagg *a = qagg_new(ev, QAGG_ARRAY);
	struct qval v = { .kind = QV_AGG, .agg = a };

	a->missing_is_zero = true;
	for (size_t i = 0; i < e->item_count; i++)
		qagg_append(ev, a, "", eval(ev, fr, e->items[i]));
	if (e->has_length && e->length <= 100000)
		while ((int64_t)a->count < e->length)
			qagg_append(ev, a, "", qv_int(0));
	return v;
}

static struct qval decay(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval p = eval(ev, fr, e->ptr);
	struct qval *cell = qv_deref(&p);

	if (cell && cell->kind == QV_AGG && cell->agg->kind == QAGG_ARRAY)
		return qv_ptr(cell->agg, 0);
	if (cell && cell->kind == QV_STR)
		return *cell;
	return p;
}

static struct qval unary(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval a = eval(ev, fr, e->a);
	const char *code = e->code;
	int t;

	if (code[0] == '!') {
		t = qv_truth(&a);
		return t < 0 ? a : qv_int(!t);
	}
	if (a.kind != QV_INT)
		return a.kind == QV_UNKNOWN ? a : qv_unknown(ev, "", "%s of a non-integer", code);
	return qv_int(code[0] == '-' ? -a.i : ~a.i);
}

/* What is read through an lvalue (a local, a member, an element, a dereference). */
static struct qval read_memory(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval p = lvalue(ev, fr, e);
	struct qval *cell = qv_deref(&p);

	if (cell)
		return *cell;
	return p.kind == QV_UNKNOWN ? p : qv_unknown(ev, "", "cannot evaluate %s", e->op);
}

static struct qval eval(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	struct qval v, c;
	int t;

	switch (e ? e->kind : IR_NULL) {
	case IR_NULL: return qv_int(0);
	case IR_INT: return qv_int(e->num);
	case IR_STR: v = (struct qval){ .kind = QV_STR, .s = e->str }; return v;
	case IR_TRUE: return qv_int(1);
	case IR_FALSE: return qv_int(0);
	case IR_REAL: case IR_LIST: case IR_NO_OP:
		return qv_unknown(ev, "", "malformed IR expression");
	case IR_ADDR: return symbol_address(ev, fr, e->sym);
	case IR_ADDR_OF: return lvalue(ev, fr, e->of);
	case IR_ASSIGN: return assign(ev, fr, e);
	case IR_ARRAY: return make_array(ev, fr, e);
	case IR_BIN: return binary(ev, fr, e);
	case IR_BOOL:
		v = eval(ev, fr, e->a);
		t = qv_truth(&v);
		return t < 0 ? v : qv_int(t);
	case IR_CALL: return call_value(ev, fr, e);
	case IR_COND:
		c = eval(ev, fr, e->cond);
		t = qv_truth(&c);
		if (t < 0)
			return c;
		return eval(ev, fr, t ? e->then : e->otherwise);
	case IR_DECAY: return decay(ev, fr, e);
	case IR_INCR: return increment(ev, fr, e);
	case IR_LITERAL: return eval(ev, fr, e->init);
	case IR_PTRADD:
		return pointer_add(ev, eval(ev, fr, e->ptr), eval(ev, fr, e->bytes), e->elem);
	case IR_STRUCT: return make_struct(ev, fr, e);
	case IR_SEQ:
		eval(ev, fr, e->a);
		return eval(ev, fr, e->b);
	case IR_UN: return unary(ev, fr, e);
	case IR_UNKNOWN:
		v = (struct qval){ .kind = QV_UNKNOWN };
		v.u.why = e->why;
		v.u.loc = e->loc;
		return v;
	default:
		return read_memory(ev, fr, e);
	}
}

/* ---- statements ---- */

/* Forgets the locals a skipped region may have changed. */
static void havoc(struct qeval *ev, struct frame *fr, const struct ir_node *e,
		  const char *why, const char *loc)
{
	const struct ir_node *to = NULL;
	int64_t id = -1;

	if (!e)
		return;
	if (e->kind == IR_ASSIGN || e->kind == IR_INCR)
		to = e->to;
	while (to && (to->kind == IR_FIELD || to->kind == IR_INDEX))
		to = to->of;
	if (e->decl_is_int)
		id = e->decl;
	else if (to && to->kind == IR_LOCAL)
		id = to->id;
	if (id >= 0 && id < 100000)
		*local_root(ev, fr, (size_t)id) = qv_unknown(ev, loc, "%s", why);
	for (size_t i = 0; i < e->kid_count; i++)
		havoc(ev, fr, e->kids[i], why, loc);
}

/* The state members the statements FROM..TO may store (ir_expr_keys). */
static unsigned region_keys(struct qeval *ev, struct frame *fr, size_t from, size_t to)
{
	unsigned keys = 0;

	for (size_t i = from; i < to && keys != QOM_ALL_STATE_KEYS; i++)
		keys |= ir_expr_keys(ev, fr->unit, fr->fn->body[i]);
	return keys;
}

static bool lands_inside(const struct frame *fr, struct ir_label l, size_t low, size_t to)
{
	size_t at;

	if (!l.present)
		return true;
	at = ir_label_index(fr->fn, l);
	return at != SIZE_MAX && at >= low && at <= to;
}

/* Whether every jump in [from, to) stays inside [low, to]: then the region can be
 * stepped over as a whole. */
static bool region_is_closed(struct frame *fr, size_t from, size_t to, size_t low,
			     bool allow_return)
{
	for (size_t i = from; i < to; i++) {
		const struct ir_stmt_info *s = fr->fn->body[i]->s;

		if (s->has_ret && !allow_return)
			return false;
		if (!lands_inside(fr, s->jump, low, to) || !lands_inside(fr, s->on_true, low, to) ||
		    !lands_inside(fr, s->on_false, low, to) || !lands_inside(fr, s->join, low, to) ||
		    !lands_inside(fr, s->fallback, low, to))
			return false;
		for (size_t c = 0; c < s->case_count; c++) {
			size_t at = ir_label_index(fr->fn, s->cases[c].target);

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
			   const struct ir_node *stmt)
{
	struct outcome o;

	if (!why.u.loc || !*why.u.loc)
		why.u.loc = stmt ? stmt->loc : "";   /* the statement's, when the value has none */
	if (!*why.u.loc) {
		const char *def_loc = json_string_value(json_object_get(fr->def->json, "loc"));

		why.u.loc = def_loc ? def_loc : "";
	}
	o = (struct outcome){ false, why };
	if (ir_function_matters(ev, fr->def))
		mark_vmsd_unknown(ev, QOM_ALL_STATE_KEYS, why.u.loc,
				  qeval_printf(ev, "evaluation of %s stopped: %s", fr->def->symbol,
					       why.u.why));
	if (ev->klass && ir_function_sets_creatable(ev, fr->def))
		mark_creatable_unknown(ev, why.u.loc,
				       qeval_printf(ev, "evaluation of %s stopped: %s",
						    fr->def->symbol, why.u.why));
	return o;
}

/* A branch on UNKNOWN at statement PC: step over the construct, or stop. */
static bool undecided(struct qeval *ev, struct frame *fr, size_t pc, struct qval cond,
		      size_t *next)
{
	const struct ir_node *n = fr->fn->body[pc];
	const struct ir_stmt_info *s = n->s;
	size_t join = ir_label_index(fr->fn, s->join), low = pc + 1, top;
	const char *why;
	unsigned keys;
	bool matters;

	if (s->loop.present || s->loop.is_null) {
		top = ir_label_index(fr->fn, s->loop);
		if (top != SIZE_MAX && top < low)
			low = top;
	}
	if (join == SIZE_MAX || join <= pc)
		return false;
	why = qeval_printf(ev, "condition at %s cannot be decided: %s", n->loc, cond.u.why);
	keys = region_keys(ev, fr, pc + 1, join);
	matters = keys != 0;
	if (!region_is_closed(fr, pc + 1, join, low, false)) {
		/* Registering code that may return early (machine versions that getenv()
		 * may delete): go on as if it does not, and mark what is registered from
		 * now on as depending on the condition. */
		if (ev->klass || matters || !region_is_closed(fr, pc + 1, join, low, true))
			return false;
		if (!ev->condition)
			ev->condition = why;
	}
	if (matters)
		mark_vmsd_unknown(ev, keys, n->loc, why);
	for (size_t i = pc + 1; i < join && ev->klass; i++)
		if (ir_expr_sets_creatable(ev, fr->unit, fr->fn->body[i])) {
			mark_creatable_unknown(ev, n->loc, why);
			break;
		}
	for (size_t i = pc + 1; i < join; i++)
		havoc(ev, fr, fr->fn->body[i], why, n->loc);
	*next = join;
	return true;
}

/* The statement index a switch on C jumps to. */
static size_t switch_target(const struct frame *fr, const struct ir_stmt_info *s, int64_t c)
{
	struct ir_label target = s->fallback.is_null ? s->join : s->fallback;

	for (size_t i = 0; i < s->case_count; i++)
		if (c >= s->cases[i].lo && c <= s->cases[i].hi) {
			target = s->cases[i].target;
			break;
		}
	return ir_label_index(fr->fn, target);
}

/* Runs the statement at *PC; false with *OUT when the function ends there. */
static bool step(struct qeval *ev, struct frame *fr, size_t *pc, struct outcome *out)
{
	const struct ir_node *n = fr->fn->body[*pc];
	const struct ir_stmt_info *s = n->s;
	struct qval c;
	size_t at = *pc + 1;
	int t;

	switch (s->stmt) {
	case STMT_DO:
		/* A call for its effects only, to code that cannot matter, is skipped (in a
		 * class_init, code that may set user_creatable matters too). */
		if (s->expr->kind != IR_CALL || ir_expr_matters(ev, fr->unit, s->expr) ||
		    (ev->klass && ir_expr_sets_creatable(ev, fr->unit, s->expr)))
			eval(ev, fr, s->expr);
		break;
	case STMT_DECL:
		c = n->decl_init ? copy_value(ev, eval(ev, fr, n->decl_init))
			: qv_unknown(ev, "", "uninitialized local %s", n->name);
		if (n->decl >= 0 && n->decl < 100000)
			*local_root(ev, fr, (size_t)n->decl) = c;
		break;
	case STMT_GOTO:
		at = ir_label_index(fr->fn, s->jump);
		break;
	case STMT_BR:
	case STMT_SWITCH:
		c = eval(ev, fr, s->expr);
		t = qv_truth(&c);
		if (s->stmt == STMT_SWITCH && c.kind != QV_INT && c.kind != QV_UNKNOWN)
			c = qv_unknown(ev, n->loc, "switch on a non-integer");
		if (c.kind == QV_UNKNOWN) {
			if (!undecided(ev, fr, *pc, c, pc)) {
				*out = stop(ev, fr, c, n);
				return false;
			}
			return true;
		}
		at = s->stmt == STMT_BR ? ir_label_index(fr->fn, t ? s->on_true : s->on_false)
			: switch_target(fr, s, c.i);
		break;
	case STMT_RET:
		*out = (struct outcome){ true, eval(ev, fr, s->expr) };
		return false;
	default:
		break;
	}
	if (at == SIZE_MAX) {
		*out = stop(ev, fr, qv_unknown(ev, "", "jump to a missing label"), n);
		return false;
	}
	*pc = at;
	return true;
}

static struct outcome run_body(struct qeval *ev, struct frame *fr)
{
	struct outcome out = { true, qv_int(0) };
	size_t pc = 0;

	while (pc < fr->fn->count) {
		if (++ev->steps > MAX_STEPS)
			return stop(ev, fr, qv_unknown(ev, "", "evaluation took too many steps"),
				    fr->fn->body[pc]);
		if (!step(ev, fr, &pc, &out))
			return out;
	}
	return out;
}

/* ---- calls ---- */

struct qval qeval_call_def(struct qeval *ev, const struct vx_def *def,
			   const struct qval *args, size_t nargs, const char *loc)
{
	struct frame fr;
	struct outcome o;

	if (!def || def->kind != VX_DEF_FUNCTION)
		return qv_unknown(ev, loc, "call to a function that is not recorded");
	if (ev->depth >= MAX_DEPTH)
		return qv_unknown(ev, loc, "calls nested too deep (recursion?)");
	fr = (struct frame){ .def = def, .unit = def->unit, .fn = qeval_function(ev, def) };
	if (ev->depth == 0)
		ev->steps = 0;
	for (size_t i = 0; i < fr.fn->param_count; i++) {
		int64_t id = fr.fn->params[i];

		if (id < 0 || id >= 100000)
			continue;
		*local_root(ev, &fr, (size_t)id) = i < nargs ? copy_value(ev, args[i])
			: qv_unknown(ev, loc, "missing argument");
	}
	ev->depth++;
	o = run_body(ev, &fr);
	ev->depth--;
	return o.value;
}

/* A call through a pointer the evaluator does not know: if it is handed the class, it
 * may set anything there. */
static struct qval unknown_callee(struct qeval *ev, struct qval f, const struct qval *args,
				  size_t nargs, const char *loc)
{
	struct qval u = f.kind == QV_UNKNOWN ? f
		: qv_unknown(ev, loc, "call through a pointer that is not a function");

	for (size_t i = 0; i < nargs; i++)
		if (ev->klass && args[i].kind == QV_PTR) {
			struct qval *cell = qv_deref(&args[i]);

			if (cell && cell->kind == QV_AGG && cell->agg == ev->klass) {
				mark_vmsd_unknown(ev, QOM_ALL_STATE_KEYS, loc,
						  "the class is passed to a function "
						  "through an unknown pointer");
				mark_creatable_unknown(ev, loc, "the class is passed to a function "
						       "through an unknown pointer");
			}
		}
	return u;
}

static struct qval call_value(struct qeval *ev, struct frame *fr, const struct ir_node *e)
{
	size_t nargs = e->item_count;
	struct qval stack_args[16], result, f;
	struct qval *args = nargs <= 16 ? stack_args : qeval_alloc(ev, nargs * sizeof(*args));
	const struct vx_def *def = NULL;
	const char *name = NULL;

	for (size_t i = 0; i < nargs; i++)
		args[i] = eval(ev, fr, e->items[i]);
	if (e->fn && e->fn->kind == IR_ADDR) {
		name = e->fn->sym;
		def = vx_lookup(ev->prog, fr->unit, name);
	} else {
		f = eval(ev, fr, e->fn);
		if (f.kind != QV_SYM)
			return unknown_callee(ev, f, args, nargs, e->loc);
		name = f.sym.name;
		def = f.sym.def;
	}
	if (ev->builtin && ev->builtin(ev, name, args, nargs, e->loc, &result))
		return result;
	if (!def || def->kind != VX_DEF_FUNCTION)
		return qv_unknown(ev, e->loc, "call to %s, which is not recorded", name);
	return qeval_call_def(ev, def, args, nargs, e->loc);
}

bool qeval_run(struct qeval *ev, const struct vx_unit *unit, const char *symbol,
	       const char **why, const char **where)
{
	const struct vx_def *def = vx_lookup(ev->prog, unit, symbol);
	struct frame fr;
	struct outcome o;

	if (!def || def->kind != VX_DEF_FUNCTION) {
		*why = qeval_printf(ev, "registration function %s is not recorded", symbol);
		*where = "";
		return false;
	}
	fr = (struct frame){ .def = def, .unit = def->unit, .fn = qeval_function(ev, def) };
	ev->steps = 0;
	ev->depth = 1;
	ev->condition = NULL;
	o = run_body(ev, &fr);
	ev->depth = 0;
	ev->condition = NULL;
	if (!o.finished) {
		*why = o.value.u.why;
		*where = o.value.u.loc;
	}
	return o.finished;
}
