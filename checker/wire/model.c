/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reads an extended dump with jansson into the model of model.h.  Every bad input is
 * one message naming the file and the JSON place; the strings stay in the document. */
#include "model.h"
#include "../common/alloc.h"
#include "../common/strbuf.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define EXTENDED_DUMP_VERSION 1

struct loader {
	struct vmw_dump *dump;
	json_t *index;          /* description ID -> its position in dump->descs */
	jmp_buf fail;
	char *error;
	bool loaded;
};

__attribute__((format(printf, 3, 4)))
_Noreturn static void bad(struct loader *ld, const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	char *msg = xvasprintf(fmt, ap);
	va_end(ap);
	ld->error = xasprintf("%s: %s", where, msg);
	free(msg);
	longjmp(ld->fail, 1);
}

static json_t *member(struct loader *ld, json_t *obj, const char *key, const char *where)
{
	json_t *v = json_object_get(obj, key);

	if (!v)
		bad(ld, where, "\"%s\" is missing", key);
	return v;
}

static const char *string_or_null(struct loader *ld, json_t *v, const char *where)
{
	if (!v || json_is_null(v))
		return NULL;
	if (!json_is_string(v))
		bad(ld, where, "expected a string or null");
	return json_string_value(v);
}

static const char *unknown_reason(json_t *v)
{
	json_t *why = json_is_object(v) ? json_object_get(v, "unknown") : NULL;

	return json_is_string(why) ? json_string_value(why) : NULL;
}

/* A string, null, or an UNKNOWN: then NULL, and *UNKNOWN (when not yet set) says why. */
static const char *text_value(struct loader *ld, json_t *v, const char **unknown,
			      const char *where)
{
	const char *why = unknown_reason(v);

	if (!why)
		return string_or_null(ld, v, where);
	if (!*unknown)
		*unknown = why;
	return NULL;
}

static struct vmw_num number(struct loader *ld, json_t *obj, const char *key,
			     const char *where)
{
	json_t *v = json_object_get(obj, key);
	struct vmw_num n = { 0 };

	if (!v || json_is_null(v))
		return n;  /* absent members are 0, as C makes them */
	if (json_is_integer(v)) {
		n.value = json_integer_value(v);
		return n;
	}
	n.unknown = unknown_reason(v);
	if (!n.unknown)
		bad(ld, where, "\"%s\" is neither an integer nor an UNKNOWN", key);
	n.unknown_loc = string_or_null(ld, json_object_get(v, "loc"), where);
	return n;
}

/* A FUNC, null, or an UNKNOWN (returned through *UNKNOWN). */
static struct vmw_func func(struct loader *ld, json_t *v, const char **unknown,
			    const char *where)
{
	struct vmw_func f = { 0 };

	*unknown = NULL;
	if (!v || json_is_null(v))
		return f;
	if (!json_is_object(v))
		bad(ld, where, "expected a function object, an UNKNOWN or null");
	if ((*unknown = unknown_reason(v)))
		return f;
	f.symbol = string_or_null(ld, json_object_get(v, "symbol"), where);
	f.loc = string_or_null(ld, json_object_get(v, "loc"), where);
	if (!f.symbol)
		bad(ld, where, "a function without \"symbol\"");
	return f;
}

static struct vmw_desc *desc_by_id(struct loader *ld, json_t *v, const char *where)
{
	if (!json_is_string(v))
		bad(ld, where, "expected a description ID");
	json_t *pos = json_object_get(ld->index, json_string_value(v));
	if (!pos)
		bad(ld, where, "no description \"%s\" in \"descriptions\"", json_string_value(v));
	return &ld->dump->descs[json_integer_value(pos)];
}

