/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM evaluator (qom.h): runs every recorded QOM registration, then initializes
 * every registered class the way the object model does (a copy of the parent's class,
 * the ancestors' class_base_init, its own class_init with class_data) and reads
 * DeviceClass.vmsd from the result.  The built-in functions live here. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../common/diag.h"
#include "qom.h"
#include "qom-eval.h"
#include "../common/alloc.h"

struct type_rec {
	const char *name;
	const char *parent;
	const char *loc;
	bool abstract;
	struct qval class_init, class_base_init, class_data;
	const char *condition;   /* registered only if an undecided early return is not taken */
	int parent_index;        /* -1: none or not found */
	bool reported_twice;     /* a second registration was reported (once, not in a loop) */
	int state;               /* 0 not initialized, 1 in progress, 2 done */
	struct qval class_ptr;   /* pointer to the class object once initialized */
};

struct registry {
	struct qeval *ev;
	struct type_rec *types;
	size_t count, cap;
	int *slots;              /* name hash -> index + 1 */
	size_t slot_count;
	unsigned problems;
	const char **bad_info_locs;   /* where a bad TypeInfo was reported, each place once */
	size_t bad_info_count, bad_info_cap;
};

/* True the first time LOC reports a bad TypeInfo: a loop repeats it. */
static bool first_at(struct registry *r, const char *loc)
{
	for (size_t i = 0; i < r->bad_info_count; i++)
		if (r->bad_info_locs[i] == loc || (loc && r->bad_info_locs[i] &&
						   !strcmp(r->bad_info_locs[i], loc)))
			return false;
	xgrow(&r->bad_info_locs, &r->bad_info_cap, r->bad_info_count + 1,
	      sizeof(*r->bad_info_locs));
	r->bad_info_locs[r->bad_info_count++] = loc;
	return true;
}

static size_t hash_name(const char *s)
{
	size_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

static int find_type(const struct registry *r, const char *name)
{
	if (!r->slot_count)
		return -1;
	for (size_t i = hash_name(name) & (r->slot_count - 1);; i = (i + 1) & (r->slot_count - 1)) {
		int at = r->slots[i];
		if (!at)
			return -1;
		if (!strcmp(r->types[at - 1].name, name))
			return at - 1;
	}
}

static void index_type(struct registry *r, int index)
{
	if ((r->count + 1) * 2 > r->slot_count) {
		free(r->slots);
		r->slot_count = r->slot_count ? r->slot_count * 2 : 1024;
		r->slots = xcalloc(r->slot_count, sizeof(*r->slots));
		for (size_t t = 0; t <= (size_t)index; t++) {
			size_t i = hash_name(r->types[t].name) & (r->slot_count - 1);
			while (r->slots[i])
				i = (i + 1) & (r->slot_count - 1);
			r->slots[i] = (int)t + 1;
		}
		return;
	}
	size_t i = hash_name(r->types[index].name) & (r->slot_count - 1);
	while (r->slots[i])
		i = (i + 1) & (r->slot_count - 1);
	r->slots[i] = index + 1;
}

static const char *string_member(struct qeval *ev, struct qagg *info, const char *member,
				 bool *unknown)
{
	struct qval *v = qagg_find(info, member);
	if (!v || (v->kind == QV_INT && v->i == 0))
		return NULL;
	if (v->kind == QV_STR)
		return v->s;
	*unknown = true;
	(void)ev;
	return NULL;
}

static struct qval value_member(struct qagg *info, const char *member)
{
	struct qval *v = qagg_find(info, member);
	return v ? *v : qv_int(0);
}

/* type_register*(): records the TypeInfo in CELL. */
static void register_info(struct registry *r, struct qval *cell, const char *loc)
{
	struct qeval *ev = r->ev;
	if (!cell || cell->kind != QV_AGG || cell->agg->kind != QAGG_STRUCT) {
		if (!first_at(r, loc))
			return;
		diag_warning(loc, "a type is registered with a TypeInfo that cannot be "
			     "evaluated%s%s", cell && cell->kind == QV_UNKNOWN ? ": " : "",
			     cell && cell->kind == QV_UNKNOWN ? cell->u.why : "");
		r->problems++;
		return;
	}
	struct qagg *info = cell->agg;
	bool bad_name = false, bad_parent = false;
	const char *name = string_member(ev, info, "name", &bad_name);
	const char *parent = string_member(ev, info, "parent", &bad_parent);
	if ((!name || bad_parent) && first_at(r, loc)) {
		struct qval *v = qagg_find(info, bad_parent ? "parent" : "name");
		diag_warning(loc, "a type is registered whose %s cannot be evaluated%s%s",
			     bad_parent ? "parent" : "name",
			     v && v->kind == QV_UNKNOWN ? ": " : "",
			     v && v->kind == QV_UNKNOWN ? v->u.why : "");
		r->problems++;
	}
	if (!name)
		return;
	int old = find_type(r, name);
	if (old >= 0) {
		if (!r->types[old].reported_twice) {
			diag_warning(loc, "type '%s' is registered twice (first at %s); the "
				     "first registration is kept", name, r->types[old].loc);
			r->problems++;
		}
		r->types[old].reported_twice = true;
		return;
	}
	xgrow(&r->types, &r->cap, r->count + 1, sizeof(*r->types));
	struct type_rec *t = &r->types[r->count];
	memset(t, 0, sizeof(*t));
	t->name = qeval_strdup(ev, name);
	t->parent = parent ? qeval_strdup(ev, parent) : NULL;
	t->loc = qeval_strdup(ev, loc ? loc : "");
	struct qval abstract = value_member(info, "abstract");
	t->abstract = abstract.kind == QV_INT && abstract.i != 0;
	t->class_init = value_member(info, "class_init");
	t->class_base_init = value_member(info, "class_base_init");
	t->class_data = value_member(info, "class_data");
	t->condition = qeval_condition(ev);
	t->parent_index = -1;
	index_type(r, (int)r->count);
	r->count++;
}

static void init_class(struct registry *r, int index);

static int class_type(const struct qval *klass)
{
	struct qval *cell = qv_deref(klass);
	if (!cell || cell->kind != QV_AGG || cell->agg->kind != QAGG_CLASS)
		return -1;
	return cell->agg->type_index;
}

static bool is_ancestor(const struct registry *r, int index, const char *name)
{
	for (int depth = 0; index >= 0 && depth < 256; depth++) {
		if (!strcmp(r->types[index].name, name))
			return true;
		const char *parent = r->types[index].parent;
		index = parent ? find_type(r, parent) : -1;
	}
	return false;
}

static struct qval class_of(struct registry *r, int index)
{
	if (index < 0)
		return qv_int(0);
	init_class(r, index);
	return r->types[index].class_ptr;
}

/* "%s", "%d", "%u", "%x" and "%%", as the registrations use them. */
static struct qval format_string(struct qeval *ev, const struct qval *args, size_t nargs,
				 const char *loc)
{
	if (nargs < 1 || args[0].kind != QV_STR)
		return qv_unknown(ev, loc, "g_strdup_printf with a format that is not known");
	size_t cap = 256, len = 0, next = 1;
	char *out = xmalloc(cap);
	struct qval result = qv_int(0);
	for (const char *f = args[0].s; *f; f++) {
		char piece[64];
		const char *add = piece;
		piece[0] = 0;
		if (*f != '%') {
			piece[0] = *f;
			piece[1] = 0;
		} else {
			f++;
			while (*f == 'l' || *f == 'z' || *f == 'h')
				f++;
			if (*f == '%') {
				add = "%";
			} else if (next >= nargs) {
				result = qv_unknown(ev, loc, "g_strdup_printf with too few arguments");
				break;
			} else {
				const struct qval *a = &args[next++];
				if (*f == 's' && a->kind == QV_STR) {
					add = a->s;
				} else if ((*f == 'd' || *f == 'i') && a->kind == QV_INT) {
					snprintf(piece, sizeof piece, "%lld", (long long)a->i);
				} else if (*f == 'u' && a->kind == QV_INT) {
					snprintf(piece, sizeof piece, "%llu", (unsigned long long)a->i);
				} else if (*f == 'x' && a->kind == QV_INT) {
					snprintf(piece, sizeof piece, "%llx", (unsigned long long)a->i);
				} else {
					result = a->kind == QV_UNKNOWN ? *a
						: qv_unknown(ev, loc, "g_strdup_printf conversion "
							     "%%%c of a value that is not known", *f);
					break;
				}
			}
		}
		size_t n = strlen(add);
		if (len + n + 1 > cap) {
			cap = (len + n + 1) * 2;
			out = xrealloc(out, cap);
		}
		memcpy(out + len, add, n);
		len += n;
	}
	if (result.kind != QV_UNKNOWN) {
		out[len] = 0;
		result.kind = QV_STR;
		result.s = qeval_strdup(ev, out);
	}
	free(out);
	return result;
}

static struct qval concat_strings(struct qeval *ev, const struct qval *args, size_t nargs,
				  const char *loc)
{
	size_t len = 0, i;
	for (i = 0; i < nargs && !(args[i].kind == QV_INT && args[i].i == 0); i++) {
		if (args[i].kind != QV_STR)
			return args[i].kind == QV_UNKNOWN ? args[i]
				: qv_unknown(ev, loc, "g_strconcat of a value that is not a string");
		len += strlen(args[i].s);
	}
	if (i == nargs)
		return qv_unknown(ev, loc, "g_strconcat without its NULL terminator");
	char *s = qeval_alloc(ev, len + 1);
	for (size_t k = 0; k < i; k++)
		strcat(s, args[k].s);
	struct qval v = { .kind = QV_STR, .s = s };
	return v;
}

static bool builtin(struct qeval *ev, const char *name, const struct qval *args,
		    size_t nargs, const char *loc, struct qval *result)
{
	struct registry *r = qeval_user(ev);
	*result = qv_int(0);
	if (!name)
		return false;
	if (!strcmp(name, "type_register") || !strcmp(name, "type_register_static")
	    || !strcmp(name, "type_register_internal")) {
		if (nargs >= 1)
			register_info(r, qv_deref(&args[0]), loc);
		*result = qv_int(1);
		return true;
	}
	if (!strcmp(name, "type_register_static_array")) {
		if (nargs < 2 || args[0].kind != QV_PTR || args[1].kind != QV_INT) {
			diag_warning(loc, "type_register_static_array with arguments that cannot "
				     "be evaluated");
			r->problems++;
			return true;
		}
		for (int64_t k = 0; k < args[1].i; k++) {
			struct qval p = args[0];
			p.p.idx += (size_t)k;
			register_info(r, qv_deref(&p), loc);
		}
		return true;
	}
	if (!strcmp(name, "object_class_dynamic_cast_assert")) {
		*result = nargs ? args[0] : qv_int(0);
		return true;
	}
	if (!strcmp(name, "object_class_dynamic_cast")) {
		int t = nargs >= 2 ? class_type(&args[0]) : -1;
		if (t < 0 || args[1].kind != QV_STR)
			*result = qv_unknown(ev, loc, "object_class_dynamic_cast that cannot be "
					     "evaluated");
		else
			*result = is_ancestor(r, t, args[1].s) ? args[0] : qv_int(0);
		return true;
	}
	if (!strcmp(name, "object_class_by_name")) {
		if (nargs < 1 || args[0].kind != QV_STR)
			*result = qv_unknown(ev, loc, "object_class_by_name of a name not known");
		else
			*result = class_of(r, find_type(r, args[0].s));
		return true;
	}
	if (!strcmp(name, "object_class_get_parent")) {
		int t = nargs ? class_type(&args[0]) : -1;
		if (t < 0)
			*result = qv_unknown(ev, loc, "object_class_get_parent of an unknown class");
		else
			*result = class_of(r, r->types[t].parent_index);
		return true;
	}
	if (!strcmp(name, "object_class_get_name")) {
		int t = nargs ? class_type(&args[0]) : -1;
		if (t < 0) {
			*result = qv_unknown(ev, loc, "object_class_get_name of an unknown class");
		} else {
			result->kind = QV_STR;
			result->s = r->types[t].name;
		}
		return true;
	}
	if (!strcmp(name, "g_strdup")) {
		*result = nargs ? args[0] : qv_int(0);
		return true;
	}
	if (!strcmp(name, "g_strdup_printf")) {
		*result = format_string(ev, args, nargs, loc);
		return true;
	}
	if (!strcmp(name, "g_strconcat")) {
		*result = concat_strings(ev, args, nargs, loc);
		return true;
	}
	if (!strcmp(name, "g_free") || !strcmp(name, "free"))
		return true;
	if (!strcmp(name, "strcmp") || !strcmp(name, "g_str_equal")) {
		if (nargs < 2 || args[0].kind != QV_STR || args[1].kind != QV_STR) {
			*result = qv_unknown(ev, loc, "%s of values that are not known strings",
					     name);
		} else {
			int c = strcmp(args[0].s, args[1].s);
			*result = qv_int(name[0] == 's' ? (c > 0) - (c < 0) : c == 0);
		}
		return true;
	}
	return false;
}

static enum qeval_builtin_kind builtin_kind(const char *name)
{
	static const char *const registering[] = {
		"type_register", "type_register_static", "type_register_internal",
		"type_register_static_array",
	};
	static const char *const others[] = {
		"object_class_dynamic_cast_assert", "object_class_dynamic_cast",
		"object_class_by_name", "object_class_get_parent", "object_class_get_name",
		"g_strdup", "g_strdup_printf", "g_strconcat", "g_free", "free", "strcmp",
		"g_str_equal",
	};
	for (size_t i = 0; i < sizeof registering / sizeof *registering; i++)
		if (!strcmp(name, registering[i]))
			return QEVAL_BUILTIN_REGISTERS;
	for (size_t i = 0; i < sizeof others / sizeof *others; i++)
		if (!strcmp(name, others[i]))
			return QEVAL_BUILTIN;
	return QEVAL_NOT_BUILTIN;
}

static void call_class_hook(struct registry *r, struct qval fn, struct qval klass,
			    struct qval data, const char *loc)
{
	if (fn.kind == QV_INT && fn.i == 0)
		return;
	struct qeval *ev = r->ev;
	struct qagg *cls = qv_deref(&klass)->agg;
	if (fn.kind != QV_SYM || !fn.sym.def || fn.sym.def->kind != VX_DEF_FUNCTION) {
		const char *why = qeval_printf(ev, "class_init %s is not recorded",
					       fn.kind == QV_SYM ? fn.sym.name : "(not a function)");
		qagg_state_unknown(ev, cls, loc, why);
		qagg_creatable_unknown(ev, cls, loc, why);
		return;
	}
	struct qagg *saved = qeval_class(ev);
	qeval_set_class(ev, cls);
	struct qval args[2] = { klass, data };
	qeval_call_def(ev, fn.sym.def, args, 2, loc);
	qeval_set_class(ev, saved);
}

static void init_class(struct registry *r, int index)
{
	struct qeval *ev = r->ev;
	struct type_rec *t = &r->types[index];
	if (t->state == 2)
		return;
	if (t->state == 1) {
		diag_warning(t->loc, "type '%s' is its own ancestor", t->name);
		r->problems++;
		t->class_ptr = qeval_new_object(ev, (struct qval){ .kind = QV_AGG,
						.agg = qagg_new(ev, QAGG_CLASS) });
		t->state = 2;
		return;
	}
	t->state = 1;
	struct qagg *cls = NULL;
	if (t->parent) {
		t->parent_index = find_type(r, t->parent);
		if (t->parent_index < 0) {
			diag_warning(t->loc, "type '%s' has parent '%s', which is never "
				     "registered", t->name, t->parent);
			r->problems++;
		} else {
			init_class(r, t->parent_index);
			t = &r->types[index];
			struct qval *pcell = qv_deref(&r->types[t->parent_index].class_ptr);
			cls = qagg_copy(ev, pcell->agg);
		}
	}
	if (!cls)
		cls = qagg_new(ev, QAGG_CLASS);
	cls->type_index = index;
	struct qval v = { .kind = QV_AGG, .agg = cls };
	t->class_ptr = qeval_new_object(ev, v);
	/* Hooks may register types (and move r->types): index, never T, from here. */
	for (int a = t->parent_index, depth = 0; a >= 0 && depth < 256; depth++) {
		struct type_rec *self = &r->types[index];
		call_class_hook(r, r->types[a].class_base_init, self->class_ptr,
				self->class_data, self->loc);
		a = r->types[a].parent_index;
	}
	call_class_hook(r, r->types[index].class_init, r->types[index].class_ptr,
			r->types[index].class_data, r->types[index].loc);
	r->types[index].state = 2;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void run_registrations(struct registry *r, const struct vx_program *prog)
{
	for (size_t u = 0; u < vx_unit_count(prog); u++) {
		const struct vx_unit *unit = vx_unit_at(prog, u);
		json_t *regs = json_object_get(json_object_get(unit->fragment, "qom"),
					       "registrations");
		size_t i;
		json_t *reg;
		json_array_foreach(regs, i, reg) {
			const char *fn = json_string_value(json_object_get(reg, "function"));
			const char *loc = json_string_value(json_object_get(reg, "loc"));
			const char *why = NULL, *where = NULL;
			if (!fn)
				continue;
			if (!qeval_run(r->ev, unit, fn, &why, &where)) {
				diag_warning(where && *where ? where : loc,
					     "QOM registration function %s could not be evaluated "
					     "to its end, so types may be missing: %s", fn, why);
				r->problems++;
			}
		}
	}
}

/* A description pointer V read from a class: the description, or why it is unknown
 * (*WHY, *WHERE defaulting to the type's registration).  NULL for a null pointer. */
static const struct vx_def *vmsd_value(struct registry *r, const struct type_rec *t,
				       const struct qval *v, const char *what,
				       const char **why, const char **where)
{
	*why = NULL;
	*where = t->loc;
	if (!v || (v->kind == QV_INT && v->i == 0))
		return NULL;
	if (v->kind == QV_SYM && v->sym.def && v->sym.def->kind == VX_DEF_VMSTATE)
		return v->sym.def;
	if (v->kind == QV_UNKNOWN) {
		*why = v->u.why;
		if (v->u.loc && *v->u.loc)
			*where = v->u.loc;
	} else if (v->kind == QV_SYM) {
		*why = qeval_printf(r->ev, "its %s %s is not a recorded VMStateDescription",
				    what, v->sym.name);
	} else {
		*why = qeval_printf(r->ev, "its %s is not the address of a VMStateDescription",
				    what);
	}
	return NULL;
}

static struct qval *class_member(struct type_rec *t, const char *key)
{
	struct qval *cls = qv_deref(&t->class_ptr);

	return cls && cls->kind == QV_AGG ? qagg_find(cls->agg, key) : NULL;
}

/* The final vmsd of a class, or why it is unknown. */
static void read_vmsd(struct registry *r, struct type_rec *t, struct qom_type *out)
{
	const char *why, *where;

	out->vmsd = vmsd_value(r, t, class_member(t, QOM_VMSD_KEY), "vmsd", &why, &where);
	if (why) {
		out->unknown = xstrdup(why);
		out->unknown_loc = xstrdup(where);
	}
}

/* DeviceClass.user_creatable after class initialization: set by device_class_init
 * (true) and overridden by sys-bus-device and many devices (false). */
static void read_user_creatable(struct registry *r, struct type_rec *t, struct qom_type *out)
{
	const struct qval *v = class_member(t, QOM_USER_CREATABLE_KEY);

	if (v && v->kind == QV_INT) {
		out->user_creatable = v->i ? QOM_CREATABLE_YES : QOM_CREATABLE_NO;
		return;
	}
	out->user_creatable = QOM_CREATABLE_UNKNOWN;
	out->creatable_unknown = xstrdup(!v ? "no class_init of its chain sets user_creatable"
					 : v->kind == QV_UNKNOWN ? v->u.why
					 : "user_creatable is not a number");
	out->creatable_unknown_loc = xstrdup(v && v->kind == QV_UNKNOWN && v->u.loc && *v->u.loc
					     ? v->u.loc : t->loc);
	(void)r;
}

/* A CPU class's legacy description: cc->sysemu_ops->legacy_vmsd, else cc->vmsd. */
static void read_cpu_vmsd(struct registry *r, struct type_rec *t, struct qom_type *out)
{
	struct qval *ops = class_member(t, QOM_SYSEMU_OPS_KEY), *target, *legacy = NULL;
	const char *why = NULL, *where = t->loc;

	out->cpu_via = "legacy_vmsd";
	if (ops && ops->kind == QV_PTR) {
		target = qv_deref(ops);
		if (target && target->kind == QV_AGG && target->agg->kind == QAGG_STRUCT)
			legacy = qagg_find(target->agg, "legacy_vmsd");
		else if (!target || target->kind != QV_INT || target->i != 0)
			why = "its sysemu_ops does not point to a SysemuCPUOps";
		out->cpu_vmsd = why ? NULL : vmsd_value(r, t, legacy, "legacy_vmsd", &why,
							 &where);
	} else if (ops && ops->kind == QV_SYM) {
		why = qeval_printf(r->ev, "its sysemu_ops %s is not recorded data",
				   ops->sym.name);
	} else if (ops && !(ops->kind == QV_INT && ops->i == 0)) {
		out->cpu_vmsd = vmsd_value(r, t, ops, "sysemu_ops", &why, &where);
	}
	if (!out->cpu_vmsd && !why) {
		out->cpu_via = "vmsd";
		out->cpu_vmsd = vmsd_value(r, t, class_member(t, QOM_CPU_VMSD_KEY), "vmsd",
					   &why, &where);
	}
	if (why) {
		out->cpu_unknown = xstrdup(why);
		out->cpu_unknown_loc = xstrdup(where);
	}
}

/* Every state member's final value: a general fact that the sections' readers
 * (extended.c: VirtioDeviceClass.vmsd, .save, .load) pick from. */
static void read_members(struct registry *r, struct type_rec *t, struct qom_type *out)
{
	out->member_count = QOM_STATE_KEY_COUNT;
	out->members = xcalloc(QOM_STATE_KEY_COUNT, sizeof(*out->members));
	for (size_t i = 0; i < QOM_STATE_KEY_COUNT; i++) {
		struct qom_member *m = &out->members[i];
		struct qval *v = class_member(t, qom_state_keys[i]);
		const char *why, *where;

		m->key = qom_state_keys[i];
		if (v && v->kind == QV_SYM && !(v->sym.def && v->sym.def->kind == VX_DEF_VMSTATE)) {
			m->symbol = xstrdup(v->sym.name);
			continue;
		}
		m->vmsd = vmsd_value(r, t, v, qom_state_keys[i], &why, &where);
		if (why) {
			m->unknown = xstrdup(why);
			m->unknown_loc = xstrdup(where);
		}
	}
}

const struct qom_member *qom_type_member(const struct qom_type *t, const char *key)
{
	for (size_t i = 0; i < t->member_count; i++)
		if (!strcmp(t->members[i].key, key))
			return &t->members[i];
	return NULL;
}

int qom_evaluate(const struct vx_program *prog, struct qom_types *out, unsigned *problems)
{
	struct registry r = { 0 };
	r.ev = qeval_new(prog, builtin, builtin_kind, &r);
	run_registrations(&r, prog);
	for (size_t i = 0; i < r.count; i++)
		init_class(&r, (int)i);

	out->count = r.count;
	out->types = xcalloc(r.count ? r.count : 1, sizeof(*out->types));
	for (size_t i = 0; i < r.count; i++) {
		struct type_rec *t = &r.types[i];
		struct qom_type *o = &out->types[i];
		o->name = xstrdup(t->name);
		o->parent = dup_or_null(t->parent);
		o->loc = xstrdup(t->loc);
		o->abstract = t->abstract;
		o->is_device = is_ancestor(&r, (int)i, "device");
		o->is_cpu = is_ancestor(&r, (int)i, "cpu");
		read_vmsd(&r, t, o);
		if (o->is_device)
			read_user_creatable(&r, t, o);
		read_members(&r, t, o);
		if (o->is_cpu)
			read_cpu_vmsd(&r, t, o);
		if (o->is_device && o->vmsd && !o->unknown && t->condition) {
			o->unknown = xasprintf("it is registered only if an early return is not "
					       "taken: %s", t->condition);
			o->unknown_loc = xstrdup(t->loc);
		}
		if (o->is_device && o->unknown) {
			diag_warning(o->unknown_loc, "vmsd of type \"%s\" is unknown: %s",
				     o->name, o->unknown);
			r.problems++;
		}
	}
	*problems = r.problems;
	qeval_free(r.ev);
	free(r.types);
	free(r.slots);
	free(r.bad_info_locs);
	return 0;
}

void qom_types_free(struct qom_types *types)
{
	if (!types)
		return;
	for (size_t i = 0; i < types->count; i++) {
		struct qom_type *t = &types->types[i];
		free((char *)t->name);
		free((char *)t->parent);
		free((char *)t->loc);
		free((char *)t->unknown);
		free((char *)t->unknown_loc);
		free((char *)t->cpu_unknown);
		free((char *)t->cpu_unknown_loc);
		free((char *)t->creatable_unknown);
		free((char *)t->creatable_unknown_loc);
		for (size_t k = 0; k < t->member_count; k++) {
			free((char *)t->members[k].symbol);
			free((char *)t->members[k].unknown);
			free((char *)t->members[k].unknown_loc);
		}
		free(t->members);
	}
	free(types->types);
	types->types = NULL;
	types->count = 0;
}
