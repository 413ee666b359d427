/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM recorder: decides which functions and static objects of the unit go into the
 * fragment's "qom" member (the rule is in docs/fragment-qom.md) and collects them. */
#include "qom.h"
#include "qom-ir.h"
#include "unknown.h"
#include "vmstate-plugin.h"

#include <stdio.h>
#include <string.h>


/* What the unit has recorded so far. */
static json_t *registrations, *functions, *data, *unknowns;

static hash_set<tree> *recorded;         /* functions and objects already in the fragment */
static hash_set<tree> *seen_functions;   /* bodies seen but not recorded (yet) */
static hash_set<tree> *wanted;           /* referenced before their definition was seen */
static hash_map<tree, bool> *class_struct_cache;
static vec<tree> queue;                  /* to translate, in order */
static bool draining;


static void
note_unknown (const char *why, location_t loc, const char *context)
{
	vx_list_unknown (unknowns, loc, context, why);
}

static void
enqueue (tree decl)
{
	if (recorded->add (decl))
		return;
	queue.safe_push (decl);
}

static bool
is_vmstate_record (tree type)
{
	return vx_struct_named (type, "VMStateDescription")
	       || vx_struct_named (type, "VMStateInfo");
}

static void
want_data (tree var)
{
	if (TREE_CODE (var) != VAR_DECL || DECL_EXTERNAL (var) || !TREE_STATIC (var))
		return;
	/* The core records these; the IR refers to them by symbol. */
	if (is_vmstate_record (TREE_TYPE (var)))
		return;
	if (DECL_INITIAL (var) && DECL_INITIAL (var) != error_mark_node)
		enqueue (var);
	else
		wanted->add (var);
}

static void
want_function (tree fndecl)
{
	if (TREE_CODE (fndecl) != FUNCTION_DECL || recorded->contains (fndecl))
		return;
	if (seen_functions->contains (fndecl) && DECL_SAVED_TREE (fndecl))
		enqueue (fndecl);
	else
		wanted->add (fndecl);
}

/* The value of enumerator NAME in enum TYPE, or NULL. */
static tree
enumerator_value (tree type, const char *name)
{
	if (!type || TREE_CODE (type) != ENUMERAL_TYPE)
		return NULL_TREE;
	for (tree v = TYPE_VALUES (type); v; v = TREE_CHAIN (v)) {
		if (!id_equal (TREE_PURPOSE (v), name))
			continue;
		tree value = TREE_VALUE (v);
		return TREE_CODE (value) == CONST_DECL ? DECL_INITIAL (value) : value;
	}
	return NULL_TREE;
}

/* register_module_init(FN, MODULE_INIT_QOM): a QOM registration of FN. */
static void
check_registration (tree call)
{
	tree callee = get_callee_fndecl (call);
	if (call_expr_nargs (call) != 2)
		return;
	tree args = TYPE_ARG_TYPES (TREE_TYPE (callee));
	tree kind_type = args && TREE_CHAIN (args) ? TREE_VALUE (TREE_CHAIN (args)) : NULL_TREE;
	tree qom = enumerator_value (kind_type, "MODULE_INIT_QOM");
	tree kind = CALL_EXPR_ARG (call, 1);
	STRIP_NOPS (kind);
	if (!qom || TREE_CODE (kind) != INTEGER_CST || !tree_int_cst_equal (kind, qom))
		return;
	tree fn = CALL_EXPR_ARG (call, 0);
	STRIP_NOPS (fn);
	location_t loc = EXPR_LOCATION (call);
	if (TREE_CODE (fn) != ADDR_EXPR || TREE_CODE (TREE_OPERAND (fn, 0)) != FUNCTION_DECL) {
		note_unknown ("QOM module-init function is not a function's address", loc,
			      "register_module_init");
		return;
	}
	fn = TREE_OPERAND (fn, 0);
	json_array_append_new (registrations, json_pack ("{s:o, s:o}",
							 "function", vx_symbol_json (fn),
							 "loc", vx_loc_json (loc)));
	want_function (fn);
}

static const struct qom_ir_sink sink = {
	want_data, want_function, note_unknown,
};

/* ObjectClass, or a struct whose first member is a class struct. */
static bool
is_class_struct (tree type, int depth)
{
	if (!type || TREE_CODE (type) != RECORD_TYPE || depth > 16)
		return false;
	type = TYPE_MAIN_VARIANT (type);
	if (bool *cached = class_struct_cache->get (type))
		return *cached;
	const char *name = vx_type_name (type);
	bool result = name && strcmp (name, "ObjectClass") == 0;
	if (!result) {
		tree f = TYPE_FIELDS (type);
		while (f && TREE_CODE (f) != FIELD_DECL)
			f = DECL_CHAIN (f);
		result = f && is_class_struct (TREE_TYPE (f), depth + 1);
	}
	class_struct_cache->put (type, result);
	return result;
}

static bool
is_class_pointer (tree type)
{
	return type && POINTER_TYPE_P (type) && is_class_struct (TREE_TYPE (type), 0);
}

/* Rule 1: the signature mentions a class pointer. */
static bool
selected_by_signature (tree fndecl)
{
	for (tree p = DECL_ARGUMENTS (fndecl); p; p = DECL_CHAIN (p))
		if (is_class_pointer (TREE_TYPE (p)))
			return true;
	return is_class_pointer (TREE_TYPE (TREE_TYPE (fndecl)));
}

