// SPDX-License-Identifier: GPL-2.0-or-later
// Reads VMStateDescription / VMStateField / VMStateInfo initializers, finding every type,
// member and flag by its name so that one plugin reads any QEMU version's layout.
#include "vmsd.h"
#include "tree-eval.h"
#include "unknown.h"

#include <stdlib.h>
#include <string.h>

static json_t *unit_vmstates;
static json_t *unit_infos;
static hash_set<tree> *recorded;
/* Descriptions seen without an initializer: a tentative definition such as a stub's
 * "const VMStateDescription vmstate_cpu_hotplug;" is all zero at the end of the unit,
 * unless a later declaration of the same variable gives it an initializer. */
static hash_set<tree> *tentative;
static tree flags_enum;		/* enum VMStateFlags, when its definition was seen */

/* An array initializer seen through a pointer: elements START .. LENGTH-1 of CTOR. */
struct array_view {
	tree decl;		/* the named array or the compound literal's decl */
	tree ctor;
	long long start;
	long long length;
};

/* What the value being read belongs to, for unknowns. */
struct reading {
	const char *context;	/* the description's or info's symbol */
	location_t loc;		/* where the value is written, as near as known */
};

static json_t *record_vmsd (tree decl);
static void record_info (tree decl);
static bool is_vmsd_array (tree decl);
static const char *element_symbol (tree array, long long index);

/* Where VALUE is written, when GCC kept it; else where its owner is. */
static location_t
value_location (tree value, const reading &r)
{
	if (value && EXPR_P (value) && EXPR_HAS_LOCATION (value))
		return EXPR_LOCATION (value);
	return r.loc;
}

static json_t *
int_member (tree ctor, const char *member, const reading &r)
{
	bool present;
	tree value = vx_member (ctor, member, &present);
	long long x;
	if (!present)
		return json_integer (0);
	if (vx_int (value, &x))
		return json_integer (x);
	return vx_unknown (value_location (value, r), r.context,
			   "initializer of .%s is not an integer constant",
			   member);
}

static json_t *
string_member (tree ctor, const char *member, const reading &r)
{
	bool present;
	tree value = vx_member (ctor, member, &present);
	const char *text;
	if (!present)
		return json_null ();
	if (vx_string (value, &text))
		return text ? vx_json_string (text) : json_null ();
	return vx_unknown (value_location (value, r), r.context,
			   "initializer of .%s is not a string constant",
			   member);
}

static bool
is_vmsd_decl (tree decl)
{
	return VAR_P (decl) && vx_type_named (TREE_TYPE (decl), "VMStateDescription");
}

/* A pointer to a variable or function: its symbol, JSON null for a null pointer. */
static json_t *
reference (tree value, const char *member, const reading &r)
{
	long long zero;
	value = vx_strip_casts (value);
	if (!value || (vx_int (value, &zero) && zero == 0))
		return json_null ();
	if (TREE_CODE (value) == ADDR_EXPR) {
		tree target = TREE_OPERAND (value, 0);
		long long index;
		if (TREE_CODE (target) == ARRAY_REF && VAR_P (TREE_OPERAND (target, 0))
		    && is_vmsd_array (TREE_OPERAND (target, 0))
		    && vx_int (TREE_OPERAND (target, 1), &index))
			return vx_json_string (element_symbol (TREE_OPERAND (target, 0), index));
		if (TREE_CODE (target) == COMPOUND_LITERAL_EXPR)
			target = VX_COMPOUND_LITERAL_DECL (target);
		if (VAR_P (target) || TREE_CODE (target) == FUNCTION_DECL) {
			/* A description written in place is recorded like a named one. */
			if (is_vmsd_decl (target) && !DECL_NAME (target))
				return vx_unknown (r.loc, r.context,
						   ".%s points to an unnamed description", member);
			if (is_vmsd_decl (target) && TREE_STATIC (target)
			    && DECL_INITIAL (target) && !recorded->contains (target))
				record_vmsd (target);
			/* .info = &(const VMStateInfo) { ... } (QEMU 7.2's virtio-gpu). */
			if (VAR_P (target) && vx_type_named (TREE_TYPE (target), "VMStateInfo")
			    && TREE_STATIC (target) && DECL_INITIAL (target)
			    && !recorded->contains (target))
				record_info (target);
			return vx_json_string (vx_symbol (target));
		}
	}
	return vx_unknown (value_location (value, r), r.context,
			   ".%s is not the address of a symbol", member);
}

