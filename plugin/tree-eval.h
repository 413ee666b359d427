/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Reading C initializers: types and members found by name, casts looked through,
 * constants, symbols and locations in the fragment's spelling. */
#ifndef VMSTATE_PLUGIN_TREE_EVAL_H
#define VMSTATE_PLUGIN_TREE_EVAL_H

#include "gcc-compat.h"

/* True when TYPE (any qualification or typedef of it) is a struct/union/enum whose tag
 * or typedef name is NAME. */
bool vx_type_named (tree type, const char *name);

/* The tag or typedef name of TYPE's main variant (else of TYPE itself), or NULL. */
const char *vx_type_name (tree type);

/* True when TYPE, arrays of it aside, is a struct named NAME (as vx_type_named). */
bool vx_struct_named (tree type, const char *name);

/* T without the conversions that do not change its value (casts, NOP/CONVERT_EXPR,
 * NON_LVALUE_EXPR, VIEW_CONVERT_EXPR). */
tree vx_strip_casts (tree t);

/* The value of the member named NAME in the struct CONSTRUCTOR CTOR; NULL_TREE with
 * *PRESENT false when the initializer leaves it out (C makes it zero). */
tree vx_member (tree ctor, const char *name, bool *present);

/* The FIELD_DECL named NAME of record type TYPE, or NULL_TREE. */
tree vx_field (tree type, const char *name);

/* T folded to an integer constant; false when it is not one. */
bool vx_int (tree t, long long *value);

/* The decl's symbol as the fragment spells it (its assembler name, or FUNCTION.NAME
 * for a static inside a function): the one spelling of the whole fragment. */
const char *vx_symbol (tree decl);

/* vx_symbol as a JSON string (through vx_json_string). */
json_t *vx_symbol_json (tree decl);

/* "global" or "static". */
const char *vx_linkage (tree decl);

/* "FILE:LINE:COL" as a new JSON string ("SOURCE:0:0" where GCC keeps no place). */
json_t *vx_loc_json (location_t loc);

/* The one way the plugin turns text into a JSON string: bytes that are not well-formed
 * UTF-8, and the code points U+EF80..U+EFFF, become U+EF00 + byte, so that the mapping
 * is deterministic and can be undone (fragment-format.md, "Strings"). */
json_t *vx_json_string (const char *s);

/* The C string that T points to: *OUT is NULL for a null pointer.  False when T is not a
 * string constant or a pointer to one. */
bool vx_string (tree t, const char **out);

#endif
