/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Compiling with the plugin (-fsyntax-only) the units whose fragments the cache lacks,
 * in parallel, with precompiled headers when asked; a failure is shown with the user's
 * paths.  An interrupted run removes its temporary directory. */
#ifndef VD_COMPILE_H
#define VD_COMPILE_H

#include "side.h"

/* FRAG_OF[i] gets the cached fragment of each unit i of DB that SELECTED marks. */
void vd_compile_units(const struct vd_options *o, struct vd_cache *c, struct vd_side *s,
		      const struct vd_compdb *db, const bool *selected, char **frag_of);

/* Removes CACHE_DIR/tmp/PID of runs whose process is gone (killed before it could). */
void vd_compile_sweep_stale(const char *cache_dir);

#endif
