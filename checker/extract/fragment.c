/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parses one fragment and checks every member the tools read, so that a malformed or
 * truncated fragment is rejected with its place named instead of misread later. */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "../common/diag.h"
#include "fragment.h"
#include "json_parse.h"

/* The validation walk: where we are in the fragment, for the one error message. */
struct path_step {
	const char *key;        /* NULL: an array index */
	size_t index;
};

struct check {
	const struct fragment_origin *origin;
	const char *source;     /* "unit"."source" once known */
	/* Where we are; turned into text only for the message. */
	struct path_step path[16];
	size_t path_len;
	bool failed;
	bool quiet;             /* only tell whether it is valid (on any thread) */
};

static const char *type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_OBJECT: return "an object";
	case JSON_ARRAY: return "an array";
	case JSON_STRING: return "a string";
	case JSON_INTEGER: return "an integer";
	case JSON_REAL: return "a real number";
	case JSON_TRUE:
	case JSON_FALSE: return "a boolean";
	case JSON_NULL: return "null";
	}
	return "a value";
}

/* "fragment 3 (unit ../hw/x.c)" for an embedded fragment, "unit ../hw/x.c" for a file. */
static void describe_fragment(char *buf, size_t size, const struct fragment_origin *o,
			      const char *source)
{
	if (o->index >= 0 && source)
		snprintf(buf, size, "fragment %d (unit %s)", o->index, source);
	else if (o->index >= 0)
		snprintf(buf, size, "fragment %d (at byte %zu of section %s)", o->index,
			 o->offset, FRAGMENT_SECTION);
	else if (source)
		snprintf(buf, size, "unit %s", source);
	else
		snprintf(buf, size, "fragment");
}

static void format_path(const struct check *c, char *buf, size_t size)
{
	size_t i, n = 0;

	buf[0] = '\0';
	for (i = 0; i < c->path_len && n < size; i++) {
		const struct path_step *st = &c->path[i];
		int w = st->key ? snprintf(buf + n, size - n, "%s%s", i ? "." : "", st->key)
				: snprintf(buf + n, size - n, "[%zu]", st->index);

		if (w < 0)
			break;
		n += (size_t)w;
	}
}

__attribute__((format(printf, 2, 3)))
static bool fail(struct check *c, const char *fmt, ...)
{
	char what[600], text[600], path[600];
	va_list ap;

	if (c->failed)
		return false;
	c->failed = true;
	if (c->quiet)
		return false;
	describe_fragment(what, sizeof(what), c->origin, c->source);
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	format_path(c, path, sizeof(path));
	if (c->path_len)
		diag_error(c->origin->input, "%s: at %s: %s", what, path, text);
	else
		diag_error(c->origin->input, "%s: %s", what, text);
	return false;
}

/* Paths deeper than the stack are cut; a fragment has no deeper checked member. */
static size_t push_key(struct check *c, const char *key)
{
	size_t saved = c->path_len;

	if (saved < sizeof(c->path) / sizeof(c->path[0])) {
		c->path[saved].key = key;
		c->path_len = saved + 1;
	}
	return saved;
}

static size_t push_index(struct check *c, size_t i)
{
	size_t saved = c->path_len;

	if (saved < sizeof(c->path) / sizeof(c->path[0])) {
		c->path[saved].key = NULL;
		c->path[saved].index = i;
		c->path_len = saved + 1;
	}
	return saved;
}

static void pop(struct check *c, size_t saved)
{
	c->path_len = saved;
}

bool fragment_is_unknown(const json_t *v)
{
	return json_is_object(v) && json_object_get(v, "unknown") != NULL;
}

const char *fragment_string(const json_t *obj, const char *key)
{
	return json_string_value(json_object_get(obj, key));
}

/* Allowed shapes of a member, combined as a bit set. */
enum {
	ALLOW_STRING = 1 << 0,
	ALLOW_INTEGER = 1 << 1,
	ALLOW_BOOL = 1 << 2,
	ALLOW_NULL = 1 << 3,
	ALLOW_ARRAY = 1 << 4,
	ALLOW_OBJECT = 1 << 5,
	ALLOW_UNKNOWN = 1 << 6,
	OPTIONAL = 1 << 7,
	/* An integer member's C type: its value must fit, or the dump would wrap it. */
	C_INT = 1 << 8,
	C_SIZE = 1 << 9,
};

