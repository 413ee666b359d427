/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A side's build directory: the user's configure command (in the background, both sides
 * at once) and compilation-database command, with the side described in $VMSTATE_*. */
#ifndef VD_CONFIGURE_H
#define VD_CONFIGURE_H

#include "side.h"

/* Sets $VMSTATE_SRC, $VMSTATE_BUILD, $VMSTATE_REV and $VMSTATE_SIDE for S. */
void vd_side_env(const struct vd_side *s);
/* Starts the configure command in S's build directory unless it ran there already with
 * the same command (another command starts from an empty directory). */
void vd_configure_start(const struct vd_options *o, struct vd_side *s);
/* Waits for it; dies with the end of its log when it fails. */
void vd_configure_wait(const struct vd_options *o, struct vd_side *s);
/* Runs the --compdb-cmd, which writes COMPDB. */
void vd_make_compdb(const struct vd_options *o, struct vd_side *s, const char *compdb);

#endif
