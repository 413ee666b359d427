/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The extended dump writer.  Sections come from three places: QOM device classes'
 * dc->vmsd (as the legacy dump selects them), CPU classes' legacy description (qom.h)
 * and the fragments' "registers".  Descriptions reachable from a section are written
 * once each under an ID unique in the program; what could not be evaluated is an
 * UNKNOWN in place, with a "context", and listed again at the top level. */
#include <stdlib.h>
#include <string.h>
#include "extended.h"
#include "fragment.h"
#include "../common/alloc.h"
#include "../common/strbuf.h"

struct section {
	const struct vx_def *def;
	json_t *registrations;   /* array */
	size_t order;            /* of the first registration */
};

struct extended {
	const struct vx_program *prog;
	json_t *descriptions;    /* ID -> DESC, in the order they were reached */
	json_t *unknowns;        /* array */
	struct section *sections;
	size_t section_count, section_cap, registration_count;
	const struct vx_def **queue;   /* descriptions referenced, not yet written */
	size_t queue_count, queue_cap;
	const struct qom_type **types; /* by name, each name once (distinct_types) */
	size_t type_count;
};

/* SYMBOL for a global definition, SYMBOL@UNIT for a static one. */
static char *description_id(const struct vx_def *def)
{
	if (def->global)
		return xstrdup(def->symbol);
	return xasprintf("%s@%s", def->symbol, def->unit->id);
}

/* An UNKNOWN with its context, in place; a copy goes to the top-level list. */
static json_t *unknown(struct extended *x, const char *why, const char *loc,
		       const char *context)
{
	json_t *u = json_pack("{s:s, s:s, s:s}", "unknown", why ? why : "?", "loc",
			      loc ? loc : "", "context", context);

	json_array_append_new(x->unknowns, json_deep_copy(u));
	return u;
}

/* The fragment's UNKNOWN V, with CONTEXT. */
static json_t *copy_unknown(struct extended *x, const json_t *v, const char *context)
{
	return unknown(x, fragment_string(v, "unknown"), fragment_string(v, "loc"), context);
}

/* V as it is (a new reference), or its UNKNOWN with CONTEXT; NULL stays NULL. */
static json_t *value(struct extended *x, const json_t *v, const char *context)
{
	if (!v)
		return NULL;
	if (fragment_is_unknown(v))
		return copy_unknown(x, v, context);
	return json_deep_copy(v);
}

/* A FUNC member of OBJ (KEY, the C member MEMBER): symbol and place, null, or unknown
 * (also when a plugin older than the key did not record it). */
static json_t *function(struct extended *x, const json_t *obj, const char *key,
			const char *member, const char *loc, const char *context)
{
	const json_t *v = json_object_get(obj, key);
	json_t *u;
	char *why;

	if (!v) {
		why = xasprintf("%s is not recorded (a fragment from an older plugin)", member);
		u = unknown(x, why, loc, context);
		free(why);
		return u;
	}
	if (json_is_object(v) && !fragment_is_unknown(v))
		return json_pack("{s:O?, s:O?}", "symbol", json_object_get(v, "symbol"),
				 "loc", json_object_get(v, "loc"));
	return value(x, v, context);
}

static void enqueue(struct extended *x, const struct vx_def *def)
{
	xgrow(&x->queue, &x->queue_cap, x->queue_count + 1, sizeof(*x->queue));
	x->queue[x->queue_count++] = def;
}

/* A reference to a description: its ID (queued to be written), or an UNKNOWN. */
static json_t *description_ref(struct extended *x, const struct vx_unit *unit,
			       const json_t *ref, const char *loc, const char *context)
{
	const struct vx_def *def;
	json_t *result;
	char *why;

	if (!ref || json_is_null(ref))
		return json_null();
	if (!json_is_string(ref))
		return value(x, ref, context);
	def = vx_lookup_kind(x->prog, unit, json_string_value(ref), VX_DEF_VMSTATE);
	if (!def) {
		why = xasprintf("%s is not a VMStateDescription of any input",
				json_string_value(ref));
		result = unknown(x, why, loc, context);
		free(why);
		return result;
	}
	enqueue(x, def);
	why = description_id(def);
	result = json_string(why);
	free(why);
	return result;
}