static const char *expected_text(int allow)
{
	static _Thread_local char buf[160];

	buf[0] = '\0';
#define ADD(bit, word) \
	if (allow & (bit)) { \
		if (buf[0]) strcat(buf, " or "); \
		strcat(buf, word); \
	}
	ADD(ALLOW_STRING, "a string")
	ADD(ALLOW_INTEGER, "an integer")
	ADD(ALLOW_BOOL, "a boolean")
	ADD(ALLOW_NULL, "null")
	ADD(ALLOW_ARRAY, "an array")
	ADD(ALLOW_OBJECT, "an object")
	ADD(ALLOW_UNKNOWN, "an unknown")
#undef ADD
	return buf;
}

static bool check_unknown(struct check *c, const json_t *v)
{
	size_t saved;

	if (!json_is_string(json_object_get(v, "unknown"))) {
		saved = push_key(c, "unknown");
		fail(c, "expected a string");
		pop(c, saved);
		return false;
	}
	if (!json_is_string(json_object_get(v, "loc"))) {
		saved = push_key(c, "loc");
		fail(c, "expected a string (FILE:LINE:COL)");
		pop(c, saved);
		return false;
	}
	return true;
}

static bool matches(const json_t *v, int allow)
{
	switch (json_typeof(v)) {
	case JSON_STRING: return allow & ALLOW_STRING;
	case JSON_INTEGER: return allow & ALLOW_INTEGER;
	case JSON_TRUE:
	case JSON_FALSE: return allow & ALLOW_BOOL;
	case JSON_NULL: return allow & ALLOW_NULL;
	case JSON_ARRAY: return allow & ALLOW_ARRAY;
	case JSON_OBJECT:
		if (fragment_is_unknown(v))
			return allow & ALLOW_UNKNOWN;
		return allow & ALLOW_OBJECT;
	case JSON_REAL: return false;
	}
	return false;
}

static void check_range(struct check *c, json_int_t value, int allow)
{
	if ((allow & C_INT) && (value < INT_MIN || value > INT_MAX))
		fail(c, "%" JSON_INTEGER_FORMAT " does not fit the member's C type int "
		     "(%d to %d)", value, INT_MIN, INT_MAX);
	else if ((allow & C_SIZE) && value < 0)
		fail(c, "%" JSON_INTEGER_FORMAT " does not fit the member's C type size_t",
		     value);
}

/* Checks the shape of OBJ.KEY; returns the value (NULL when absent and optional). */
static json_t *member(struct check *c, const json_t *obj, const char *key, int allow)
{
	json_t *v = json_object_get(obj, key);
	size_t saved;
	bool ok;

	if (c->failed)
		return NULL;
	saved = push_key(c, key);
	if (!v) {
		if (!(allow & OPTIONAL))
			fail(c, "missing (expected %s)", expected_text(allow));
		pop(c, saved);
		return NULL;
	}
	ok = matches(v, allow);
	if (!ok)
		fail(c, "expected %s, got %s", expected_text(allow),
		     fragment_is_unknown(v) ? "an unknown" : type_name(v));
	else if (fragment_is_unknown(v))
		check_unknown(c, v);
	else if (json_is_integer(v))
		check_range(c, json_integer_value(v), allow);
	pop(c, saved);
	return c->failed ? NULL : v;
}

static bool check_linkage(struct check *c, const json_t *def)
{
	const char *linkage;
	size_t saved;

	member(c, def, "symbol", ALLOW_STRING);
	linkage = json_string_value(member(c, def, "linkage", ALLOW_STRING));
	member(c, def, "loc", ALLOW_STRING);
	if (c->failed)
		return false;
	if (!json_string_length(json_object_get(def, "symbol"))) {
		saved = push_key(c, "symbol");
		fail(c, "empty symbol");
		pop(c, saved);
		return false;
	}
	if (strcmp(linkage, "global") && strcmp(linkage, "static")) {
		saved = push_key(c, "linkage");
		fail(c, "expected \"global\" or \"static\", got \"%s\"", linkage);
		pop(c, saved);
		return false;
	}
	return true;
}