json_t *
vmsd_reference (tree value, const char *context, location_t loc)
{
	reading r = { context, loc };
	tree target = vx_strip_casts (value);
	/* An extern declaration (defined in another unit) is not TREE_STATIC, but is a
	 * symbol the tools resolve across units like any other reference. */
	if (target && TREE_CODE (target) == ADDR_EXPR && VAR_P (TREE_OPERAND (target, 0))
	    && !TREE_STATIC (TREE_OPERAND (target, 0))
	    && !DECL_EXTERNAL (TREE_OPERAND (target, 0)))
		return vx_unknown (loc, context, "the description is not a static variable");
	if (!target || TREE_CODE (target) != ADDR_EXPR)
		return vx_unknown (loc, context, "the description is not the address of a "
					   "static description");
	return reference (value, "vmsd", r);
}

/* FUNC objects whose "loc" waits for the end of the unit: a function may be defined
 * after the description that points to it. */
struct pending_func {
	json_t *func;
	tree fndecl;
	location_t reference;
};
static vec<pending_func> pending_funcs;

/* A function member (.needed, .field_exists): JSON null when absent or null, FUNC
 * {"symbol", "loc"} for a function's address, else an UNKNOWN. */
static json_t *
func_member (tree ctor, const char *member, const reading &r)
{
	bool present;
	tree value = vx_strip_casts (vx_member (ctor, member, &present));
	long long zero;
	if (!present || !value || (vx_int (value, &zero) && zero == 0))
		return json_null ();
	if (TREE_CODE (value) == ADDR_EXPR
	    && TREE_CODE (TREE_OPERAND (value, 0)) == FUNCTION_DECL) {
		tree fndecl = TREE_OPERAND (value, 0);
		json_t *func = json_object ();
		json_object_set_new (func, "symbol", vx_symbol_json (fndecl));
		pending_func later = { func, fndecl, value_location (value, r) };
		pending_funcs.safe_push (later);
		return func;
	}
	return vx_unknown (value_location (value, r), r.context,
			   ".%s is not a function address", member);
}

/* The place of each pending FUNC's definition, or of its reference when the unit does
 * not define it. */
static void
place_funcs (void)
{
	for (unsigned i = 0; i < pending_funcs.length (); i++) {
		pending_func &p = pending_funcs[i];
		bool defined = DECL_INITIAL (p.fndecl) || DECL_SAVED_TREE (p.fndecl);
		json_object_set_new (p.func, "loc",
				     vx_loc_json (defined ? DECL_SOURCE_LOCATION (p.fndecl)
							  : p.reference));
	}
	pending_funcs.release ();
}

static json_t *
reference_member (tree ctor, const char *member, const reading &r)
{
	bool present;
	tree value = vx_member (ctor, member, &present);
	return present ? reference (value, member, r) : json_null ();
}

static bool view_array (tree target, long long byte_offset, array_view *view,
			const char **why);

/* The variable a list pointer VALUE points into, with the element index and byte
 * offset it adds; NULL_TREE with *WHY set when it is not such a pointer. */
