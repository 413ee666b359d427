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
	vx_list_unknown (NULL, loc, context, what);
	free (what);
	return unknown;
}

bool
vx_is_unknown (const json_t *v)
{
	return json_is_object (v) && json_object_get (v, "unknown");
}

void
vx_list_unknown (json_t *list, location_t loc, const char *context, const char *why)
{
	json_t *listed = json_object ();
	json_object_set_new (listed, "unknown", vx_json_string (why));
	json_object_set_new (listed, "loc", vx_loc_json (loc));
	json_object_set_new (listed, "context",
			     context ? vx_json_string (context) : json_null ());
	if (!list) {
		if (!unit_unknowns)
			unit_unknowns = json_array ();
		list = unit_unknowns;
	}
	json_array_append_new (list, listed);
	if (vx_options.verbose)
		inform (loc, "vmstate: %s in %qs; recorded as unknown", why,
			context ? context : "?");
}

json_t *
vx_unit_unknowns (void)
{
	if (!unit_unknowns)
		unit_unknowns = json_array ();
	return json_incref (unit_unknowns);
}
