/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Translation of GENERIC function bodies and static initializers into the QOM IR of
 * docs/fragment-qom.md.  Used by qom.cc, which decides what to record. */
#ifndef VMSTATE_PLUGIN_QOM_IR_H
#define VMSTATE_PLUGIN_QOM_IR_H

#include "qom-compat.h"
#include <jansson.h>

/* What a translation reports back to the recorder. */
struct qom_ir_sink {
	/* A static object the IR references (by address or value). */
	void (*want_data)(tree var);
	/* A function the IR calls directly (FUNCTION_DECL). */
	void (*want_function)(tree fndecl);
	/* register_module_init(FN, MODULE_INIT_QOM) was seen at LOC. */
	void (*registration)(tree fndecl, location_t loc);
	/* Something could not be translated: WHY at LOC, inside CONTEXT (a symbol). */
	void (*unknown)(const char *why, location_t loc, const char *context);
};

/* "FILE:LINE:COL" (a new JSON string); "" parts when LOC is unknown. */
json_t *qom_loc_json(location_t loc);
/* The symbol of a variable or function: its assembler name. */
const char *qom_symbol(tree decl);
/* The tag or typedef name of a struct type, or NULL. */
const char *qom_struct_name(tree type);
/* True when TYPE, stripped of arrays and qualifiers, is the struct named NAME. */
bool qom_type_is_struct(tree type, const char *name);

/* The FUNCTION object for FNDECL (its body as IR). */
json_t *qom_ir_function(tree fndecl, const struct qom_ir_sink *sink);
/* The E of a static initializer, for DATA objects; CONTEXT names the object. */
json_t *qom_ir_initializer(tree init, const char *context,
			   const struct qom_ir_sink *sink);

#endif
