/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one place that knows which GCC the plugin is built for: it includes GCC's plugin
 * headers in the order they need and hides the differences between GCC 11 and 12.
 * Every plugin source includes this instead of GCC headers. */
#ifndef VMSTATE_PLUGIN_GCC_COMPAT_H
#define VMSTATE_PLUGIN_GCC_COMPAT_H

/* System and library headers first: GCC's system.h poisons malloc & co. */
#include <jansson.h>

#include "gcc-plugin.h"
#include "tree.h"
#include "cgraph.h"
#include "stringpool.h"
#include "diagnostic-core.h"
#include "fold-const.h"
#include "toplev.h"
#include "langhooks.h"
#include "diagnostic.h"

#include "bversion.h"
#if BUILDING_GCC_MAJOR < 11 || BUILDING_GCC_MAJOR > 12
#error "vmstate.so supports GCC 11 and 12 only"
/* True when -Werror turns warnings into errors. */
static inline bool
vx_warnings_are_errors (void)
{
	return global_dc->warning_as_error_requested;
}

#endif

/* C front-end trees that the plugin reads without including the C front end's headers. */
#define VX_COMPOUND_LITERAL_DECL(node) \
	(DECL_EXPR_DECL (TREE_OPERAND ((node), 0)))

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
	return global_dc->warning_as_error_requested;
}

#endif