/* Rules 2 and 3, and QOM registrations, from one walk over the body. */
static tree
scan_body (tree *tp, int *walk_subtrees, void *selected_p)
{
	bool *selected = (bool *) selected_p;
	tree t = *tp;
	switch (TREE_CODE (t)) {
	case CALL_EXPR: {
		tree callee = get_callee_fndecl (t);
		if (!callee || !DECL_NAME (callee))
			break;
		/* Names are compared as text: identifier nodes made before a precompiled
		 * header is read are not the ones the header's declarations use. */
		const char *name = IDENTIFIER_POINTER (DECL_NAME (callee));
		if (!strcmp (name, "type_register") || !strcmp (name, "type_register_static")
		    || !strcmp (name, "type_register_static_array")
		    || !strcmp (name, "type_register_internal"))
			*selected = true;
		else if (!strcmp (name, "register_module_init")
			 || !strcmp (name, "register_dso_module_init"))
			check_registration (t);
		break;
	}
	case MODIFY_EXPR:
	case INIT_EXPR: {
		if (qom_is_vmsd_store (TREE_OPERAND (t, 0)))
			*selected = true;
		break;
	}
	case VAR_DECL:
		if (vx_struct_named (TREE_TYPE (t), "TypeInfo"))
			*selected = true;
		break;
	default:
		if (TYPE_P (t))
			*walk_subtrees = 0;
		break;
	}
	return NULL_TREE;
}

/* "TypeInfo", "E1000Info[3]" or "T[]" for a DATA object of TYPE. */
static json_t *
data_type_json (tree type)
{
	bool array = TREE_CODE (type) == ARRAY_TYPE;
	const char *name = vx_type_name (array ? TREE_TYPE (type) : type);
	if (!name)
		name = "?";
	if (!array)
		return vx_json_string (name);
	tree domain = TYPE_DOMAIN (type);
	char *text;
	if (domain && TYPE_MAX_VALUE (domain) && tree_fits_shwi_p (TYPE_MAX_VALUE (domain)))
		text = xasprintf ("%s[%ld]", name,
				  (long) tree_to_shwi (TYPE_MAX_VALUE (domain)) + 1);
	else
		text = xasprintf ("%s[]", name);
	json_t *j = vx_json_string (text);
	free (text);
	return j;
}

static void
drain_queue (void)
{
	if (draining)
		return;
	draining = true;
	for (unsigned i = 0; i < queue.length (); i++) {
		tree decl = queue[i];
		if (TREE_CODE (decl) == FUNCTION_DECL) {
			json_array_append_new (functions, qom_ir_function (decl, &sink));
			continue;
		}
		json_t *init = qom_ir_initializer (DECL_INITIAL (decl), vx_symbol (decl), &sink);
		json_t *d = json_pack ("{s:o, s:s, s:o, s:o, s:o}",
				       "symbol", vx_symbol_json (decl),
				       "linkage", vx_linkage (decl),
				       "loc", vx_loc_json (DECL_SOURCE_LOCATION (decl)),
				       "type", data_type_json (TREE_TYPE (decl)), "init", init);
		json_array_append_new (data, d);
	}
	queue.truncate (0);
	draining = false;
}

static void
on_pre_genericize (void *gcc_data, void *)
{
	tree fndecl = (tree) gcc_data;
	if (!fndecl || TREE_CODE (fndecl) != FUNCTION_DECL || !DECL_SAVED_TREE (fndecl)
	    || recorded->contains (fndecl))
		return;
	bool selected = wanted->contains (fndecl) || selected_by_signature (fndecl);
	bool by_body = false;
	walk_tree_without_duplicates (&DECL_SAVED_TREE (fndecl), scan_body, &by_body);
	if (selected || by_body)
		enqueue (fndecl);
	else
		seen_functions->add (fndecl);
	drain_queue ();
}

static void
on_finish_decl (void *gcc_data, void *)
{
	tree decl = (tree) gcc_data;
	if (!decl || TREE_CODE (decl) != VAR_DECL || !TREE_STATIC (decl)
	    || DECL_EXTERNAL (decl) || !DECL_INITIAL (decl)
	    || DECL_INITIAL (decl) == error_mark_node)
		return;
	if (wanted->contains (decl) || vx_struct_named (TREE_TYPE (decl), "TypeInfo")) {
		enqueue (decl);
		drain_queue ();
	}
}


bool
qom_plugin_init (const char *plugin_name)
{
	registrations = json_array ();
	functions = json_array ();
	data = json_array ();
	unknowns = json_array ();
	recorded = new hash_set<tree>;
	seen_functions = new hash_set<tree>;
	wanted = new hash_set<tree>;
	class_struct_cache = new hash_map<tree, bool>;
	if (!registrations || !functions || !data || !unknowns) {
		fprintf (stderr, "%s: error: out of memory\n", plugin_name);
		return false;
	}
	register_callback (plugin_name, PLUGIN_PRE_GENERICIZE, on_pre_genericize, NULL);
	register_callback (plugin_name, PLUGIN_FINISH_DECL, on_finish_decl, NULL);
	return true;
}

json_t *
qom_unit_json (void)
{
	if (!registrations)
		return json_pack ("{s:[], s:[], s:[], s:[]}", "registrations", "functions",
				  "data", "unknowns");
	drain_queue ();
	return json_pack ("{s:O, s:O, s:O, s:O}", "registrations", registrations,
			  "functions", functions, "data", data, "unknowns", unknowns);
}