/* Every element of ARR must be one of ALLOW. */
static bool check_elements(struct check *c, const json_t *arr, int allow)
{
	size_t i, saved;
	json_t *v;

	json_array_foreach(arr, i, v) {
		saved = push_index(c, i);
		if (!matches(v, allow))
			fail(c, "expected %s, got %s", expected_text(allow),
			     fragment_is_unknown(v) ? "an unknown" : type_name(v));
		else if (fragment_is_unknown(v))
			check_unknown(c, v);
		pop(c, saved);
		if (c->failed)
			return false;
	}
	return true;
}

/* OBJ.KEY, when present: a FUNC ({"symbol", "loc"}), null or an unknown. */
static void check_function(struct check *c, const json_t *obj, const char *key)
{
	json_t *fn = member(c, obj, key, ALLOW_OBJECT | ALLOW_NULL | ALLOW_UNKNOWN | OPTIONAL);
	size_t saved;

	if (!json_is_object(fn) || fragment_is_unknown(fn))
		return;
	saved = push_key(c, key);
	member(c, fn, "symbol", ALLOW_STRING);
	member(c, fn, "loc", ALLOW_STRING);
	pop(c, saved);
}

static bool check_field(struct check *c, const json_t *field)
{
	static const struct { const char *key; int type; } counts[] = {
		{ "start", C_SIZE }, { "offset", C_SIZE }, { "struct_version_id", C_INT },
		{ "size_offset", C_SIZE }, { "num_offset", C_SIZE },
	};
	json_t *flags;
	size_t i;

	if (fragment_is_unknown(field))
		return check_unknown(c, field);
	if (!json_is_object(field))
		return fail(c, "expected an object or an unknown, got %s", type_name(field));
	member(c, field, "name", ALLOW_STRING | ALLOW_NULL | ALLOW_UNKNOWN);
	member(c, field, "loc", ALLOW_STRING);
	member(c, field, "version_id", ALLOW_INTEGER | ALLOW_UNKNOWN | C_INT);
	member(c, field, "field_exists", ALLOW_BOOL | ALLOW_UNKNOWN);
	member(c, field, "size", ALLOW_INTEGER | ALLOW_UNKNOWN | C_SIZE);
	member(c, field, "num", ALLOW_INTEGER | ALLOW_UNKNOWN | C_INT);
	for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
		member(c, field, counts[i].key,
		       ALLOW_INTEGER | ALLOW_UNKNOWN | OPTIONAL | counts[i].type);
	flags = member(c, field, "flags", ALLOW_ARRAY | ALLOW_UNKNOWN);
	if (json_is_array(flags)) {
		size_t saved = push_key(c, "flags");

		check_elements(c, flags, ALLOW_STRING | ALLOW_INTEGER);
		pop(c, saved);
	}
	member(c, field, "info", ALLOW_STRING | ALLOW_NULL | ALLOW_UNKNOWN);
	member(c, field, "vmsd", ALLOW_STRING | ALLOW_NULL | ALLOW_UNKNOWN);
	check_function(c, field, "exists");
	member(c, field, "num_field", ALLOW_STRING | ALLOW_NULL | ALLOW_UNKNOWN | OPTIONAL);
	return !c->failed;
}

static bool check_vmstate(struct check *c, const json_t *vmsd)
{
	json_t *fields, *subsections, *v;
	size_t i, saved;

	if (!json_is_object(vmsd) || fragment_is_unknown(vmsd))
		return fail(c, "expected an object, got %s",
			    fragment_is_unknown(vmsd) ? "an unknown" : type_name(vmsd));
	if (!check_linkage(c, vmsd))
		return false;
	member(c, vmsd, "name", ALLOW_STRING | ALLOW_NULL | ALLOW_UNKNOWN);
	member(c, vmsd, "version_id", ALLOW_INTEGER | ALLOW_UNKNOWN | C_INT);
	member(c, vmsd, "minimum_version_id", ALLOW_INTEGER | ALLOW_UNKNOWN | C_INT);
	fields = member(c, vmsd, "fields", ALLOW_ARRAY | ALLOW_NULL | ALLOW_UNKNOWN);
	subsections = member(c, vmsd, "subsections",
			     ALLOW_ARRAY | ALLOW_NULL | ALLOW_UNKNOWN);
	check_function(c, vmsd, "needed");
	if (c->failed)
		return false;
	if (json_is_array(fields)) {
		json_array_foreach(fields, i, v) {
			saved = push_key(c, "fields");
			push_index(c, i);
			check_field(c, v);
			pop(c, saved);
			if (c->failed)
				return false;
		}
	}
	if (json_is_array(subsections)) {
		saved = push_key(c, "subsections");
		check_elements(c, subsections, ALLOW_STRING | ALLOW_UNKNOWN);
		pop(c, saved);
	}
	return !c->failed;
}

