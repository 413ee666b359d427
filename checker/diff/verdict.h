/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Running vmstate-check in one direction, applying waivers to its report, and the
 * final verdict of vmstate-diff. */
#ifndef VD_VERDICT_H
#define VD_VERDICT_H

#include "side.h"
#include "../waiver/waiver.h"

struct vd_verdict {
	int problems[2];    /* forward, backward: counted problems left after waivers */
	int waived;
	bool failed;
};

struct vd_waivers;
/* Loads FILE; dies with the loader's one-line error. */
struct vd_waivers *vd_waivers_load(const char *file);

void vd_check_direction(const char *check, const char *name, const struct vd_side *from,
			const struct vd_side *to, struct vd_waivers *waivers, const char *state,
			struct vd_verdict *v);
/* Reports stale waivers and the totals; returns the exit status. */
int vd_verdict_finish(struct vd_verdict *v, struct vd_waivers *waivers, bool forward,
		      bool backward);

#endif
