/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The "may it matter" analysis: whether evaluating some IR may store migration state
 * into a class (qom_state_keys), register a type, or call code that might.  The
 * interpreter skips calls and undecidable regions that cannot, and marks the class's
 * state unknown when one that can is passed over. */
#include <string.h>
#include "../common/alloc.h"
#include "qom-internal.h"

int ir_state_key(const struct ir_node *lv)
{
	size_t n, i;

	if (!lv || lv->kind != IR_FIELD)
		return -1;
	n = strlen(lv->struct_name);
	for (i = 0; i < QOM_STATE_KEY_COUNT; i++)
		if (!strncmp(qom_state_keys[i], lv->struct_name, n) &&
		    qom_state_keys[i][n] == '.' && !strcmp(qom_state_keys[i] + n + 1, lv->name))
			return (int)i;
	return -1;
}

bool ir_is_state_store(const struct ir_node *lv)
{
	return ir_state_key(lv) >= 0;
}

static enum qeval_builtin_kind builtin_kind(struct qeval *ev, const char *name)
{
	return ev->builtin_kind ? ev->builtin_kind(name) : QEVAL_NOT_BUILTIN;
}

/* A direct call of SYM from UNIT. */
static bool call_matters(struct qeval *ev, const struct vx_unit *unit, const char *sym)
{
	enum qeval_builtin_kind kind = builtin_kind(ev, sym);
	const struct vx_def *def;

	if (kind != QEVAL_NOT_BUILTIN)
		return kind == QEVAL_BUILTIN_REGISTERS;
	def = vx_lookup(ev->prog, unit, sym);
	return def && def->kind == VX_DEF_FUNCTION && ir_function_matters(ev, def);
}

unsigned ir_expr_keys(struct qeval *ev, const struct vx_unit *unit, const struct ir_node *e)
{
	unsigned keys = 0;
	int key;

	if (!e)
		return 0;
	if (e->kind == IR_ASSIGN && (key = ir_state_key(e->to)) >= 0)
		keys |= 1u << key;
	if (e->kind == IR_CALL) {
		if (!e->fn || e->fn->kind != IR_ADDR)
			return QOM_ALL_STATE_KEYS;   /* through a pointer: anything */
		/* A built-in's recorded body is never run: it decides alone. */
		if (builtin_kind(ev, e->fn->sym) != QEVAL_NOT_BUILTIN) {
			if (builtin_kind(ev, e->fn->sym) == QEVAL_BUILTIN_REGISTERS)
				return QOM_ALL_STATE_KEYS;
		} else if (call_matters(ev, unit, e->fn->sym)) {
			return QOM_ALL_STATE_KEYS;
		}
	}
	for (size_t i = 0; i < e->kid_count && keys != QOM_ALL_STATE_KEYS; i++)
		keys |= ir_expr_keys(ev, unit, e->kids[i]);
	return keys;
}

bool ir_expr_matters(struct qeval *ev, const struct vx_unit *unit, const struct ir_node *e)
{
	return ir_expr_keys(ev, unit, e) != 0;
}

static bool stores_state(const struct ir_node *e)
{
	if (!e)
		return false;
	if (e->kind == IR_ASSIGN && ir_is_state_store(e->to))
		return true;
	for (size_t i = 0; i < e->kid_count; i++)
		if (stores_state(e->kids[i]))
			return true;
	return false;
}

/* The fragment's "writes_vmsd" covers DeviceClass and CPUClass only; the other state
 * members (VirtioDeviceClass.vmsd, ...) are found in the body itself. */
static bool body_stores_state(struct qeval *ev, const struct vx_def *def)
{
	struct ir_function *fn = qeval_function(ev, def);

	for (size_t i = 0; fn && i < fn->count; i++)
		if (stores_state(fn->body[i]))
			return true;
	return false;
}

bool ir_function_matters(struct qeval *ev, const struct vx_def *def)
{
	struct function_state *fn = qeval_function_state(ev, def);
	size_t i;
	json_t *callee;
	bool m;

	if (fn->may_matter == 2)
		return false;    /* a cycle: decided by the other members */
	if (fn->may_matter >= 0)
		return fn->may_matter;
	fn->may_matter = 2;
	m = json_is_true(json_object_get(def->json, "writes_vmsd")) ||
	    json_is_true(json_object_get(def->json, "indirect_calls"));
	json_array_foreach(json_object_get(def->json, "calls"), i, callee) {
		const char *sym = json_string_value(callee);
		const struct vx_def *d;

		if (m)
			break;
		if (!sym)
			continue;
		if (builtin_kind(ev, sym) != QEVAL_NOT_BUILTIN) {
			m = builtin_kind(ev, sym) == QEVAL_BUILTIN_REGISTERS;
			continue;
		}
		d = vx_lookup(ev->prog, def->unit, sym);
		if (d && d->kind == VX_DEF_FUNCTION && d != def && ir_function_matters(ev, d))
			m = true;
	}
	if (!m)
		m = body_stores_state(ev, def);
	fn->may_matter = m;
	return m;
}

/* ---- user_creatable: the same closure over the decoded bodies, since the plugin's
 * "writes_vmsd" says nothing of it ---- */

static bool is_creatable_store(const struct ir_node *lv)
{
	return lv && lv->kind == IR_FIELD && lv->struct_name && lv->name &&
	       !strcmp(lv->struct_name, "DeviceClass") && !strcmp(lv->name, "user_creatable");
}

bool ir_expr_sets_creatable(struct qeval *ev, const struct vx_unit *unit,
			    const struct ir_node *e)
{
	if (!e)
		return false;
	if ((e->kind == IR_ASSIGN || e->kind == IR_INCR) && is_creatable_store(e->to))
		return true;
	if (e->kind == IR_CALL) {
		if (!e->fn || e->fn->kind != IR_ADDR)
			return true;   /* through a pointer: anything */
		if (builtin_kind(ev, e->fn->sym) == QEVAL_NOT_BUILTIN) {
			const struct vx_def *def = vx_lookup(ev->prog, unit, e->fn->sym);
			if (def && def->kind == VX_DEF_FUNCTION && ir_function_sets_creatable(ev, def))
				return true;
		}
	}
	for (size_t i = 0; i < e->kid_count; i++)
		if (ir_expr_sets_creatable(ev, unit, e->kids[i]))
			return true;
	return false;
}

bool ir_function_sets_creatable(struct qeval *ev, const struct vx_def *def)
{
	struct function_state *fn = qeval_function_state(ev, def);
	struct ir_function *body;
	bool m = false;

	if (fn->may_set_creatable == 2)
		return false;    /* a cycle: decided by the other members */
	if (fn->may_set_creatable >= 0)
		return fn->may_set_creatable;
	fn->may_set_creatable = 2;
	body = qeval_function(ev, def);
	for (size_t i = 0; body && i < body->count && !m; i++)
		m = ir_expr_sets_creatable(ev, def->unit, body->body[i]);
	fn->may_set_creatable = m;
	return m;
}
