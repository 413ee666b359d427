/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The dump writer.  Layout facts (key order, two-space indentation, strings printed raw,
 * "num" only for VMS_ARRAY from QEMU 8.1, VMS_MUST_EXIST fields left out, a field list
 * that ends at the first entry without a name) are those of QEMU's -dump-vmstate,
 * as recorded in /work/shared/notes/qemu.md and docs/vmstate-extract.md. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "../common/diag.h"
#include "dump.h"
#include "fragment.h"
#include "../common/alloc.h"

/* A set of pointers: what was already reported. */
struct pointer_set {
	const void **slots;
	size_t size, count;
};

struct writer {
	struct strbuf *out;
	const struct vx_program *prog;
	const struct dump_options *opt;
	const char *section;           /* the type whose section is being written */
	unsigned problems;
	struct pointer_set reported;
	const json_t *active[DUMP_MAX_DEPTH];   /* the descriptions being written */
	int depth;
};

static bool set_insert(struct pointer_set *set, const void *p)
{
	size_t i, mask;

	if (set->count * 2 >= set->size) {
		struct pointer_set bigger = { NULL, set->size ? set->size * 2 : 256, 0 };

		bigger.slots = xcalloc(bigger.size, sizeof(*bigger.slots));
		for (i = 0; i < set->size; i++)
			if (set->slots[i])
				set_insert(&bigger, set->slots[i]);
		free(set->slots);
		*set = bigger;
	}
	mask = set->size - 1;
	for (i = ((uintptr_t)p >> 4) & mask; set->slots[i]; i = (i + 1) & mask)
		if (set->slots[i] == p)
			return false;
	set->slots[i] = p;
	set->count++;
	return true;
}

static bool set_contains(const struct pointer_set *set, const void *p)
{
	size_t i, mask;

	if (!set->size)
		return false;
	mask = set->size - 1;
	for (i = ((uintptr_t)p >> 4) & mask; set->slots[i]; i = (i + 1) & mask)
		if (set->slots[i] == p)
			return true;
	return false;
}

/* Reports an unknown value once: where the plugin met it, and what is written instead. */
static void report_unknown(struct writer *w, const json_t *unknown, const char *symbol,
			   const char *member, const char *written_as)
{
	if (!set_insert(&w->reported, unknown))
		return;
	diag_warning(fragment_string(unknown, "loc"), "section '%s': %s.%s could not be "
		     "evaluated (%s), %s", w->section, symbol, member,
		     fragment_string(unknown, "unknown"), written_as);
	w->problems++;
}

static long long get_int(struct writer *w, const json_t *obj, const char *key,
			 const char *symbol)
{
	const json_t *v = json_object_get(obj, key);

	if (fragment_is_unknown(v)) {
		report_unknown(w, v, symbol, key, "written as 0");
		return 0;
	}
	return json_integer_value(v);
}

static bool has_flag(const json_t *flags, const char *name)
{
	size_t i;
	json_t *v;

	json_array_foreach(flags, i, v)
		if (json_is_string(v) && !strcmp(json_string_value(v), name))
			return true;
	return false;
}

/* The description SYMBOL names, seen from UNIT; NULL after reporting (once per
 * referencing place REF) when there is none. */
static const struct vx_def *resolve_vmsd(struct writer *w, const struct vx_unit *unit,
					 const json_t *ref, const char *loc,
					 const char *written_as)
{
	const char *symbol = json_string_value(ref);
	const struct vx_def *def = vx_lookup_kind(w->prog, unit, symbol, VX_DEF_VMSTATE);
	const struct vx_def *other;

	if (def)
		return def;
	if (!set_insert(&w->reported, ref))
		return NULL;
	other = vx_lookup(w->prog, unit, symbol);
	if (other)
		diag_warning(loc, "section '%s': '%s' is not a recorded VMStateDescription "
			     "(it is defined in %s as another kind of object), %s", w->section,
			     symbol, other->unit->source, written_as);
	else
		diag_warning(loc, "section '%s': '%s' is not defined in any input, %s",
			     w->section, symbol, written_as);
	w->problems++;
	return NULL;
}

