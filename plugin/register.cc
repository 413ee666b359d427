// SPDX-License-Identifier: GPL-2.0-or-later
// Finds the calls of vmstate_register, vmstate_register_any,
// vmstate_register_with_alias_id and the like: see register.h.
#include "register.h"
#include "vmsd.h"
#include "tree-eval.h"
#include "unknown.h"

#include <string.h>

static json_t *unit_registers;

/* True when NAME is one of the family's: vmstate_register*, and QEMU's
 * vmstate_replace_hack_for_ppc, which unregisters and registers again. */
static bool
family_name (const char *name)
{
	return strncmp (name, "vmstate_register", 16) == 0
	       || strcmp (name, "vmstate_replace_hack_for_ppc") == 0;
}

/* The index of FNDECL's parameter that is a pointer to a VMStateDescription when it
 * is of the family, else -1. */
static int
description_parameter (tree fndecl)
{
	if (!fndecl || !DECL_NAME (fndecl)
	    || !family_name (IDENTIFIER_POINTER (DECL_NAME (fndecl))))
		return -1;
	int i = 0;
	for (tree arg = TYPE_ARG_TYPES (TREE_TYPE (fndecl)); arg && arg != void_list_node;
	     arg = TREE_CHAIN (arg), i++) {
		tree type = TREE_VALUE (arg);
		if (POINTER_TYPE_P (type)
		    && vx_type_named (TREE_TYPE (type), "VMStateDescription"))
			return i;
	}
	return -1;
}

/* The parameter type of argument I of FNDECL. */
static tree
parameter_type (tree fndecl, int i)
{
	tree arg = TYPE_ARG_TYPES (TREE_TYPE (fndecl));
	while (arg && i-- > 0)
		arg = TREE_CHAIN (arg);
	return arg ? TREE_VALUE (arg) : NULL_TREE;
}

/* The instance id: the integer argument before the description (vmstate_register's
 * instance_id), "any" for VMSTATE_INSTANCE_ID_ANY (-1, in the parameter's type) or
 * when the function has none (vmstate_register_any), else an UNKNOWN. */
static json_t *
instance_id (tree call, tree fndecl, int vmsd_index, const char *caller, location_t loc)
{
	for (int i = vmsd_index - 1; i >= 0; i--) {
		tree type = parameter_type (fndecl, i);
		if (!type || !INTEGRAL_TYPE_P (type))
			continue;
		tree value = fold (fold_convert (type, CALL_EXPR_ARG (call, i)));
		long long id;
		if (TREE_CODE (value) == INTEGER_CST && integer_all_onesp (value))
			return vx_json_string ("any");
		if (vx_int (value, &id))
			return json_integer (id);
		return vx_unknown (loc, caller, "the instance id is not a constant");
	}
	return vx_json_string ("any");
}

static tree
find_registrations (tree *tp, int *walk_subtrees, void *caller_decl)
{
	tree t = *tp;
	if (TYPE_P (t)) {
		*walk_subtrees = 0;
		return NULL_TREE;
	}
	if (TREE_CODE (t) != CALL_EXPR)
		return NULL_TREE;
	tree fndecl = get_callee_fndecl (t);
	int vmsd_index = description_parameter (fndecl);
	if (vmsd_index < 0 || vmsd_index >= call_expr_nargs (t))
		return NULL_TREE;
	const char *caller = vx_symbol ((tree) caller_decl);
	location_t loc = EXPR_LOCATION (t);
	if (loc == UNKNOWN_LOCATION)
		loc = DECL_SOURCE_LOCATION ((tree) caller_decl);
	json_t *r = json_object ();
	json_object_set_new (r, "function", vx_symbol_json (fndecl));
	json_object_set_new (r, "caller", vx_json_string (caller));
	json_object_set_new (r, "loc", vx_loc_json (loc));
	json_object_set_new (r, "vmsd",
			     vmsd_reference (CALL_EXPR_ARG (t, vmsd_index), caller, loc));
	json_object_set_new (r, "instance_id",
			     instance_id (t, fndecl, vmsd_index, caller, loc));
	if (!unit_registers)
		unit_registers = json_array ();
	json_array_append_new (unit_registers, r);
	return NULL_TREE;
}

void
register_scan_function (tree fndecl)
{
	/* A function of the family forwards its own parameter: the call that matters is
	 * its caller's. */
	if (!fndecl || !DECL_SAVED_TREE (fndecl) || description_parameter (fndecl) >= 0)
		return;
	walk_tree_without_duplicates (&DECL_SAVED_TREE (fndecl), find_registrations, fndecl);
}

json_t *
register_unit_json (void)
{
	if (!unit_registers)
		unit_registers = json_array ();
	return json_incref (unit_registers);
}
