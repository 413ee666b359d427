/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The linked program: units in input order, and one symbol table that resolves a
 * reference the way the linker does (the unit's own static first, then the global). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../common/diag.h"
#include "fragment.h"
#include "input_names.h"
#include "link.h"
#include "../common/alloc.h"

/* A definition, chained with the other definitions of its symbol in input order. */
struct def_node {
	struct vx_def def;
	struct def_node *next;
};

struct symbol_entry {
	const char *symbol;       /* NULL: free slot */
	uint32_t hash;
	struct def_node *first, *last;
	const struct def_node *global;   /* the first global definition */
};

struct unit_node {
	struct vx_unit unit;
	struct def_node *defs;
	size_t def_count;
	uint32_t id_hash;
};

struct vx_program {
	struct unit_node **units;
	size_t unit_count, unit_cap;
	struct input_names inputs;
	struct symbol_entry *table;
	size_t table_size;         /* a power of two */
	size_t symbol_count;
	/* Unit ids, for dropping a fragment read twice. */
	struct unit_node **ids;
	size_t ids_size;
	unsigned add_problems;
};

static uint32_t hash_string(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

struct vx_program *vx_program_new(void)
{
	struct vx_program *prog = xcalloc(1, sizeof(*prog));

	prog->ids_size = 1024;
	prog->ids = xcalloc(prog->ids_size, sizeof(*prog->ids));
	return prog;
}

size_t vx_unit_count(const struct vx_program *prog)
{
	return prog->unit_count;
}

const struct vx_unit *vx_unit_at(const struct vx_program *prog, size_t i)
{
	return i < prog->unit_count ? &prog->units[i]->unit : NULL;
}

static void grow_ids(struct vx_program *prog)
{
	size_t old_size = prog->ids_size, i, j;
	struct unit_node **old = prog->ids;

	prog->ids_size *= 2;
	prog->ids = xcalloc(prog->ids_size, sizeof(*prog->ids));
	for (i = 0; i < old_size; i++) {
		if (!old[i])
			continue;
		for (j = old[i]->id_hash & (prog->ids_size - 1); prog->ids[j];
		     j = (j + 1) & (prog->ids_size - 1))
			;
		prog->ids[j] = old[i];
	}
	free(old);
}

/* Finds a unit with the same id: NULL, or the slot's occupant. Returns the free slot
 * through *SLOT when there is none. */
static struct unit_node *find_id(struct vx_program *prog, const char *id, uint32_t h,
				 size_t *slot)
{
	size_t i;

	for (i = h & (prog->ids_size - 1); prog->ids[i]; i = (i + 1) & (prog->ids_size - 1))
		if (prog->ids[i]->id_hash == h && !strcmp(prog->ids[i]->unit.id, id))
			return prog->ids[i];
	*slot = i;
	return NULL;
}

const struct vx_unit *vx_program_add(struct vx_program *prog, const char *input,
				     json_t *fragment)
{
	json_t *unit_json = json_object_get(fragment, "unit");
	const char *id = fragment_string(unit_json, "id");
	uint32_t h = hash_string(id);
	struct unit_node *node, *same;
	size_t slot = 0;

	if (prog->unit_count * 2 >= prog->ids_size)
		grow_ids(prog);
	same = find_id(prog, id, h, &slot);
	if (same) {
		if (json_equal(same->unit.fragment, fragment)) {
			json_decref(fragment);
			return NULL;
		}
		diag_warning(input, "unit %s (%s) was also read from %s with a different "
			     "fragment; both are kept", id, fragment_string(unit_json, "source"),
			     same->unit.input);
		prog->add_problems++;
	}
	node = xcalloc(1, sizeof(*node));
	node->unit.input = input_names_intern(&prog->inputs, input);
	node->unit.id = id;
	node->unit.source = fragment_string(unit_json, "source");
	node->unit.fragment = fragment;
	node->id_hash = h;
	if (!same)
		prog->ids[slot] = node;
	xgrow(&prog->units, &prog->unit_cap, prog->unit_count + 1, sizeof(*prog->units));
	prog->units[prog->unit_count++] = node;
	return &node->unit;
}

static struct symbol_entry *find_symbol(const struct vx_program *prog, const char *symbol,
					uint32_t h)
{
	size_t mask = prog->table_size - 1, i;

	if (!prog->table_size)
		return NULL;
	for (i = h & mask; prog->table[i].symbol; i = (i + 1) & mask)
		if (prog->table[i].hash == h && !strcmp(prog->table[i].symbol, symbol))
			return &prog->table[i];
	return &prog->table[i];
}

static const char *def_loc(const struct vx_def *def)
{
	const char *loc = fragment_string(def->json, "loc");

	return loc ? loc : def->unit->input;
}

static const char *kind_name(enum vx_def_kind kind)
{
	switch (kind) {
	case VX_DEF_VMSTATE: return "VMStateDescription";
	case VX_DEF_INFO: return "VMStateInfo";
	case VX_DEF_FUNCTION: return "function";
	case VX_DEF_DATA: return "variable";
	}
	return "definition";
}

/* One source file compiled into two libraries (QEMU 7.2 builds migration/vmstate-types.c
 * for two of them) gives the same definition twice: the linker takes one member, and
 * the program cannot tell them apart, so that is not a conflict. */
static bool same_unit_twice(const struct vx_def *a, const struct vx_def *b)
{
	const char *sa = a->unit->source, *sb = b->unit->source;

	return sa && sb && strcmp(sa, sb) == 0 && json_equal(a->json, b->json);
}

/* A VMStateDescription defined with no initializer, all zeros: QEMU's stubs
 * (hw/acpi/acpi-cpu-hotplug-stub.c) define one in a library for the emulators that do
 * not link the real one.  Where both are listed, the linker took the real one and
 * never pulled the stub. */
static bool empty_vmstate(const struct vx_def *d)
{
	return d->kind == VX_DEF_VMSTATE && json_is_null(json_object_get(d->json, "name")) &&
	       json_is_null(json_object_get(d->json, "fields"));
}

/* Adds NODE to its symbol's chain; reports a second global definition. */
static unsigned index_def(struct vx_program *prog, struct def_node *node)
{
	uint32_t h = hash_string(node->def.symbol);
	struct symbol_entry *e = find_symbol(prog, node->def.symbol, h);
	const struct def_node *other;
	unsigned problems = 0;

	if (!e->symbol) {
		e->symbol = node->def.symbol;
		e->hash = h;
		prog->symbol_count++;
	}
	/* One variable recorded under two kinds in its unit is one definition. */
	for (other = e->first; other; other = other->next) {
		if (other->def.unit != node->def.unit || other->def.global != node->def.global)
			continue;
		if (other->def.kind == node->def.kind) {
			diag_warning(def_loc(&node->def), "%s '%s' is listed twice in unit %s "
				     "(in %s)", kind_name(node->def.kind), node->def.symbol,
				     node->def.unit->source, node->def.unit->input);
			problems++;
			break;
		}
	}
	if (node->def.global) {
		if (!e->global) {
			e->global = node;
		} else if (empty_vmstate(&node->def) && !empty_vmstate(&e->global->def)) {
			/* the stub: the linker never pulls it */
		} else if (empty_vmstate(&e->global->def) && !empty_vmstate(&node->def)) {
			e->global = node;
		} else if (e->global->def.unit != node->def.unit &&
			   !same_unit_twice(&e->global->def, &node->def)) {
			diag_warning(def_loc(&node->def), "global symbol '%s' is defined twice "
				     "(in %s)", node->def.symbol, node->def.unit->input);
			diag_note(def_loc(&e->global->def), "the definition that is used "
				  "(in %s)", e->global->def.unit->input);
			problems++;
		}
	}
	if (e->last)
		e->last->next = node;
	else
		e->first = node;
	e->last = node;
	return problems;
}

static size_t count_list(const json_t *list)
{
	return json_is_array(list) ? json_array_size(list) : 0;
}

static void collect_defs(struct unit_node *u, const json_t *list, enum vx_def_kind kind)
{
	size_t i;
	json_t *v;

	if (!json_is_array(list))
		return;
	json_array_foreach(list, i, v) {
		struct def_node *node = &u->defs[u->def_count++];

		node->def.unit = &u->unit;
		node->def.kind = kind;
		node->def.symbol = fragment_string(v, "symbol");
		node->def.global = !strcmp(fragment_string(v, "linkage"), "global");
		node->def.json = v;
	}
}

unsigned vx_program_link(struct vx_program *prog)
{
	unsigned problems = prog->add_problems;
	size_t total = 0, i, j;

	for (i = 0; i < prog->unit_count; i++) {
		struct unit_node *u = prog->units[i];
		json_t *frag = u->unit.fragment, *qom = json_object_get(frag, "qom");
		size_t n = count_list(json_object_get(frag, "vmstates")) +
			   count_list(json_object_get(frag, "infos")) +
			   count_list(json_object_get(qom, "functions")) +
			   count_list(json_object_get(qom, "data"));

		u->defs = xcalloc(n, sizeof(*u->defs));
		collect_defs(u, json_object_get(frag, "vmstates"), VX_DEF_VMSTATE);
		collect_defs(u, json_object_get(frag, "infos"), VX_DEF_INFO);
		collect_defs(u, json_object_get(qom, "functions"), VX_DEF_FUNCTION);
		collect_defs(u, json_object_get(qom, "data"), VX_DEF_DATA);
		total += u->def_count;
	}
	free(prog->table);
	prog->table_size = 64;
	while (prog->table_size < total * 2)
		prog->table_size *= 2;
	prog->table = xcalloc(prog->table_size, sizeof(*prog->table));
	prog->symbol_count = 0;
	for (i = 0; i < prog->unit_count; i++)
		for (j = 0; j < prog->units[i]->def_count; j++)
			problems += index_def(prog, &prog->units[i]->defs[j]);
	return problems;
}

/* The best definition among those of UNIT in E's chain: KIND when it is not negative,
 * else the lowest kind. */
static const struct vx_def *pick(const struct symbol_entry *e, const struct vx_unit *unit,
				 bool global, int kind)
{
	const struct vx_def *best = NULL;
	const struct def_node *n;

	for (n = e->first; n; n = n->next) {
		if (n->def.unit != unit || n->def.global != global)
			continue;
		if (kind >= 0 ? (int)n->def.kind == kind : (!best || n->def.kind < best->kind))
			best = &n->def;
		if (kind >= 0 && best)
			break;
	}
	return best;
}

static const struct vx_def *resolve(const struct vx_program *prog,
				    const struct vx_unit *from, const char *symbol, int kind)
{
	const struct symbol_entry *e;
	const struct def_node *n;

	if (!symbol)
		return NULL;
	e = find_symbol(prog, symbol, hash_string(symbol));
	if (!e || !e->symbol)
		return NULL;
	if (from) {
		for (n = e->first; n; n = n->next)
			if (n->def.unit == from && !n->def.global)
				return pick(e, from, false, kind);
	}
	if (!e->global)
		return NULL;
	return pick(e, e->global->def.unit, true, kind);
}

const struct vx_def *vx_lookup(const struct vx_program *prog,
			       const struct vx_unit *from, const char *symbol)
{
	return resolve(prog, from, symbol, -1);
}

const struct vx_def *vx_lookup_kind(const struct vx_program *prog,
				    const struct vx_unit *from, const char *symbol,
				    enum vx_def_kind kind)
{
	return resolve(prog, from, symbol, (int)kind);
}

void vx_program_free(struct vx_program *prog)
{
	size_t i;

	if (!prog)
		return;
	for (i = 0; i < prog->unit_count; i++) {
		json_decref(prog->units[i]->unit.fragment);
		free(prog->units[i]->defs);
		free(prog->units[i]);
	}
	input_names_free(&prog->inputs);
	free(prog->units);
	free(prog->table);
	free(prog->ids);
	free(prog);
}
