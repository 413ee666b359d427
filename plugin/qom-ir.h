/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Translation of GENERIC function bodies and static initializers into the QOM IR of
 * docs/fragment-qom.md.  Used by qom.cc, which decides what to record. */
#ifndef VMSTATE_PLUGIN_QOM_IR_H
#define VMSTATE_PLUGIN_QOM_IR_H

#include "tree-eval.h"

/* What a translation reports back to the recorder. */
struct qom_ir_sink {
	/* A static object the IR references (by address or value). */
	void (*want_data)(tree var);
	/* A function the IR calls directly (FUNCTION_DECL). */
	void (*want_function)(tree fndecl);
	/* Something could not be translated: WHY at LOC, inside CONTEXT (a symbol). */
	void (*unknown)(const char *why, location_t loc, const char *context);
};

/* True when LHS is a member through which a class gets its migration state:
 * DeviceClass.vmsd, CPUClass.vmsd or CPUClass.sysemu_ops. */
bool qom_is_vmsd_store (tree lhs);

/* The FUNCTION object for FNDECL (its body as IR). */
json_t *qom_ir_function (tree fndecl, const struct qom_ir_sink *sink);
/* The E of a static initializer, for DATA objects; CONTEXT names the object. */
json_t *qom_ir_initializer (tree init, const char *context,
			    const struct qom_ir_sink *sink);

#endif