static tree
list_target (tree value, long long *index, long long *byte_offset, const char **why)
{
	*index = *byte_offset = 0;
	value = vx_strip_casts (value);
	if (TREE_CODE (value) == POINTER_PLUS_EXPR) {
		if (!vx_int (TREE_OPERAND (value, 1), byte_offset)) {
			*why = "has a non-constant offset";
			return NULL_TREE;
		}
		value = vx_strip_casts (TREE_OPERAND (value, 0));
	}
	tree target = value;
	if (TREE_CODE (value) == ADDR_EXPR) {
		target = TREE_OPERAND (value, 0);
		if (TREE_CODE (target) == ARRAY_REF) {
			if (!vx_int (TREE_OPERAND (target, 1), index)) {
				*why = "has a non-constant index";
				return NULL_TREE;
			}
			target = TREE_OPERAND (target, 0);
		}
	}
	if (TREE_CODE (target) == COMPOUND_LITERAL_EXPR)
		target = VX_COMPOUND_LITERAL_DECL (target);
	if (!VAR_P (target)) {
		*why = "is neither a named array nor a compound literal";
		return NULL_TREE;
	}
	return target;
}

/* Resolves a pointer initializer to the array it points into. */
static bool
resolve_array (tree value, array_view *view, const char **why)
{
	long long byte_offset;
	tree target = list_target (value, &view->start, &byte_offset, why);
	return target && view_array (target, byte_offset, view, why);
}

/* The elements of variable TARGET from BYTE_OFFSET (and VIEW->start) on.  A pointer
 * before the array, past its end or between two entries is not a list QEMU could walk. */
static bool
view_array (tree target, long long byte_offset, array_view *view, const char **why)
{
	tree init = DECL_INITIAL (target);
	if (!init || init == error_mark_node || TREE_CODE (init) != CONSTRUCTOR) {
		*why = DECL_EXTERNAL (target) ? "points to an array defined in another unit"
					      : "points to an array without a visible initializer";
		return false;
	}
	view->decl = target;
	view->ctor = init;
	tree type = TREE_TYPE (target);
	/* A pointer to one object: an array of one. */
	tree entry_type = type;
	view->length = 1;
	if (TREE_CODE (type) == ARRAY_TYPE) {
		entry_type = TREE_TYPE (type);
		tree domain = TYPE_DOMAIN (type);
		long long max = -1;
		if (domain && TYPE_MAX_VALUE (domain) && vx_int (TYPE_MAX_VALUE (domain), &max))
			view->length = max + 1;
		else
			view->length = CONSTRUCTOR_NELTS (init);
	}
	if (byte_offset) {
		long long size;
		if (!vx_int (TYPE_SIZE_UNIT (entry_type), &size) || size <= 0) {
			*why = "has an offset into entries of unknown size";
			return false;
		}
		if (byte_offset % size != 0) {
			*why = "points between two entries of the array";
			return false;
		}
		view->start += byte_offset / size;
	}
	if (view->start < 0 || view->start > view->length) {
		*why = "points outside the array";
		return false;
	}
	return true;
}

/* The array's elements by index (NULL_TREE where the initializer leaves zeros). */
static vec<tree>
array_elements (const array_view &view)
{
	vec<tree> elements = vNULL;
	if (view.length <= 0 || view.length > (1 << 24))
		return elements;
	elements.safe_grow_cleared (view.length);
	if (TREE_CODE (TREE_TYPE (view.decl)) != ARRAY_TYPE) {
		elements[0] = view.ctor;
		return elements;
	}
	long long next = 0;
	unsigned i;
	tree index, value;
	FOR_EACH_CONSTRUCTOR_ELT (CONSTRUCTOR_ELTS (view.ctor), i, index, value) {
		long long lo = next, hi = next;
		if (index && TREE_CODE (index) == RANGE_EXPR) {
			if (!vx_int (TREE_OPERAND (index, 0), &lo)
			    || !vx_int (TREE_OPERAND (index, 1), &hi))
				continue;
		} else if (index && !vx_int (index, &lo)) {
			continue;
		} else {
			hi = lo;
		}
		for (long long k = lo; k <= hi && k < view.length; k++)
			if (k >= 0)
				elements[k] = value;
		next = hi + 1;
	}
	return elements;
}