static void write_description(struct writer *w, const struct vx_def *def, int indent,
			      bool is_subsection);

static void write_field(struct writer *w, const struct vx_def *owner, const json_t *field,
			const char *name, int indent)
{
	const char *symbol = owner->symbol;
	const json_t *flags = json_object_get(field, "flags");
	const json_t *exists = json_object_get(field, "field_exists");
	const json_t *vmsd_ref = json_object_get(field, "vmsd");
	const struct vx_def *vmsd = NULL;
	long long version_id, num, size;

	version_id = get_int(w, field, "version_id", symbol);
	if (fragment_is_unknown(exists)) {
		report_unknown(w, exists, symbol, "field_exists", "written as false");
		exists = json_false();
	}
	if (fragment_is_unknown(flags)) {
		report_unknown(w, flags, symbol, "flags", "written as no flags");
		flags = NULL;
	}
	size = get_int(w, field, "size", symbol);
	if (fragment_is_unknown(vmsd_ref)) {
		report_unknown(w, vmsd_ref, symbol, "vmsd", "its Description left out");
	} else if (json_is_string(vmsd_ref)) {
		vmsd = resolve_vmsd(w, owner->unit, vmsd_ref, fragment_string(field, "loc"),
				    "its Description left out");
	}

	sb_spaces(w->out, indent);
	sb_puts(w->out, "{\n");
	indent += 2;
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"field\": \"%s\",\n", name);
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"version_id\": %d,\n", (int)version_id);
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"field_exists\": %s,\n", json_is_true(exists) ? "true" : "false");
	if (w->opt->layout == DUMP_LAYOUT_8_1 && has_flag(flags, "VMS_ARRAY")) {
		num = get_int(w, field, "num", symbol);
		sb_spaces(w->out, indent);
		sb_printf(w->out, "\"num\": %d,\n", (int)num);
	}
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"size\": %zu", (size_t)size);
	if (vmsd) {
		sb_puts(w->out, ",\n");
		write_description(w, vmsd, indent, false);
	}
	sb_puts(w->out, "\n");
	sb_spaces(w->out, indent - 2);
	sb_puts(w->out, "}");
}

static void write_fields(struct writer *w, const struct vx_def *def, const json_t *fields,
			 int indent)
{
	bool first = true;
	size_t i;
	json_t *field;

	sb_puts(w->out, ",\n");
	sb_spaces(w->out, indent);
	sb_puts(w->out, "\"Fields\": [\n");
	json_array_foreach(fields, i, field) {
		const json_t *name = json_object_get(field, "name");
		const json_t *flags = json_object_get(field, "flags");

		if (fragment_is_unknown(field)) {
			report_unknown(w, field, def->symbol, "fields[]", "the entry left out");
			continue;
		}
		if (fragment_is_unknown(name)) {
			report_unknown(w, name, def->symbol, "fields[].name",
				       "the entry left out");
			continue;
		}
		/* QEMU's list ends at the first entry without a name. */
		if (!json_is_string(name))
			break;
		if (json_is_array(flags) && has_flag(flags, "VMS_MUST_EXIST"))
			continue;
		if (!first)
			sb_puts(w->out, ",\n");
		write_field(w, def, field, json_string_value(name), indent + 2);
		first = false;
	}
	sb_puts(w->out, "\n");
	sb_spaces(w->out, indent);
	sb_puts(w->out, "]");
}

static void write_subsections(struct writer *w, const struct vx_def *def,
			      const json_t *subsections, int indent)
{
	const char *loc = fragment_string(def->json, "loc");
	bool first = true;
	size_t i;
	json_t *ref;

	sb_puts(w->out, ",\n");
	sb_spaces(w->out, indent);
	sb_puts(w->out, "\"Subsections\": [\n");
	json_array_foreach(subsections, i, ref) {
		const struct vx_def *sub;

		if (fragment_is_unknown(ref)) {
			report_unknown(w, ref, def->symbol, "subsections[]",
				       "the entry left out");
			continue;
		}
		sub = resolve_vmsd(w, def->unit, ref, loc, "the subsection left out");
		if (!sub)
			continue;
		if (!first)
			sb_puts(w->out, ",\n");
		write_description(w, sub, indent + 2, true);
		first = false;
	}
	sb_puts(w->out, "\n");
	sb_spaces(w->out, indent);
	sb_puts(w->out, "]");
}

