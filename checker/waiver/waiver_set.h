/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Inside the waiver library: one record of a waiver file, and the set.  waiver.c
 * matches them, waiver_file.c reads and writes the file format. */
#ifndef VMSTATE_WAIVER_SET_H
#define VMSTATE_WAIVER_SET_H

#include "waiver.h"


struct waiver {
	enum finding_family family;   /* waive: reference kinds; waive-wire: wire kinds */
	finding_mask kinds;           /* of its family only */
	/* NULL: any.  Shell patterns (fnmatch) in format 2, exact names in format 1. */
	char *section, *description, *field, *other;
	char *change_from, *change_to;  /* change="FROM -> TO" (a rename, either way) */
	char *reason;
	char *where;                  /* FILE:LINE */
	bool patterns;
	bool applicable;              /* its section pattern met a section of the run */
	unsigned long used;
};

/* Whether a record can accept a message of KIND: a counted reference message, or any
 * wire finding (its severity decides whether it counts). */
static inline bool vw_waivable(int kind)
{
	return kind >= 0 && kind < FINDING_KIND_COUNT &&
	       (finding_kinds[kind].family == FINDING_WIRE || finding_kinds[kind].counted);
}

struct vw_set {
	struct waiver *w;
	size_t n, cap;
	bool sections_noted;          /* vw_note_section was called */
};

#endif