static tree
enumerator_value (tree item)
{
	tree value = TREE_VALUE (item);
	if (TREE_CODE (value) == CONST_DECL)
		value = DECL_INITIAL (value);
	return value;
}

struct enumerator {
	const char *name;
	long long value;
};

static int
by_value (const void *a, const void *b)
{
	long long x = ((const enumerator *) a)->value, y = ((const enumerator *) b)->value;
	return x < y ? -1 : x > y;
}

/* Flag names of VALUE, ascending by value; bits no enumerator covers as one number. */
static json_t *
flag_names (long long value, tree type)
{
	json_t *names = json_array ();
	unsigned long long covered = 0;
	if (type && TREE_CODE (type) == ENUMERAL_TYPE) {
		vec<enumerator> all = vNULL;
		for (tree item = TYPE_VALUES (type); item; item = TREE_CHAIN (item)) {
			enumerator e;
			e.name = IDENTIFIER_POINTER (TREE_PURPOSE (item));
			if (vx_int (enumerator_value (item), &e.value))
				all.safe_push (e);
		}
		if (all.length ())
			qsort (all.address (), all.length (), sizeof (enumerator), by_value);
		for (unsigned i = 0; i < all.length (); i++) {
			unsigned long long bits = all[i].value;
			if (bits && (value & bits) == bits) {
				json_array_append_new (names, vx_json_string (all[i].name));
				covered |= bits;
			}
		}
		all.release ();
	}
	unsigned long long rest = (unsigned long long) value & ~covered;
	if (rest)
		json_array_append_new (names, json_integer ((long long) rest));
	return names;
}

/* The location of a field entry: its name string when it carries one, else the array. */
static location_t
entry_location (tree entry, location_t fallback)
{
	bool present;
	if (entry && EXPR_P (entry) && EXPR_HAS_LOCATION (entry))
		return EXPR_LOCATION (entry);
	tree name = vx_member (entry, "name", &present);
	if (name && EXPR_P (name) && EXPR_HAS_LOCATION (name))
		return EXPR_LOCATION (name);
	return fallback;
}

static json_t *
field_json (tree entry, tree flags_type, const reading &owner)
{
	reading r = { owner.context, entry_location (entry, owner.loc) };
	json_t *f = json_object ();
	json_object_set_new (f, "name", string_member (entry, "name", r));
	json_object_set_new (f, "loc", vx_loc_json (r.loc));
	json_object_set_new (f, "version_id", int_member (entry, "version_id", r));

	/* One reading of .field_exists: the legacy boolean says whether it is set, so an
	 * UNKNOWN FUNC (a non-zero integer, say) still makes it true. */
	json_t *exists = func_member (entry, "field_exists", r);
	long long value;
	bool present;
	tree bare = vx_strip_casts (vx_member (entry, "field_exists", &present));
	if (json_is_null (exists))
		json_object_set_new (f, "field_exists", json_false ());
	else if (!vx_is_unknown (exists) || vx_int (bare, &value))
		json_object_set_new (f, "field_exists", json_true ());
	else
		json_object_set (f, "field_exists", exists);
	json_object_set_new (f, "exists", exists);

	static const char *const sizes[] = { "size", "num", "start", "offset",
		"struct_version_id", "size_offset", "num_offset" };
	for (size_t i = 0; i < ARRAY_SIZE (sizes); i++)
		json_object_set_new (f, sizes[i], int_member (entry, sizes[i], r));
	/* C folds offsetof before the plugin sees the initializer: the member behind
	 * .num_offset has no name any more (fragment-format.md). */
	json_object_set_new (f, "num_field", json_null ());

	tree flags = vx_member (entry, "flags", &present);
	if (!present)
		json_object_set_new (f, "flags", json_array ());
	else if (vx_int (flags, &value))
		json_object_set_new (f, "flags", flag_names (value, flags_type));
	else
		json_object_set_new (f, "flags",
				     vx_unknown (r.loc, r.context,
						 "initializer of .flags is not a constant"));

	json_object_set_new (f, "info", reference_member (entry, "info", r));
	json_object_set_new (f, "vmsd", reference_member (entry, "vmsd", r));
	return f;
}