static bool enter(struct writer *w, const struct vx_def *def)
{
	int i;

	for (i = 0; i < w->depth; i++)
		if (w->active[i] == def->json)
			break;
	if (i < w->depth || w->depth == DUMP_MAX_DEPTH) {
		if (set_insert(&w->reported, def->json)) {
			const char *loc = fragment_string(def->json, "loc");

			if (i < w->depth)
				diag_warning(loc, "section '%s': VMStateDescription '%s' contains "
					     "itself; written without its fields and subsections "
					     "there", w->section, def->symbol);
			else
				diag_warning(loc, "section '%s': VMStateDescription '%s' is nested "
					     "deeper than %d descriptions; written without its "
					     "fields and subsections there", w->section, def->symbol,
					     DUMP_MAX_DEPTH);
			w->problems++;
		}
		return false;
	}
	w->active[w->depth++] = def->json;
	return true;
}

static void write_description(struct writer *w, const struct vx_def *def, int indent,
			      bool is_subsection)
{
	const json_t *vmsd = def->json;
	const json_t *name = json_object_get(vmsd, "name");
	const json_t *fields = json_object_get(vmsd, "fields");
	const json_t *subsections = json_object_get(vmsd, "subsections");
	long long version_id, minimum_version_id;
	const char *name_text;
	bool entered;

	if (fragment_is_unknown(name)) {
		report_unknown(w, name, def->symbol, "name", "written as \"(unknown)\"");
		name_text = "(unknown)";
	} else {
		/* QEMU prints a NULL name through printf's %s. */
		name_text = json_is_string(name) ? json_string_value(name) : "(null)";
	}
	version_id = get_int(w, vmsd, "version_id", def->symbol);
	minimum_version_id = get_int(w, vmsd, "minimum_version_id", def->symbol);
	if (fragment_is_unknown(fields)) {
		report_unknown(w, fields, def->symbol, "fields", "written as absent");
		fields = NULL;
	}
	if (fragment_is_unknown(subsections)) {
		report_unknown(w, subsections, def->symbol, "subsections",
			       "written as absent");
		subsections = NULL;
	}

	sb_spaces(w->out, indent);
	sb_puts(w->out, is_subsection ? "{\n" : "\"Description\": {\n");
	indent += 2;
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"name\": \"%s\",\n", name_text);
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"version_id\": %d,\n", (int)version_id);
	sb_spaces(w->out, indent);
	sb_printf(w->out, "\"minimum_version_id\": %d", (int)minimum_version_id);
	entered = enter(w, def);
	if (entered && json_is_array(fields))
		write_fields(w, def, fields, indent);
	if (entered && json_is_array(subsections))
		write_subsections(w, def, subsections, indent);
	if (entered)
		w->depth--;
	sb_puts(w->out, "\n");
	sb_spaces(w->out, indent - 2);
	sb_puts(w->out, "}");
}

static void write_section(struct writer *w, const struct qom_type *type)
{
	const struct vx_def *def = type->vmsd;
	long long version_id, minimum_version_id;

	w->section = type->name;
	version_id = get_int(w, def->json, "version_id", def->symbol);
	minimum_version_id = get_int(w, def->json, "minimum_version_id", def->symbol);
	sb_printf(w->out, "  \"%s\": {\n", type->name);
	sb_printf(w->out, "    \"Name\": \"%s\",\n", type->name);
	sb_printf(w->out, "    \"version_id\": %d,\n", (int)version_id);
	sb_printf(w->out, "    \"minimum_version_id\": %d,\n", (int)minimum_version_id);
	write_description(w, def, 4, false);
	sb_puts(w->out, "\n  }");
}

struct ordered_type {
	const struct qom_type *type;
	size_t index;
};

static int compare_types(const void *a, const void *b)
{
	const struct ordered_type *x = a, *y = b;
	int c = strcmp(x->type->name, y->type->name);

	if (c)
		return c;
	return x->index < y->index ? -1 : x->index > y->index;
}

