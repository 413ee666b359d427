/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The reference rules in one direction (vmstate-check in process, checker/check/vmcheck.h),
 * with the waivers, printing the report, and the totals of vmstate-diff. */
#ifndef VD_VERDICT_H
#define VD_VERDICT_H

#include "util.h"

struct vd_waivers;
struct vw_set;
/* Loads FILE; dies with the loader's one-line error. */
struct vd_waivers *vd_waivers_load(const char *file);
/* The records, for the wire model (checker/wire/wire.h). */
struct vw_set *vd_waivers_set(struct vd_waivers *waivers);

/* One direction's report. */
struct vd_check {
	struct vd_strv lines;   /* the checker's report: its lines left after waivers */
	struct vd_strv waived;  /* "(waived by FILE:LINE) line" */
	int problems;           /* counted problems left */
};

/* The checker's report from dump FROM to dump TO (vmstate-check -s FROM -d TO), less the
 * waived messages; dies when a dump cannot be checked.  MARK_OTHER_WAY: also mark the
 * waivers that match the other way (when only one direction is checked), so that a
 * waiver is stale only when neither direction uses it. */
void vd_check_run(const char *from, const char *to, struct vd_waivers *waivers,
		  bool mark_other_way, struct vd_check *r);
/* "== HEADING", then the lines (with -v, the waived ones too). */
void vd_check_print(const char *heading, const struct vd_check *r);
void vd_check_free(struct vd_check *r);

/* Totals over the checks of a run. */
struct vd_verdict {
	int problems[2];    /* forward, backward */
	int waived;
};
void vd_verdict_add(struct vd_verdict *v, int direction, const struct vd_check *r);
/* Appends " forward N problems, backward M problems" (the directions checked). */
void vd_verdict_counts(struct strbuf *b, const int problems[2], bool forward, bool backward);
/* Reports stale waivers and prints "== vmstate-diff:PREFIX counts[; waivers]"; returns the
 * exit status. */
int vd_verdict_finish(const struct vd_verdict *v, struct vd_waivers *waivers, const char *prefix,
		      bool forward, bool backward);

#endif