/* A field entry ends the list when its name is NULL: QEMU's own loops stop there
 * (VMSTATE_END_OF_LIST is {} in QEMU 7.2 and {.flags = VMS_END} from 8.0 on). */
static bool
is_terminator (tree entry)
{
	bool present;
	tree name = vx_member (entry, "name", &present);
	const char *text;
	return !entry || !present || (vx_string (name, &text) && !text);
}

static tree
flags_type_of (tree entry_type)
{
	tree field = entry_type ? vx_field (entry_type, "flags") : NULL_TREE;
	if (field && TREE_CODE (TREE_TYPE (field)) == ENUMERAL_TYPE)
		return TREE_TYPE (field);
	return flags_enum;
}

/* A null pointer constant, casts aside. */
static bool
is_null_pointer (tree value)
{
	long long zero;
	tree bare = vx_strip_casts (value);
	return !bare || (vx_int (bare, &zero) && zero == 0);
}

/* The array that list member MEMBER (.fields, .subsections) points to, in *VIEW; when
 * there is none, false with *RESULT set: JSON null for a null pointer, else an UNKNOWN. */
static bool
list_member (tree value, const char *member, const reading &r, array_view *view,
	     json_t **result)
{
	const char *why;
	if (is_null_pointer (value)) {
		*result = json_null ();
		return false;
	}
	if (!resolve_array (value, view, &why)) {
		*result = vx_unknown (value_location (value, r), r.context, ".%s %s", member, why);
		return false;
	}
	return true;
}

static json_t *
fields_json (tree value, const reading &r)
{
	array_view view;
	json_t *none;
	if (!list_member (value, "fields", r, &view, &none))
		return none;

	tree entry_type = TREE_TYPE (view.decl);
	if (TREE_CODE (entry_type) == ARRAY_TYPE)
		entry_type = TREE_TYPE (entry_type);
	tree flags_type = flags_type_of (entry_type);
	reading here = { r.context, DECL_SOURCE_LOCATION (view.decl) };
	if (!DECL_NAME (view.decl) || DECL_ARTIFICIAL (view.decl))
		here.loc = r.loc;

	json_t *fields = json_array ();
	vec<tree> elements = array_elements (view);
	long long i;
	for (i = view.start; i < view.length; i++) {
		tree entry = elements[i];
		if (entry && TREE_CODE (entry) != CONSTRUCTOR) {
			json_array_append_new (fields,
					       vx_unknown (here.loc, r.context,
							   "entry %lld of .fields is not an initializer list",
							   i));
			continue;
		}
		if (is_terminator (entry))
			break;
		json_array_append_new (fields, field_json (entry, flags_type, here));
	}
	if (i >= view.length)
		json_array_append_new (fields,
				       vx_unknown (here.loc, r.context,
						   ".fields has no terminating entry"));
	elements.release ();
	return fields;
}

static json_t *
subsections_json (tree value, const reading &r)
{
	array_view view;
	json_t *none;
	if (!list_member (value, "subsections", r, &view, &none))
		return none;

	json_t *subsections = json_array ();
	vec<tree> elements = array_elements (view);
	long long i;
	for (i = view.start; i < view.length; i++) {
		if (is_null_pointer (elements[i]))
			break;
		json_array_append_new (subsections,
				       reference (vx_strip_casts (elements[i]), "subsections", r));
	}
	if (i >= view.length)
		json_array_append_new (subsections,
				       vx_unknown (r.loc, r.context,
						   ".subsections has no NULL entry"));
	elements.release ();
	return subsections;
}

/* A list whose array is declared before the description but defined further down the
 * unit (extern const VMStateField later[]; ... .fields = later; ... later[] = {...}):
 * read when the definition is seen, or at the end of the unit. */
