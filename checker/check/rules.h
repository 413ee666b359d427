/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The migration rules of the reference checker, applied in its order with its messages
 * (the templates of checker/common/findings.h).  A run never stops early except by
 * vc_fail(), where the reference raises. */
#ifndef VMSTATE_CHECK_RULES_H
#define VMSTATE_CHECK_RULES_H

#include "renames.h"
#include "vc_value.h"
#include "../common/arena.h"
#include "../common/findings.h"
#include "../common/strbuf.h"
#include "../waiver/waiver.h"

/* One finding as data.  Names are NULL where the message names none; a name holding a
 * NUL byte is "\n" (no waiver can spell it). */
struct vmc_finding {
	enum finding_kind kind;
	const char *section;
	const char *description;
	const char *field;     /* the field, subsection or entry */
	const char *other[2];  /* {G} and {H}: the name found instead; the machine types */
	const char *text;      /* its line of the report, without the newline; NUL-terminated,
				* but it may hold NUL bytes itself (names with \u0000) */
	size_t text_len;
	long waiver;           /* the waiver that accepted it (index in the set), or -1 */
};

struct vmc_run {
	struct strbuf *out;      /* the report */
	int problems;            /* capped at 255, like the exit status */
	struct vw_set *waivers;  /* accepted differences (--waivers), or NULL */
	size_t waived;           /* messages left out because a waiver matched them */
	enum vmc_renames renames;  /* the rename tables of this release (default: newest) */
	/* With keep_findings, every finding (waived ones and the warning too, not the
	 * dangling prefix) is also kept here, its strings in finding_arena. */
	bool keep_findings;
	struct vmc_finding *findings;
	size_t n_findings, cap_findings;
	struct arena finding_arena;
};

/* Checks migration from dump SRC to dump DEST (both of dump shape); returns the count.
 * Resets the view arena (vc_views_reset) between sections. */
int vmc_compare_dumps(struct vmc_run *run, const struct vc_doc *src, const struct vc_doc *dest);

#endif
