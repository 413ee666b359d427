/* SPDX-License-Identifier: GPL-2.0-or-later */
/* ninja build directories: the units linked into each target (`ninja -t inputs`), the
 * generated files they need (`ninja -t query`), and building just those. */
#ifndef VD_NINJA_H
#define VD_NINJA_H

#include "side.h"

/* Fills IN_SET[t][i]: unit i of DB is linked into target t (every C-like unit of the
 * build directory when no target is given), and PREREQS: the generated files (relative
 * to the build directory) that the units read.  The plan is kept in the side's slot
 * until build.ninja changes. */
void vd_ninja_plan(const struct vd_options *o, struct vd_side *s, const struct vd_compdb *db,
		   bool **in_set, struct vd_strv *prereqs);

/* Builds PREREQS; true when build.ninja changed meanwhile (then plan again). */
bool vd_ninja_prepare(const struct vd_options *o, struct vd_side *s, struct vd_strv *prereqs);

#endif