/* Types that get a section, sorted by name, each name once. */
static size_t select_sections(struct writer *w, const struct qom_types *types,
			      struct ordered_type *out)
{
	size_t i, n = 0, kept = 0;

	for (i = 0; i < types->count; i++) {
		const struct qom_type *t = &types->types[i];

		if (!t->is_device || !t->vmsd)
			continue;
		if (t->vmsd->kind != VX_DEF_VMSTATE) {
			diag_warning(t->loc, "type '%s': its vmsd '%s' is not a recorded "
				     "VMStateDescription; no section written", t->name,
				     t->vmsd->symbol);
			w->problems++;
			continue;
		}
		out[n].type = t;
		out[n].index = i;
		n++;
	}
	qsort(out, n, sizeof(*out), compare_types);
	for (i = 0; i < n; i++)
		if (!kept || strcmp(out[kept - 1].type->name, out[i].type->name))
			out[kept++] = out[i];
	return kept;
}

/* Counts the references of every recorded description that resolve to nothing, outside
 * what was reported while writing sections: a unit built without the plugin shows up
 * here.  They do not change the dump, so they make one note, not problems. */
static void note_unresolved_elsewhere(struct writer *w)
{
	const char *first = NULL, *first_loc = NULL;
	size_t count = 0, u, i, j;

	for (u = 0; u < vx_unit_count(w->prog); u++) {
		const struct vx_unit *unit = vx_unit_at(w->prog, u);
		json_t *vmsd;

		json_array_foreach(json_object_get(unit->fragment, "vmstates"), i, vmsd) {
			const char *vmsd_loc = fragment_string(vmsd, "loc");
			json_t *field, *ref;

			json_array_foreach(json_object_get(vmsd, "fields"), j, field) {
				static const char *const keys[] = { "vmsd", "info" };
				static const enum vx_def_kind kinds[] = { VX_DEF_VMSTATE, VX_DEF_INFO };
				size_t k;

				for (k = 0; k < 2; k++) {
					ref = json_object_get(field, keys[k]);
					if (!json_is_string(ref) || set_contains(&w->reported, ref) ||
					    vx_lookup_kind(w->prog, unit, json_string_value(ref), kinds[k]))
						continue;
					if (!count++) {
						first = json_string_value(ref);
						first_loc = fragment_string(field, "loc");
					}
				}
			}
			json_array_foreach(json_object_get(vmsd, "subsections"), j, ref) {
				if (!json_is_string(ref) || set_contains(&w->reported, ref) ||
				    vx_lookup_kind(w->prog, unit, json_string_value(ref), VX_DEF_VMSTATE))
					continue;
				if (!count++) {
					first = json_string_value(ref);
					first_loc = vmsd_loc;
				}
			}
		}
	}
	if (count)
		diag_note(NULL, "%zu other reference%s resolve%s to nothing, outside every "
			  "section (the first: '%s' at %s): in units built without the "
			  "plugin, or not recorded by it?", count, count == 1 ? "" : "s",
			  count == 1 ? "s" : "", first, first_loc ? first_loc : "?");
}

unsigned dump_write(struct strbuf *out, const struct vx_program *prog,
		    const struct qom_types *types, const struct dump_options *opt)
{
	struct writer w = { .out = out, .prog = prog, .opt = opt };
	struct ordered_type *sections = xcalloc(types->count, sizeof(*sections));
	size_t count = select_sections(&w, types, sections), i;

	sb_puts(out, "{\n");
	sb_puts(out, "  \"vmschkmachine\": {\n");
	sb_printf(out, "    \"Name\": \"%s\"\n", opt->machine);
	/* QEMU always puts a comma here; with no section that would not be JSON. */
	sb_puts(out, count ? "  },\n" : "  }");
	for (i = 0; i < count; i++) {
		if (i)
			sb_puts(out, ",\n");
		write_section(&w, sections[i].type);
	}
	sb_puts(out, "\n}\n");
	note_unresolved_elsewhere(&w);
	free(sections);
	free(w.reported.slots);
	return w.problems;
}