/* The .name of a field's VMStateInfo (what encodes it on the wire). */
static json_t *info_name(struct extended *x, const struct vx_unit *unit, const json_t *ref,
			 const char *loc, const char *context)
{
	const struct vx_def *def;
	json_t *result;
	char *why;

	if (!ref || !json_is_string(ref))
		return ref ? value(x, ref, context) : json_null();
	def = vx_lookup_kind(x->prog, unit, json_string_value(ref), VX_DEF_INFO);
	if (!def) {
		why = xasprintf("VMStateInfo '%s' is not defined in any input",
				json_string_value(ref));
		result = unknown(x, why, loc, context);
		free(why);
		return result;
	}
	return value(x, json_object_get(def->json, "name"), context);
}

static bool has_flag_prefix(const json_t *flags, const char *prefix)
{
	size_t i;
	json_t *f;

	json_array_foreach(flags, i, f)
		if (json_is_string(f) && !strncmp(json_string_value(f), prefix, strlen(prefix)))
			return true;
	return false;
}

/* The count member of a VMS_VARRAY_* field; other fields need none. */
static json_t *num_field(struct extended *x, const json_t *field, const char *loc,
			 const char *context)
{
	const json_t *v = json_object_get(field, "num_field");

	if (v)
		return value(x, v, context);
	if (!has_flag_prefix(json_object_get(field, "flags"), "VMS_VARRAY"))
		return json_null();
	return unknown(x, "the member holding the count is not recorded (a fragment from an "
		       "older plugin)", loc, context);
}

/* .field_exists: the recorded function, or none when the fragment says there is none. */
static json_t *field_exists(struct extended *x, const json_t *field, const char *loc,
			    const char *context)
{
	if (!json_object_get(field, "exists") &&
	    json_is_false(json_object_get(field, "field_exists")))
		return json_null();
	return function(x, field, "exists", ".field_exists", loc, context);
}

static json_t *int_or_zero(struct extended *x, const json_t *obj, const char *key,
			   const char *context)
{
	const json_t *v = json_object_get(obj, key);

	return v ? value(x, v, context) : json_integer(0);
}

/* ---- The VMStateInfo "virtio" (VMSTATE_VIRTIO_DEVICE): its hand-written put saves the
 * common virtio state, then the device's by hand (VirtioDeviceClass.save), then the
 * device class's description (VirtioDeviceClass.vmsd), then virtio's own description
 * (vmstate_virtio, a static of the unit that defines the VMStateInfo). ---- */

#define VIRTIO_INFO_NAME "virtio"
#define VIRTIO_COMMON_SYMBOL "vmstate_virtio"

/* The device types whose dc->vmsd is OWNER (the object a virtio field is saved from):
 * the concrete ones, or the abstract ones when none is concrete. */
static size_t owner_types(struct extended *x, const struct vx_def *owner,
			  const struct qom_type **out)
{
	size_t n = 0, i;
	bool concrete = false;

	for (i = 0; i < x->type_count; i++) {
		const struct qom_type *t = x->types[i];

		if (!t->is_device || t->unknown || t->vmsd != owner || (t->abstract && concrete))
			continue;
		if (!t->abstract && !concrete) {
			concrete = true;
			n = 0;
		}
		out[n++] = t;
	}
	return n;
}

/* Member KEY of the classes of TYPES when they all agree, else NULL and *WHY. */
static const struct qom_member *agreed_member(const struct qom_type **types, size_t n,
					      const char *key, char **why)
{
	const struct qom_member *first = qom_type_member(types[0], key), *m;

	*why = NULL;
	for (size_t i = 1; first && i < n; i++) {
		m = qom_type_member(types[i], key);
		if (!m || m->vmsd != first->vmsd || !m->symbol != !first->symbol ||
		    (m->symbol && strcmp(m->symbol, first->symbol)) ||
		    !m->unknown != !first->unknown) {
			*why = xasprintf("device types %s and %s differ in %s", types[0]->name,
					 types[i]->name, key);
			return NULL;
		}
	}
	if (!first)
		*why = xasprintf("%s is not a class member the evaluator follows", key);
	return first;
}

static json_t *description_id_json(struct extended *x, const struct vx_def *def)
{
	char *id = description_id(def);
	json_t *out = json_string(id);

	enqueue(x, def);
	free(id);
	return out;
}