static const struct { const char *name; unsigned bit; } flag_names[] = {
	{ "VMS_ARRAY", VMW_F_ARRAY }, { "VMS_POINTER", VMW_F_POINTER },
	{ "VMS_STRUCT", VMW_F_STRUCT }, { "VMS_VBUFFER", VMW_F_VBUFFER },
	{ "VMS_MULTIPLY", VMW_F_MULTIPLY }, { "VMS_VARRAY_INT32", VMW_F_VARRAY },
	{ "VMS_VARRAY_UINT32", VMW_F_VARRAY }, { "VMS_VARRAY_UINT16", VMW_F_VARRAY },
	{ "VMS_VARRAY_UINT8", VMW_F_VARRAY }, { "VMS_MUST_EXIST", VMW_F_MUST_EXIST },
	{ "VMS_ARRAY_OF_POINTER", VMW_F_ARRAY_OF_POINTER },
	{ "VMS_MULTIPLY_ELEMENTS", VMW_F_MULTIPLY_ELEMENTS }, { "VMS_VSTRUCT", VMW_F_VSTRUCT },
};

/* Flags the wire rules do not need (VMS_SINGLE, VMS_BUFFER, VMS_ALLOC, ...) and raw
 * numbers are left out. */
static unsigned flags(struct loader *ld, json_t *v, const char *where)
{
	unsigned bits = 0;
	size_t i;
	json_t *flag;

	if (!v || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		bad(ld, where, "\"flags\" is not a list");
	json_array_foreach(v, i, flag) {
		if (!json_is_string(flag))
			continue;
		for (size_t k = 0; k < sizeof(flag_names) / sizeof(flag_names[0]); k++)
			if (strcmp(flag_names[k].name, json_string_value(flag)) == 0)
				bits |= flag_names[k].bit;
	}
	return bits;
}

/* A description ID, null (*DESC stays NULL) or an UNKNOWN (*UNKNOWN). */
static void desc_or_unknown(struct loader *ld, json_t *v, struct vmw_desc **desc,
			    const char **unknown, const char *where)
{
	if ((*unknown = unknown_reason(v)))
		return;
	if (v && !json_is_null(v))
		*desc = desc_by_id(ld, v, where);
}

/* Into F->virtio, set first so that a bad input (longjmp) leaks nothing. */
static void load_virtio(struct loader *ld, struct vmw_field *f, json_t *v, const char *where)
{
	if (!json_is_object(v))
		bad(ld, where, "\"virtio\" is not an object");
	struct vmw_virtio *x = f->virtio = xcalloc(1, sizeof(*x));
	json_t *hand = json_object_get(v, "by_hand");
	x->by_hand = unknown_reason(hand);
	if (!x->by_hand && hand && !json_is_null(hand))
		bad(ld, where, "\"by_hand\" is neither null nor an UNKNOWN");
	desc_or_unknown(ld, json_object_get(v, "vmsd"), &x->vmsd, &x->vmsd_unknown, where);
	desc_or_unknown(ld, json_object_get(v, "common"), &x->common, &x->common_unknown,
			where);
}

static void load_field(struct loader *ld, struct vmw_field *f, json_t *v, const char *where)
{
	if (!json_is_object(v))
		bad(ld, where, "a field is not an object");
	f->name = text_value(ld, member(ld, v, "name", where), &f->unknown, where);
	if (!f->name && !f->unknown)
		bad(ld, where, "a field without a name");
	if (!f->name)
		f->name = "<unknown>";
	f->loc = string_or_null(ld, json_object_get(v, "loc"), where);
	f->info = text_value(ld, json_object_get(v, "info"), &f->unknown, where);
	json_t *flag_list = json_object_get(v, "flags");
	if (unknown_reason(flag_list) && !f->unknown)
		f->unknown = unknown_reason(flag_list);
	else
		f->flags = flags(ld, flag_list, where);
	f->size = number(ld, v, "size", where);
	f->num = number(ld, v, "num", where);
	f->version_id = number(ld, v, "version_id", where);
	const char *ignored = NULL;  /* an unknown count member: the count is compared anyway */
	f->num_field = text_value(ld, json_object_get(v, "num_field"), &ignored, where);
	f->exists = func(ld, json_object_get(v, "field_exists"), &f->exists_unknown, where);
	json_t *vmsd = json_object_get(v, "vmsd");
	if (unknown_reason(vmsd))
		f->unknown = f->unknown ? f->unknown : unknown_reason(vmsd);
	else if (vmsd && !json_is_null(vmsd))
		f->vmsd = desc_by_id(ld, vmsd, where);
	json_t *virtio = json_object_get(v, "virtio");
	if (virtio)
		load_virtio(ld, f, virtio, where);
}

static void load_desc(struct loader *ld, struct vmw_desc *d, const char *id, json_t *v)
{
	char where[400];
	size_t i;
	json_t *item;

	snprintf(where, sizeof(where), "descriptions[\"%s\"]", id);
	if (!json_is_object(v))
		bad(ld, where, "not an object");
	d->id = id;
	d->symbol = string_or_null(ld, json_object_get(v, "symbol"), where);
	d->loc = string_or_null(ld, json_object_get(v, "loc"), where);
	d->name = text_value(ld, member(ld, v, "name", where), &d->unknown, where);
	if (!d->name && !d->unknown)
		bad(ld, where, "a description without a name");
	if (!d->name)
		d->name = "<unknown>";
	d->version_id = number(ld, v, "version_id", where);
	d->minimum_version_id = number(ld, v, "minimum_version_id", where);
	d->needed = func(ld, json_object_get(v, "needed"), &d->needed_unknown, where);

	json_t *fields = json_object_get(v, "fields");
	if (unknown_reason(fields)) {
		d->unknown = d->unknown ? d->unknown : unknown_reason(fields);
	} else if (fields && !json_is_null(fields)) {
		if (!json_is_array(fields))
			bad(ld, where, "\"fields\" is not a list");
		d->has_fields = true;
		d->nfields = json_array_size(fields);
		d->fields = xcalloc(d->nfields ? d->nfields : 1, sizeof(*d->fields));
		json_array_foreach(fields, i, item) {
			char fwhere[480];
			snprintf(fwhere, sizeof(fwhere), "%s.fields[%zu]", where, i);
			load_field(ld, &d->fields[i], item, fwhere);
		}
	}
	json_t *subs = json_object_get(v, "subsections");
	if (unknown_reason(subs)) {
		d->unknown = d->unknown ? d->unknown : unknown_reason(subs);
	} else if (subs && !json_is_null(subs)) {
		if (!json_is_array(subs))
			bad(ld, where, "\"subsections\" is not a list");
		d->has_subsections = true;
		d->nsubsections = json_array_size(subs);
		d->subsections = xcalloc(d->nsubsections ? d->nsubsections : 1,
					sizeof(*d->subsections));
		d->nsubsections = 0;
		json_array_foreach(subs, i, item) {
			if (unknown_reason(item)) {
				d->unknown = d->unknown ? d->unknown : unknown_reason(item);
				continue;
			}
			d->subsections[d->nsubsections++] = desc_by_id(ld, item, where);
		}
	}
}

/* "device usb-kbd, cpu x86_64-cpu (legacy_vmsd), vmstate_register in cpu_timers_init" */
static const char *registrations(json_t *list)
{
	char buf[1024] = "";
	size_t len = 0, i;
	json_t *r;

	json_array_foreach(list, i, r) {
		const char *kind = json_string_value(json_object_get(r, "kind"));
		const char *type = json_string_value(json_object_get(r, "type"));
		const char *fn = json_string_value(json_object_get(r, "function"));
		const char *caller = json_string_value(json_object_get(r, "caller"));
		const char *via = json_string_value(json_object_get(r, "via"));
		int n;

		if (!kind)
			continue;
		if (fn)
			n = snprintf(buf + len, sizeof(buf) - len, "%s%s in %s", len ? ", " : "",
				     fn, caller ? caller : "?");
		else
			n = snprintf(buf + len, sizeof(buf) - len, "%s%s %s%s%s%s", len ? ", " : "",
				     kind, type ? type : "?", via ? " (" : "", via ? via : "",
				     via ? ")" : "");
		if (n < 0 || (size_t)n >= sizeof(buf) - len)
			break;
		len += (size_t)n;
	}
	json_t *s = json_string(buf);
	json_array_append_new(list, s);  /* the document owns the text */
	return json_string_value(s);
}

static void instance(struct vmw_section *s, json_t *regs)
{
	size_t i;
	json_t *r;

	json_array_foreach(regs, i, r) {
		const char *kind = json_string_value(json_object_get(r, "kind"));
		json_t *id = json_object_get(r, "instance_id");
		if (!kind || strcmp(kind, "register") != 0)
			continue;
		s->register_loc = json_string_value(json_object_get(r, "loc"));
		if (json_is_integer(id)) {
			s->instance_kind = VMW_INSTANCE_CONSTANT;
			s->instance_id = json_integer_value(id);
		} else if (json_is_string(id) && strcmp(json_string_value(id), "any") == 0) {
			s->instance_kind = VMW_INSTANCE_ANY;
		}
		return;
	}
}

/* Are REGS device classes only, each with "user_creatable": false?  (An UNKNOWN, or no
 * key from an older writer, counts as creatable.) */
static bool not_user_creatable(json_t *regs)
{
	size_t i;
	json_t *r;

	json_array_foreach(regs, i, r) {
		const char *kind = json_string_value(json_object_get(r, "kind"));
		if (!kind || strcmp(kind, "device") != 0 ||
		    !json_is_false(json_object_get(r, "user_creatable")))
			return false;
	}
	return json_array_size(regs) > 0;
}

/* The types of REGS' device registrations, NULL-terminated. */
static const char **device_types(json_t *regs)
{
	const char **types = xcalloc(json_array_size(regs) + 1, sizeof(*types));
	size_t i, n = 0;
	json_t *r;

	json_array_foreach(regs, i, r) {
		const char *kind = json_string_value(json_object_get(r, "kind"));
		const char *type = json_string_value(json_object_get(r, "type"));
		if (kind && strcmp(kind, "device") == 0 && type)
			types[n++] = type;
	}
	return types;
}

/* "devices": optional, a list of type names. */
static void load_devices(struct loader *ld, json_t *list)
{
	struct vmw_dump *dump = ld->dump;
	size_t i;
	json_t *v;

	if (!list)
		return;
	if (!json_is_array(list))
		bad(ld, "devices", "not a list");
	dump->devices = xcalloc(json_array_size(list) + 1, sizeof(*dump->devices));
	json_array_foreach(list, i, v) {
		if (!json_is_string(v))
			bad(ld, "devices", "an entry that is not a type name");
		dump->devices[dump->ndevices++] = json_string_value(v);
	}
	qsort(dump->devices, dump->ndevices, sizeof(*dump->devices), str_ptr_cmp);
}

bool vmw_dump_has_device(const struct vmw_dump *dump, const char *name)
{
	return dump->devices && bsearch(&name, dump->devices, dump->ndevices,
					sizeof(*dump->devices), str_ptr_cmp);
}

static void load_sections(struct loader *ld, json_t *list)
{
	struct vmw_dump *dump = ld->dump;
	size_t i;
	json_t *v;

	if (!json_is_array(list))
		bad(ld, "sections", "not a list");
	dump->nsections = json_array_size(list);
	dump->sections = xcalloc(dump->nsections ? dump->nsections : 1, sizeof(*dump->sections));
	json_array_foreach(list, i, v) {
		char where[64];
		snprintf(where, sizeof(where), "sections[%zu]", i);
		if (!json_is_object(v))
			bad(ld, where, "not an object");
		struct vmw_section *s = &dump->sections[i];
		s->name = string_or_null(ld, member(ld, v, "name", where), where);
		if (!s->name)
			bad(ld, where, "a section without a name");
		s->desc = desc_by_id(ld, member(ld, v, "description", where), where);
		json_t *regs = json_object_get(v, "registrations");
		if (json_is_array(regs)) {
			instance(s, regs);
			s->not_user_creatable = not_user_creatable(regs);
			s->device_types = device_types(regs);
		}
		s->registered = json_is_array(regs) ? registrations(regs) : "";
	}
}

static void load_root(struct loader *ld)
{
	struct vmw_dump *dump = ld->dump;
	json_t *root = dump->root;
	const char *id;
	json_t *v;
	size_t i = 0;

	if (!json_is_object(root))
		bad(ld, "top level", "not a JSON object");
	json_t *version = json_object_get(root, "vmstate-extended-dump");
	if (!version)
		bad(ld, "top level", "not an extended dump (no \"vmstate-extended-dump\"; "
		    "vmstate-extract --extended writes one)");
	if (!json_is_integer(version))
		bad(ld, "vmstate-extended-dump", "the format version is not an integer");
	if (json_integer_value(version) != EXTENDED_DUMP_VERSION)
		bad(ld, "vmstate-extended-dump", "format version %" JSON_INTEGER_FORMAT
		    ", this reader knows %d", json_integer_value(version), EXTENDED_DUMP_VERSION);
	dump->program = string_or_null(ld, json_object_get(root, "program"), "program");
	json_t *descs = member(ld, root, "descriptions", "top level");
	if (!json_is_object(descs))
		bad(ld, "descriptions", "not an object");
	dump->ndescs = json_object_size(descs);
	dump->descs = xcalloc(dump->ndescs ? dump->ndescs : 1, sizeof(*dump->descs));
	json_object_foreach(descs, id, v)
		json_object_set_new(ld->index, id, json_integer((json_int_t)i++));
	i = 0;
	json_object_foreach(descs, id, v)
		load_desc(ld, &dump->descs[i++], id, v);
	load_sections(ld, member(ld, root, "sections", "top level"));
	load_devices(ld, json_object_get(root, "devices"));
}

bool vmw_dump_load(struct vmw_dump *dump, const char *path, struct vmw_load_error *error)
{
	json_error_t jerr;

	memset(dump, 0, sizeof(*dump));
	dump->path = path;
	error->place = error->message = NULL;
	dump->root = strcmp(path, "-") == 0 ? json_loadf(stdin, JSON_REJECT_DUPLICATES, &jerr)
					    : json_load_file(path, JSON_REJECT_DUPLICATES, &jerr);
	if (!dump->root) {
		if (jerr.line > 0)
			error->place = jerr.column > 0 ? xasprintf("%d:%d", jerr.line, jerr.column)
						       : xasprintf("%d", jerr.line);
		error->message = xstrdup(jerr.text);
		return false;
	}
	/* On the heap: what bad() sets must survive its longjmp. */
	struct loader *ld = xcalloc(1, sizeof(*ld));
	ld->dump = dump;
	ld->index = json_object();
	if (setjmp(ld->fail) == 0) {
		load_root(ld);
		ld->loaded = true;
	}
	bool ok = ld->loaded;
	json_decref(ld->index);
	if (!ok) {
		error->message = ld->error;
		vmw_dump_free(dump);
	}
	free(ld);
	return ok;
}

void vmw_dump_free(struct vmw_dump *dump)
{
	for (size_t i = 0; i < dump->ndescs; i++) {
		for (size_t k = 0; k < dump->descs[i].nfields; k++)
			free(dump->descs[i].fields[k].virtio);
		free(dump->descs[i].fields);
		free(dump->descs[i].subsections);
	}
	free(dump->descs);
	for (size_t i = 0; i < dump->nsections; i++)
		free(dump->sections[i].device_types);
	free(dump->sections);
	free(dump->devices);
	json_decref(dump->root);
	memset(dump, 0, sizeof(*dump));
}

const struct vmw_section *vmw_dump_section(const struct vmw_dump *dump, const char *name,
					  size_t nth)
{
	for (size_t i = 0; i < dump->nsections; i++)
		if (strcmp(dump->sections[i].name, name) == 0 && nth-- == 0)
			return &dump->sections[i];
	return NULL;
}

size_t vmw_section_rank(const struct vmw_dump *dump, const struct vmw_section *s)
{
	size_t nth = 0;

	for (const struct vmw_section *t = dump->sections; t < s; t++)
		nth += strcmp(t->name, s->name) == 0;
	return nth;
}
