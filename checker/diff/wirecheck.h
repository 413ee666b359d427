/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The wire model (checker/wire, docs/wire-rules.md) over one pair of extended dumps, for
 * vmstate-diff's default mode: the report as the wire library renders it, and the
 * findings as keys for --each. */
#ifndef VD_WIRECHECK_H
#define VD_WIRECHECK_H

#include "util.h"

struct vw_set;

struct vd_wire {
	int format;        /* the wire library's formats: 0 text, 1 json, 2 sarif, 3 gitlab */
	bool show_benign;  /* --benign */
	int direction;     /* 0 both, 1 forward (old to new), 2 backward */
	struct vw_set *waivers;  /* --waivers, or NULL: matched in every comparison */
};

/* Writes the report of OLD -> NEW to standard output; returns the wire library's exit
 * status (VMW_EXIT_*).  Dies when a dump cannot be compared. */
int vd_wire_print(const struct vd_wire *w, const char *old_dump, const char *new_dump);

/* Appends one key per finding shown and not waived (with PREFIX, and no source place:
 * the place of a finding moves with unrelated lines), "PREFIX[vmstate-KIND] SEVERITY:
 * MESSAGE". */
void vd_wire_keys(const struct vd_wire *w, const char *old_dump, const char *new_dump,
		  const char *prefix, struct vd_strv *keys);

/* After the last comparison: the waivers that matched nothing, on standard error. */
void vd_wire_report_stale(const struct vd_wire *w);

/* "incompatible", "review needed" or "compatible", for a wire exit status. */
const char *vd_wire_status_name(int status);

#endif