static bool check_info(struct check *c, const json_t *info)
{
	if (!json_is_object(info))
		return fail(c, "expected an object, got %s", type_name(info));
	if (!check_linkage(c, info))
		return false;
	member(c, info, "name", ALLOW_STRING | ALLOW_NULL | ALLOW_UNKNOWN);
	return !c->failed;
}

/* Checks every element of ROOT.KEY (an array) with CHECK_ONE. */
static bool check_list(struct check *c, const json_t *root, const char *key,
		       bool (*check_one)(struct check *, const json_t *), int optional)
{
	json_t *list = member(c, root, key, ALLOW_ARRAY | optional);
	size_t i, saved;
	json_t *v;

	if (!list)
		return !c->failed;
	json_array_foreach(list, i, v) {
		saved = push_key(c, key);
		push_index(c, i);
		check_one(c, v);
		pop(c, saved);
		if (c->failed)
			return false;
	}
	return true;
}

/* One call of the vmstate_register() family. */
static bool check_register(struct check *c, const json_t *reg)
{
	json_t *id;
	size_t saved;

	if (!json_is_object(reg) || fragment_is_unknown(reg))
		return fail(c, "expected an object, got %s",
			    fragment_is_unknown(reg) ? "an unknown" : type_name(reg));
	member(c, reg, "function", ALLOW_STRING);
	member(c, reg, "caller", ALLOW_STRING);
	member(c, reg, "loc", ALLOW_STRING);
	member(c, reg, "vmsd", ALLOW_STRING | ALLOW_UNKNOWN);
	id = member(c, reg, "instance_id", ALLOW_INTEGER | ALLOW_STRING | ALLOW_UNKNOWN | C_INT);
	if (json_is_string(id) && strcmp(json_string_value(id), "any")) {
		saved = push_key(c, "instance_id");
		fail(c, "expected an integer, \"any\" or an unknown, got \"%s\"",
		     json_string_value(id));
		pop(c, saved);
	}
	return !c->failed;
}

static bool check_listed_unknown(struct check *c, const json_t *v)
{
	if (!fragment_is_unknown(v))
		return fail(c, "expected an unknown ({\"unknown\", \"loc\"}), got %s",
			    type_name(v));
	return check_unknown(c, v);
}

static bool check_qom_definition(struct check *c, const json_t *def)
{
	if (!json_is_object(def))
		return fail(c, "expected an object, got %s", type_name(def));
	return check_linkage(c, def);
}

/* Only what the linker indexes; docs/fragment-qom.md's reader checks the rest. */
static bool check_qom(struct check *c, const json_t *qom)
{
	size_t saved = push_key(c, "qom");

	check_list(c, qom, "functions", check_qom_definition, OPTIONAL);
	check_list(c, qom, "data", check_qom_definition, OPTIONAL);
	pop(c, saved);
	return !c->failed;
}

static bool check_unit(struct check *c, const json_t *root)
{
	json_t *unit = member(c, root, "unit", ALLOW_OBJECT);
	const char *id;
	size_t saved, i;

	if (!unit)
		return false;
	saved = push_key(c, "unit");
	c->source = json_string_value(member(c, unit, "source", ALLOW_STRING));
	member(c, unit, "directory", ALLOW_STRING | OPTIONAL);
	id = json_string_value(member(c, unit, "id", ALLOW_STRING));
	if (id) {
		for (i = 0; id[i]; i++)
			if (!strchr("0123456789abcdef", id[i]))
				break;
		if (i != 16 || id[i]) {
			push_key(c, "id");
			fail(c, "expected 16 lower-case hex digits, got \"%s\"", id);
		}
	}
	pop(c, saved);
	return !c->failed;
}