/* "vmsd": the device class's description, null, or an UNKNOWN. */
static json_t *virtio_vmsd(struct extended *x, const struct qom_type **types, size_t n,
			   const char *context)
{
	char *why;
	const struct qom_member *m = agreed_member(types, n, QOM_VIRTIO_VMSD_KEY, &why);
	json_t *out;

	if (m && m->unknown)
		return unknown(x, m->unknown, m->unknown_loc, context);
	if (m && m->symbol)
		why = xasprintf("its %s %s is not a recorded VMStateDescription",
				QOM_VIRTIO_VMSD_KEY, m->symbol);
	if (!why)
		return m->vmsd ? description_id_json(x, m->vmsd) : json_null();
	out = unknown(x, why, types[0]->loc, context);
	free(why);
	return out;
}

/* "by_hand": null, or the UNKNOWN that says which functions write the state. */
static json_t *virtio_by_hand(struct extended *x, const struct qom_type **types, size_t n,
			      const char *context)
{
	char *why[2], *text;
	const struct qom_member *save = agreed_member(types, n, QOM_VIRTIO_SAVE_KEY, &why[0]);
	const struct qom_member *load = agreed_member(types, n, QOM_VIRTIO_LOAD_KEY, &why[1]);
	json_t *out;

	if (why[0] || why[1]) {
		out = unknown(x, why[0] ? why[0] : why[1], types[0]->loc, context);
		free(why[0]);
		free(why[1]);
		return out;
	}
	if (save->unknown || load->unknown)
		return unknown(x, save->unknown ? save->unknown : load->unknown,
			       save->unknown ? save->unknown_loc : load->unknown_loc, context);
	if (!save->symbol && !load->symbol && !save->vmsd && !load->vmsd)
		return json_null();
	text = xasprintf("saved by hand: vdc->save %s, vdc->load %s",
			 save->symbol ? save->symbol : save->vmsd ? save->vmsd->symbol : "NULL",
			 load->symbol ? load->symbol : load->vmsd ? load->vmsd->symbol : "NULL");
	out = unknown(x, text, types[0]->loc, context);
	free(text);
	return out;
}

/* What a field of the VMStateInfo INFO ("virtio") of OWNER saves after the common
 * virtio state (docs/extended-dump.md, "virtio"). */
static json_t *virtio_json(struct extended *x, const struct vx_def *owner,
			   const struct vx_def *info, const char *loc, const char *context)
{
	const struct qom_type **types = xcalloc(x->type_count + 1, sizeof(*types));
	size_t n = owner_types(x, owner, types), i;
	const struct vx_def *common = vx_lookup_kind(x->prog, info->unit, VIRTIO_COMMON_SYMBOL,
						     VX_DEF_VMSTATE);
	json_t *out = json_object(), *names = json_array();

	for (i = 0; i < n; i++)
		json_array_append_new(names, json_string(types[i]->name));
	json_object_set_new(out, "types", names);
	if (!n) {
		json_object_set_new(out, "by_hand", unknown(x, "no device class has this "
			"description as its dc->vmsd: the VirtioDeviceClass that saves it is not "
			"known", loc, context));
		json_object_set_new(out, "vmsd", unknown(x, "no device class has this "
			"description as its dc->vmsd: the VirtioDeviceClass that saves it is not "
			"known", loc, context));
	} else {
		json_object_set_new(out, "by_hand", virtio_by_hand(x, types, n, context));
		json_object_set_new(out, "vmsd", virtio_vmsd(x, types, n, context));
	}
	json_object_set_new(out, "common", common ? description_id_json(x, common)
		: unknown(x, VIRTIO_COMMON_SYMBOL " is not a VMStateDescription of the unit "
			  "that defines the VMStateInfo \"" VIRTIO_INFO_NAME "\"", loc, context));
	free(types);
	return out;
}

/* The VMStateInfo a field names, when an input defines it. */
static const struct vx_def *info_def(struct extended *x, const struct vx_unit *unit,
				     const json_t *ref)
{
	return json_is_string(ref)
		? vx_lookup_kind(x->prog, unit, json_string_value(ref), VX_DEF_INFO) : NULL;
}

