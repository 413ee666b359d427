/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The migration rules of the reference checker, applied in its order with its messages.
 * A run never stops early except by vc_fail(), where the reference raises. */
#ifndef VMSTATE_CHECK_RULES_H
#define VMSTATE_CHECK_RULES_H

#include "../common/arena.h"
#include "../common/strbuf.h"
#include "vc_value.h"
#include "../waiver/waiver.h"

struct vmc_run {
	struct strbuf *out;      /* the report */
	int problems;            /* capped at 255, like the exit status */
	struct vw_set *waivers;  /* accepted differences (--waivers), or NULL */
	size_t waived;           /* messages left out because a waiver matched them */
};

/* Checks migration from dump SRC to dump DEST (both of dump shape); returns the count.
 * Resets the view arena (vc_views_reset) between sections. */
int vmc_compare_dumps(struct vmc_run *run, const struct vc_doc *src, const struct vc_doc *dest);

#endif