static bool check_fragment(struct check *c, const json_t *root)
{
	json_t *version, *qom;

	if (!json_is_object(root))
		return fail(c, "not a vmstate fragment (expected a JSON object, got %s)",
			    type_name(root));
	version = json_object_get(root, "vmstate-fragment");
	if (!version)
		return fail(c, "not a vmstate fragment (no \"vmstate-fragment\" key)");
	if (!json_is_integer(version))
		return fail(c, "\"vmstate-fragment\" must be an integer version, got %s",
			    type_name(version));
	/* Known before the version check, so that the message can name the unit. */
	c->source = fragment_string(json_object_get(root, "unit"), "source");
	if (json_integer_value(version) != FRAGMENT_VERSION)
		return fail(c, "unknown fragment format version %" JSON_INTEGER_FORMAT
			    " (this vmstate-extract reads version %d)",
			    json_integer_value(version), FRAGMENT_VERSION);
	if (!check_unit(c, root))
		return false;
	check_list(c, root, "vmstates", check_vmstate, 0);
	check_list(c, root, "infos", check_info, 0);
	check_list(c, root, "unknowns", check_listed_unknown, 0);
	check_list(c, root, "registers", check_register, OPTIONAL);
	qom = member(c, root, "qom", ALLOW_OBJECT | OPTIONAL);
	if (qom)
		check_qom(c, qom);
	return !c->failed;
}

/* The unit source of a fragment that does not parse, when its text still shows it. */
static void guess_source(const char *text, size_t len, char *buf, size_t size)
{
	static const char key[] = "\"source\"";
	size_t i, n;

	buf[0] = '\0';
	for (i = 0; i + sizeof(key) - 1 < len && i < 4096; i++) {
		if (memcmp(text + i, key, sizeof(key) - 1))
			continue;
		i += sizeof(key) - 1;
		while (i < len && (text[i] == ' ' || text[i] == ':'))
			i++;
		if (i >= len || text[i] != '"')
			return;
		for (n = 0, i++; i < len && text[i] != '"' && n + 1 < size; i++)
			buf[n++] = text[i];
		buf[n] = '\0';
		if (i >= len || text[i] != '"')
			buf[0] = '\0';
		return;
	}
}

void fragment_report_parse_error(const struct fragment_origin *origin, const char *text,
				 size_t len, const struct json_parse_error *err)
{
	char source[256], what[400];

	if (origin->index < 0) {
		char where[4200];

		snprintf(where, sizeof(where), "%s:%d:%d", origin->input, err->line, err->column);
		diag_error(where, "invalid JSON: %s", err->text);
		return;
	}
	guess_source(text, len, source, sizeof(source));
	describe_fragment(what, sizeof(what), origin, source[0] ? source : NULL);
	diag_error(origin->input, "%s: invalid JSON at byte %zu of the fragment: %s", what,
		   err->position, err->text);
}

bool fragment_report_replaced(const struct fragment_origin *origin, const char *text,
			      size_t len, const struct json_parse_error *err)
{
	char source[256], what[400];

	if (!err->replaced)
		return false;
	guess_source(text, len, source, sizeof(source));
	describe_fragment(what, sizeof(what), origin, source[0] ? source : NULL);
	diag_warning(origin->input, "%s: %zu byte%s in strings %s not valid UTF-8 (the first "
		     "at byte %zu of the fragment); each byte B replaced by U+EF00 + B, as the plugin writes them", what,
		     err->replaced, err->replaced == 1 ? "" : "s",
		     err->replaced == 1 ? "is" : "are", err->first_replaced);
	return true;
}

bool fragment_check(const struct fragment_origin *origin, const json_t *root)
{
	struct check c = { .origin = origin };

	return check_fragment(&c, root);
}

bool fragment_valid(const json_t *root)
{
	struct fragment_origin nowhere = { .input = "", .index = -1 };
	struct check c = { .origin = &nowhere, .quiet = true };

	return check_fragment(&c, root);
}

json_t *fragment_parse(const struct fragment_origin *origin, const char *text,
		       size_t len)
{
	struct json_parse_error err;
	json_t *root = json_parse(text, len, &err);

	if (!root) {
		fragment_report_parse_error(origin, text, len, &err);
		return NULL;
	}
	if (!fragment_check(origin, root)) {
		json_decref(root);
		return NULL;
	}
	fragment_report_replaced(origin, text, len, &err);
	return root;
}
