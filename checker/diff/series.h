/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-diff --each BASE..TIP: each commit of a series checked against its parent (the
 * dumps made one after the other in one worktree, through the fragment cache), and each
 * finding against BASE traced to the commit that brings it and the one that removes it. */
#ifndef VD_SERIES_H
#define VD_SERIES_H

#include "side.h"

struct vd_waivers;
struct vd_wire;

struct vd_series {
	const char *range;     /* BASE..TIP */
	struct vd_waivers *waivers;
	const char *machine;
	bool forward, backward;
	const struct vd_wire *wire;  /* the wire model's options; NULL: --reference */
};

/* Returns the exit status: with --reference 1 when a commit has problems against its
 * parent; in the wire mode the wire bits of every commit against its parent. */
int vd_series_run(const struct vd_options *o, struct vd_cache *c, const struct vd_series *a);

#endif
