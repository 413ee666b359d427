// SPDX-License-Identifier: GPL-2.0-or-later
// The unit's list of unknowns: see unknown.h.
#include "unknown.h"
#include "tree-eval.h"
#include "vmstate-plugin.h"

static json_t *unit_unknowns;

json_t *
vx_unknown (location_t loc, const char *context, const char *fmt, ...)
{
	va_list ap;
	va_start (ap, fmt);
	char *what = xvasprintf (fmt, ap);
	va_end (ap);

	json_t *unknown = json_object ();
	json_object_set_new (unknown, "unknown", vx_json_string (what));
	json_object_set_new (unknown, "loc", vx_loc_json (loc));

	json_t *listed = json_deep_copy (unknown);
	json_object_set_new (listed, "context",
			     context ? vx_json_string (context) : json_null ());
	if (!unit_unknowns)
		unit_unknowns = json_array ();
	json_array_append_new (unit_unknowns, listed);

	if (vx_options.verbose)
		inform (loc, "vmstate: %s in %qs; recorded as unknown", what,
			context ? context : "?");
	free (what);
	return unknown;
}

json_t *
vx_unit_unknowns (void)
{
	if (!unit_unknowns)
		unit_unknowns = json_array ();
	return json_incref (unit_unknowns);
}