static json_t *field_json(struct extended *x, const struct vx_def *owner,
			  const json_t *field, const char *id)
{
	const struct vx_def *info = info_def(x, owner->unit, json_object_get(field, "info"));
	const char *info_text = info ? fragment_string(info->json, "name") : NULL;
	const char *loc = fragment_string(field, "loc");
	json_t *out = json_object();

	json_object_set_new(out, "name", value(x, json_object_get(field, "name"), id));
	json_object_set_new(out, "loc", json_string(loc ? loc : ""));
	json_object_set_new(out, "info",
			    info_name(x, owner->unit, json_object_get(field, "info"), loc, id));
	json_object_set_new(out, "flags", value(x, json_object_get(field, "flags"), id));
	json_object_set_new(out, "size", value(x, json_object_get(field, "size"), id));
	json_object_set_new(out, "num", value(x, json_object_get(field, "num"), id));
	json_object_set_new(out, "num_field", num_field(x, field, loc, id));
	json_object_set_new(out, "num_offset", int_or_zero(x, field, "num_offset", id));
	json_object_set_new(out, "version_id",
			    value(x, json_object_get(field, "version_id"), id));
	json_object_set_new(out, "field_exists", field_exists(x, field, loc, id));
	json_object_set_new(out, "vmsd", description_ref(x, owner->unit,
							 json_object_get(field, "vmsd"), loc, id));
	if (info_text && !strcmp(info_text, VIRTIO_INFO_NAME))
		json_object_set_new(out, "virtio", virtio_json(x, owner, info, loc, id));
	return out;
}

/* "fields": null, an UNKNOWN, or the entries up to QEMU's terminator. */
static json_t *fields_json(struct extended *x, const struct vx_def *def, const char *id)
{
	const json_t *fields = json_object_get(def->json, "fields");
	json_t *out, *field;
	size_t i;

	if (!json_is_array(fields))
		return value(x, fields, id);
	out = json_array();
	json_array_foreach(fields, i, field) {
		if (fragment_is_unknown(field)) {
			json_array_append_new(out, copy_unknown(x, field, id));
			continue;
		}
		if (json_is_null(json_object_get(field, "name")))
			break;
		json_array_append_new(out, field_json(x, def, field, id));
	}
	return out;
}

static json_t *subsections_json(struct extended *x, const struct vx_def *def,
				const char *id)
{
	const json_t *subsections = json_object_get(def->json, "subsections");
	const char *loc = fragment_string(def->json, "loc");
	json_t *out, *ref;
	size_t i;

	if (!json_is_array(subsections))
		return value(x, subsections, id);
	out = json_array();
	json_array_foreach(subsections, i, ref)
		json_array_append_new(out, description_ref(x, def->unit, ref, loc, id));
	return out;
}

static json_t *description_json(struct extended *x, const struct vx_def *def,
				const char *id)
{
	const json_t *vmsd = def->json;
	const char *loc = fragment_string(vmsd, "loc");
	json_t *out = json_object();

	json_object_set_new(out, "symbol", json_string(def->symbol));
	json_object_set_new(out, "loc", json_string(loc ? loc : ""));
	const json_t *name = json_object_get(vmsd, "name");
	/* A description defined without a name (a stub's, all zeros) is never registered;
	 * a dump that reaches it says so instead of writing a nameless description. */
	json_object_set_new(out, "name", json_is_null(name)
			    ? unknown(x, "the description has no name (defined without an "
					 "initializer, as a stub)", loc, id)
			    : value(x, name, id));
	json_object_set_new(out, "version_id",
			    value(x, json_object_get(vmsd, "version_id"), id));
	json_object_set_new(out, "minimum_version_id",
			    value(x, json_object_get(vmsd, "minimum_version_id"), id));
	json_object_set_new(out, "needed", function(x, vmsd, "needed", ".needed", loc, id));
	json_object_set_new(out, "fields", fields_json(x, def, id));
	json_object_set_new(out, "subsections", subsections_json(x, def, id));
	return out;
}

/* Adds REGISTRATION (taken) to the section of DEF, made on first use. */
static void add_registration(struct extended *x, const struct vx_def *def,
			     json_t *registration)
{
	struct section *s = NULL;
	size_t i;

	for (i = 0; i < x->section_count; i++)
		if (x->sections[i].def == def)
			s = &x->sections[i];
	if (!s) {
		xgrow(&x->sections, &x->section_cap, x->section_count + 1, sizeof(*x->sections));
		s = &x->sections[x->section_count++];
		s->def = def;
		s->registrations = json_array();
		s->order = x->registration_count;
		enqueue(x, def);
	}
	x->registration_count++;
	json_array_append_new(s->registrations, registration);
}

