/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one place that includes GCC's plugin headers, in the order they need, and hides
 * the differences between the GCC versions the plugin supports, 11 to 15
 * (docs/gcc-matrix.md; each difference is an #if BUILDING_GCC_MAJOR block here).
 * Every plugin source includes this (directly or through a plugin header) and no GCC
 * header itself: the guard below and the include check in plugin.mk enforce it. */
#ifndef VMSTATE_PLUGIN_GCC_COMPAT_H
#define VMSTATE_PLUGIN_GCC_COMPAT_H

#if defined (GCC_PLUGIN_H) || defined (GCC_TREE_H) || defined (GCC_SYSTEM_H)
#error "a GCC header was included before gcc-compat.h; include only gcc-compat.h"
#endif

/* System and library headers first: GCC's system.h poisons malloc & co, and GCC 11's
 * options.h defines macros that clash with jansson's prototypes. */
#include <jansson.h>

#include "gcc-plugin.h"
#include "plugin-version.h"
#include "tree.h"
#include "tree-iterator.h"
/* (c-common.h must come before diagnostic-core.h.) */
#include "c-family/c-common.h"
#include "cgraph.h"
#include "stringpool.h"
#include "diagnostic.h"
#include "fold-const.h"
#include "toplev.h"
#include "langhooks.h"
#include "hash-set.h"
#include "hash-map.h"

#include "bversion.h"
/* The GCCs of the matrix (make check-gcc GCC=N); a newer one is let in here once its
 * row passes. */
#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 15
#error "vmstate.so supports GCC 11 to 15"
#endif

/* Every string of the fragment goes through vx_json_string (tree-eval.cc, the one file
 * that defines VX_STRING_SANITIZER): jansson's own constructors are poisoned elsewhere. */
#ifndef VX_STRING_SANITIZER
#pragma GCC poison json_string json_stringn json_string_nocheck json_stringn_nocheck
#endif

/* The plugin's entry points (plugin_init, plugin_is_GPL_compatible): everything else is
 * built hidden (-fvisibility=hidden in plugin.mk). */
#define VX_VISIBLE __attribute__ ((visibility ("default")))

/* C front-end trees that the plugin reads without including the C front end's headers. */
#define VX_COMPOUND_LITERAL_DECL(node) \
	(DECL_EXPR_DECL (TREE_OPERAND ((node), 0)))

/* The GCC the plugin was built for (plugin-version.h's own static). */
static inline struct plugin_gcc_version *
vx_built_for (void)
{
	return &gcc_version;
}

/* GCC's random seed (the one -frandom-seed sets), as a number. */
static inline unsigned long long
vx_random_seed (void)
{
	return (unsigned long long) get_random_seed (false);
}

/* True when -Werror turns warnings into errors. */
static inline bool
vx_warnings_are_errors (void)
{
#if BUILDING_GCC_MAJOR >= 14
	/* GCC 14 made diagnostic_context's fields private. */
	return global_dc->warning_as_error_requested_p ();
#else
	return global_dc->warning_as_error_requested;
#endif
}

/* True when the front end compiling the unit is GCC's C or C++ one ("GNU C17",
 * "GNU C++14", ...): the trees the plugin reads are theirs. */
static inline bool
vx_front_end_is_c (void)
{
	return strncmp (lang_hooks.name, "GNU C", 5) == 0;
}

#endif
