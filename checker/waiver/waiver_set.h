/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Inside the waiver library: one record of a waiver file, and the set.  waiver.c
 * matches them, waiver_file.c reads and writes the file format. */
#ifndef VMSTATE_WAIVER_SET_H
#define VMSTATE_WAIVER_SET_H

#include "waiver.h"

#include <stdint.h>

struct waiver {
	uint32_t kinds;               /* bit K: kind K (findings.h) */
	/* NULL: any.  Shell patterns (fnmatch) in format 2, exact names in format 1. */
	char *section, *description, *field, *other;
	char *change_from, *change_to;  /* change="FROM -> TO" (a rename, either way) */
	char *reason;
	char *where;                  /* FILE:LINE */
	bool patterns;
	bool applicable;              /* its section pattern met a section of the run */
	unsigned long used;
};

struct vw_set {
	struct waiver *w;
	size_t n, cap;
	bool sections_noted;          /* vw_note_section was called */
};

#endif