static int compare_type_names(const void *a, const void *b)
{
	const struct qom_type *x = *(const struct qom_type *const *)a;
	const struct qom_type *y = *(const struct qom_type *const *)b;
	int c = strcmp(x->name, y->name);

	return c ? c : (x < y ? -1 : x > y);
}

/* The types in name order, each name once (the first registered), as the legacy dump
 * takes them. */
static size_t distinct_types(const struct qom_types *types, const struct qom_type **out)
{
	size_t i, n = 0;

	for (i = 0; i < types->count; i++)
		out[i] = &types->types[i];
	qsort(out, types->count, sizeof(*out), compare_type_names);
	for (i = 0; i < types->count; i++)
		if (!n || strcmp(out[n - 1]->name, out[i]->name))
			out[n++] = out[i];
	return n;
}

static void type_unknown(struct extended *x, const struct qom_type *t, const char *why,
			 const char *loc)
{
	char *context = xasprintf("type %s", t->name);

	json_decref(unknown(x, why, loc, context));
	free(context);
}

/* A device class's user_creatable: true, false, or an UNKNOWN saying why. */
static json_t *user_creatable(struct extended *x, const struct qom_type *t)
{
	if (t->user_creatable != QOM_CREATABLE_UNKNOWN)
		return json_boolean(t->user_creatable == QOM_CREATABLE_YES);
	char *context = xasprintf("type %s", t->name);
	json_t *u = unknown(x, t->creatable_unknown, t->creatable_unknown_loc, context);
	free(context);
	return u;
}

/* Device classes' dc->vmsd and CPU classes' legacy description. */
static void add_type_sections(struct extended *x)
{
	for (size_t i = 0; i < x->type_count; i++) {
		const struct qom_type *t = x->types[i];

		if (t->is_device && t->unknown)
			type_unknown(x, t, t->unknown, t->unknown_loc);
		else if (t->is_device && t->vmsd && t->vmsd->kind == VX_DEF_VMSTATE)
			add_registration(x, t->vmsd, json_pack("{s:s, s:s, s:s, s:o}", "kind",
							       "device", "type", t->name, "loc", t->loc,
							       "user_creatable", user_creatable(x, t)));
		/* QEMU registers the CPU's description for each CPU it creates: a concrete
		 * type's. */
		if (!t->is_cpu || t->abstract)
			continue;
		if (t->cpu_unknown)
			type_unknown(x, t, t->cpu_unknown, t->cpu_unknown_loc);
		else if (t->cpu_vmsd)
			add_registration(x, t->cpu_vmsd,
					 json_pack("{s:s, s:s, s:s, s:s}", "kind", "cpu", "type",
						   t->name, "via", t->cpu_via, "loc", t->loc));
	}
}

/* One entry of a fragment's "registers". */
static void add_register(struct extended *x, const struct vx_unit *unit, const json_t *reg)
{
	const char *caller = fragment_string(reg, "caller");
	const char *loc = fragment_string(reg, "loc");
	const json_t *ref = json_object_get(reg, "vmsd");
	const char *context = caller ? caller : "?";
	const struct vx_def *def = NULL;
	char *why;

	if (json_is_string(ref))
		def = vx_lookup_kind(x->prog, unit, json_string_value(ref), VX_DEF_VMSTATE);
	if (!def) {
		if (fragment_is_unknown(ref)) {
			json_decref(copy_unknown(x, ref, context));
			return;
		}
		why = xasprintf("the description registered, %s, is not a VMStateDescription "
				"of any input", json_is_string(ref) ? json_string_value(ref) : "?");
		json_decref(unknown(x, why, loc, context));
		free(why);
		return;
	}
	add_registration(x, def, json_pack("{s:s, s:s?, s:{s:s?, s:s?}, s:s?, s:o?}",
					   "kind", "register",
					   "function", fragment_string(reg, "function"),
					   "caller", "symbol", caller, "loc", loc, "loc", loc,
					   "instance_id",
					   value(x, json_object_get(reg, "instance_id"), context)));
}