struct pending_list {
	json_t *owner;		/* the VMSD object, which holds a placeholder meanwhile */
	const char *member;	/* "fields" or "subsections" */
	tree value;		/* the pointer's initializer */
	tree target;		/* the array it points into */
	reading r;
};
static vec<pending_list> pending;

static json_t *
read_list (const char *member, tree value, const reading &r)
{
	return strcmp (member, "fields") == 0 ? fields_json (value, r)
					      : subsections_json (value, r);
}

static json_t *
list_json (json_t *owner, const char *member, tree value, const reading &r)
{
	long long index, offset;
	const char *why;
	tree target = is_null_pointer (value) ? NULL_TREE
					      : list_target (value, &index, &offset, &why);
	if (target && !DECL_INITIAL (target)) {
		pending_list later = { owner, member, value, target, r };
		pending.safe_push (later);
		return json_null ();
	}
	return read_list (member, value, r);
}

/* Reads the pending lists that point into TARGET (all of them when NULL_TREE). */
static void
read_pending (tree target)
{
	for (unsigned i = 0; i < pending.length (); ) {
		pending_list &p = pending[i];
		if (target && p.target != target) {
			i++;
			continue;
		}
		json_object_set_new (p.owner, p.member, read_list (p.member, p.value, p.r));
		pending.unordered_remove (i);
	}
}

/* Element INDEX of an array of descriptions: element 0 is at the array's own symbol,
 * element I > 0 is spelled "SYMBOL[I]". */
static const char *
element_symbol (tree array, long long index)
{
	const char *symbol = vx_symbol (array);
	if (index == 0)
		return symbol;
	char *spelled = xasprintf ("%s[%lld]", symbol, index);
	const char *kept = IDENTIFIER_POINTER (get_identifier (spelled));
	free (spelled);
	return kept;
}

static bool
is_vmsd_array (tree decl)
{
	return VAR_P (decl) && TREE_CODE (TREE_TYPE (decl)) == ARRAY_TYPE
	       && vx_type_named (TREE_TYPE (TREE_TYPE (decl)), "VMStateDescription");
}

/* Records the description initialized by CTOR (NULL_TREE: all zero) at SYMBOL of DECL. */
static json_t *
record_description (tree decl, const char *symbol, tree ctor)
{
	reading r = { symbol, DECL_SOURCE_LOCATION (decl) };
	if (ctor && EXPR_P (ctor) && EXPR_HAS_LOCATION (ctor))
		r.loc = EXPR_LOCATION (ctor);

	json_t *d = json_object ();
	json_object_set_new (d, "symbol", vx_json_string (symbol));
	json_object_set_new (d, "linkage", vx_json_string (vx_linkage (decl)));
	json_object_set_new (d, "loc", vx_loc_json (r.loc));
	/* Appended before its members are read, so that descriptions it contains in place
	 * come after it. */
	if (!unit_vmstates)
		unit_vmstates = json_array ();
	json_array_append_new (unit_vmstates, d);

	if (ctor && TREE_CODE (ctor) != CONSTRUCTOR) {
		json_t *unknown = vx_unknown (r.loc, symbol,
					      "initializer is not a braced initializer list");
		json_object_set (d, "name", unknown);
		json_object_set (d, "version_id", unknown);
		json_object_set (d, "minimum_version_id", unknown);
		json_object_set (d, "fields", unknown);
		json_object_set (d, "subsections", unknown);
		json_object_set_new (d, "needed", unknown);
		return d;
	}
	json_object_set_new (d, "name", string_member (ctor, "name", r));
	json_object_set_new (d, "version_id", int_member (ctor, "version_id", r));
	json_object_set_new (d, "minimum_version_id",
			     int_member (ctor, "minimum_version_id", r));
	bool present;
	tree fields = vx_member (ctor, "fields", &present);
	json_object_set_new (d, "fields",
			     present ? list_json (d, "fields", fields, r) : json_null ());
	tree subsections = vx_member (ctor, "subsections", &present);
	json_object_set_new (d, "subsections",
			     present ? list_json (d, "subsections", subsections, r)
				     : json_null ());
	json_object_set_new (d, "needed", func_member (ctor, "needed", r));
	return d;
}

