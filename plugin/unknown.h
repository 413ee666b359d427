/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What the plugin could not evaluate: one UNKNOWN object in place of the value, the same
 * with its context in the unit's "unknowns" list, and a note under
 * -fplugin-arg-vmstate-verbose. */
#ifndef VMSTATE_PLUGIN_UNKNOWN_H
#define VMSTATE_PLUGIN_UNKNOWN_H

#include "gcc-compat.h"

/* Records that something at LOC (belonging to the symbol CONTEXT) could not be
 * evaluated, and returns the UNKNOWN object (a new reference) to put in its place. */
json_t *vx_unknown (location_t loc, const char *context, const char *fmt, ...)
	ATTRIBUTE_PRINTF_3;

/* True when V is an UNKNOWN object. */
bool vx_is_unknown (const json_t *v);

/* Lists WHY at LOC (belonging to CONTEXT) in LIST, or in the unit's "unknowns" when
 * LIST is NULL, and notes it under -fplugin-arg-vmstate-verbose: what every unknown of
 * the fragment goes through (the QOM IR's own nodes too). */
void vx_list_unknown (json_t *list, location_t loc, const char *context, const char *why);

/* The unit's "unknowns" array (a new reference). */
json_t *vx_unit_unknowns (void);

#endif
