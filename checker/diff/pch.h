/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Precompiled headers for one round of -fsyntax-only compilations (--pch HEADER).
 *
 * Units with the same compiler options share one precompiled HEADER, the header every
 * unit includes first (QEMU: qemu/osdep.h, which brings in glib and the system headers):
 * that saves most of the parsing the plugin does not need.  GCC itself checks that a
 * precompiled header fits a compilation and reads the header when it does not, and the
 * plugin's facts come from the unit's own declarations, so the fragments are the same
 * (testsuite/diff/run-tests.sh compares them).  With -fpch-deps the unit's dependency
 * file still lists every header the precompiled one read. */
#ifndef VD_PCH_H
#define VD_PCH_H

#include "compdb.h"

struct vd_pch_group {
	char *include_dir;  /* holds HEADER.gch: given to the unit as the first -iquote */
	char *wrapper;      /* the header compiled: it includes HEADER */
	size_t units;
	bool ok;            /* built */
};

struct vd_pch {
	char *root;         /* every file made for the precompiled headers (NULL: none) */
	char *header;
	struct vd_pch_group *groups;
	size_t ngroups;
	long *group_of;     /* per unit: its group, -1 for none */
};

/* Groups the N units TUS by their options and builds, JOBS at a time under ROOT, the
 * precompiled HEADER of each group of two units or more.  A group whose header does not
 * build goes without (noted with -v). */
void vd_pch_build(struct vd_pch *p, const char *header, const char *root,
		  const struct vd_tu *const *tus, size_t n, unsigned jobs);

/* The unit's compile command ARGV with its group's header, when it has one. */
void vd_pch_use(const struct vd_pch *p, size_t unit, struct vd_strv *argv);

/* Whether the unit's compilation read its group's precompiled header rather than the
 * header: its DEPFILE then names the precompiled header's wrapper. */
bool vd_pch_was_used(const struct vd_pch *p, size_t unit, const char *depfile);

void vd_pch_free(struct vd_pch *p);

#endif