static json_t *
record_vmsd (tree decl)
{
	recorded->add (decl);
	return record_description (decl, vx_symbol (decl), DECL_INITIAL (decl));
}

/* static const VMStateDescription pair[2] = { {...}, {...} }: one VMSD per element. */
static void
record_vmsd_array (tree decl)
{
	recorded->add (decl);
	array_view view;
	const char *why;
	view.start = 0;
	if (!view_array (decl, 0, &view, &why)) {
		json_t *d = record_description (decl, vx_symbol (decl), NULL_TREE);
		json_object_set_new (d, "name", vx_unknown (DECL_SOURCE_LOCATION (decl),
							    vx_symbol (decl),
							    "array of descriptions %s", why));
		return;
	}
	vec<tree> elements = array_elements (view);
	for (long long i = 0; i < view.length; i++)
		record_description (decl, element_symbol (decl, i), elements[i]);
	elements.release ();
}

static void
record_info (tree decl)
{
	recorded->add (decl);
	const char *symbol = vx_symbol (decl);
	reading r = { symbol, DECL_SOURCE_LOCATION (decl) };
	tree ctor = DECL_INITIAL (decl);
	json_t *info = json_object ();
	json_object_set_new (info, "symbol", vx_json_string (symbol));
	json_object_set_new (info, "linkage", vx_json_string (vx_linkage (decl)));
	json_object_set_new (info, "loc", vx_loc_json (r.loc));
	if (TREE_CODE (ctor) == CONSTRUCTOR)
		json_object_set_new (info, "name", string_member (ctor, "name", r));
	else
		json_object_set_new (info, "name",
				     vx_unknown (r.loc, symbol,
						 "initializer is not a braced initializer list"));
	if (!unit_infos)
		unit_infos = json_array ();
	json_array_append_new (unit_infos, info);
}

void
vmsd_finish_decl (tree decl)
{
	if (!VAR_P (decl) || !TREE_STATIC (decl) || DECL_EXTERNAL (decl))
		return;
	tree init = DECL_INITIAL (decl);
	if (!init && is_vmsd_decl (decl)) {
		if (!tentative)
			tentative = new hash_set<tree>;
		tentative->add (decl);
		return;
	}
	if (!init || init == error_mark_node)
		return;
	read_pending (decl);
	if (!recorded)
		recorded = new hash_set<tree>;
	if (is_vmsd_decl (decl)) {
		if (!recorded->contains (decl))
			record_vmsd (decl);
	} else if (is_vmsd_array (decl)) {
		if (!recorded->contains (decl))
			record_vmsd_array (decl);
	} else if (vx_type_named (TREE_TYPE (decl), "VMStateInfo")) {
		if (!recorded->contains (decl))
			record_info (decl);
	}
}

void
vmsd_finish_type (tree type)
{
	if (type && TREE_CODE (type) == ENUMERAL_TYPE && vx_type_named (type, "VMStateFlags"))
		flags_enum = type;
}

static bool
record_tentative (tree const &decl, void *)
{
	if (!DECL_INITIAL (decl) && !recorded->contains (decl)) {
		recorded->add (decl);
		record_description (decl, vx_symbol (decl), NULL_TREE);
	}
	return true;
}

json_t *
vmsd_unit_vmstates (void)
{
	read_pending (NULL_TREE);
	place_funcs ();
	if (tentative) {
		if (!recorded)
			recorded = new hash_set<tree>;
		tentative->traverse<void *, record_tentative> (NULL);
		delete tentative;
		tentative = NULL;
	}
	if (!unit_vmstates)
		unit_vmstates = json_array ();
	return json_incref (unit_vmstates);
}

json_t *
vmsd_unit_infos (void)
{
	if (!unit_infos)
		unit_infos = json_array ();
	return json_incref (unit_infos);
}