static void add_register_sections(struct extended *x)
{
	size_t u, i;
	json_t *reg;

	for (u = 0; u < vx_unit_count(x->prog); u++) {
		const struct vx_unit *unit = vx_unit_at(x->prog, u);

		json_array_foreach(json_object_get(unit->fragment, "registers"), i, reg)
			if (json_is_object(reg))
				add_register(x, unit, reg);
	}
}

/* Writes every queued description not yet written, and those they reach. */
static void write_descriptions(struct extended *x)
{
	while (x->queue_count) {
		const struct vx_def *def = x->queue[--x->queue_count];
		char *id = description_id(def);

		if (!json_object_get(x->descriptions, id))
			json_object_set_new(x->descriptions, id, description_json(x, def, id));
		free(id);
	}
}

static const char *section_name(const struct section *s)
{
	const char *name = fragment_string(s->def->json, "name");

	return name ? name : "";
}

static int compare_sections(const void *a, const void *b)
{
	const struct section *x = a, *y = b;
	int c = strcmp(section_name(x), section_name(y));

	return c ? c : (x->order < y->order ? -1 : x->order > y->order);
}

static json_t *sections_json(struct extended *x)
{
	json_t *out = json_array();
	size_t i;

	if (x->section_count)
		qsort(x->sections, x->section_count, sizeof(*x->sections), compare_sections);
	for (i = 0; i < x->section_count; i++) {
		const struct section *s = &x->sections[i];
		char *id = description_id(s->def);
		json_t *desc = json_object_get(x->descriptions, id);

		json_array_append_new(out, json_pack("{s:O?, s:s, s:o}", "name",
						     json_object_get(desc, "name"),
						     "description", id,
						     "registrations", s->registrations));
		free(id);
	}
	return out;
}

/* The descriptions object with its keys in order, so that the text is stable. */
static json_t *sorted_object(const json_t *obj)
{
	const char **keys = xcalloc(json_object_size(obj) + 1, sizeof(*keys));
	json_t *out = json_object(), *v;
	size_t n = 0, i;
	const char *key;

	json_object_foreach((json_t *)obj, key, v)
		keys[n++] = key;
	qsort(keys, n, sizeof(*keys), str_ptr_cmp);
	for (i = 0; i < n; i++)
		json_object_set(out, keys[i], json_object_get(obj, keys[i]));
	free(keys);
	return out;
}

static int append_text(const char *buffer, size_t size, void *data)
{
	sb_add(data, buffer, size);
	return 0;
}

/* Every device type of the program (abstract ones included, as in the sections'
 * registrations), in name order: a section the other version adds for one of these
 * belongs to a device this version has. */
static json_t *device_names(const struct extended *x)
{
	json_t *names = json_array();

	for (size_t i = 0; i < x->type_count; i++)
		if (x->types[i]->is_device)
			json_array_append_new(names, json_string(x->types[i]->name));
	return names;
}

unsigned extended_write(struct strbuf *out, const struct vx_program *prog,
			const struct qom_types *types, const struct extended_options *opt)
{
	struct extended x = {
		.prog = prog, .descriptions = json_object(), .unknowns = json_array(),
	};
	json_t *root, *sections;
	unsigned count;

	x.types = xcalloc(types->count + 1, sizeof(*x.types));
	x.type_count = distinct_types(types, x.types);
	add_type_sections(&x);
	add_register_sections(&x);
	write_descriptions(&x);
	sections = sections_json(&x);
	root = json_pack("{s:i, s:{s:s, s:s}, s:s, s:o, s:o, s:o, s:O}",
			 "vmstate-extended-dump", EXTENDED_DUMP_VERSION,
			 "producer", "name", "vmstate-extract", "version", opt->producer_version,
			 "program", opt->program, "sections", sections,
			 "descriptions", sorted_object(x.descriptions),
			 "devices", device_names(&x), "unknowns", x.unknowns);
	json_dump_callback(root, append_text, out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
	sb_puts(out, "\n");
	count = (unsigned)json_array_size(x.unknowns);
	json_decref(root);
	json_decref(x.descriptions);
	json_decref(x.unknowns);
	free(x.sections);
	free(x.queue);
	free(x.types);
	return count;
}
