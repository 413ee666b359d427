/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GCC headers the QOM recorder needs, and the few differences between GCC versions it
 * meets.  Kept apart from the core's gcc-compat.h so each file has one owner. */
#ifndef VMSTATE_PLUGIN_QOM_COMPAT_H
#define VMSTATE_PLUGIN_QOM_COMPAT_H

/* jansson first: GCC's options.h defines macros that clash with its prototypes. */
#include <jansson.h>
#include "gcc-plugin.h"
#include "tree.h"
#include "tree-iterator.h"
#include "stringpool.h"
#include "c-family/c-common.h"
#include "diagnostic-core.h"
#include "hash-set.h"
#include "hash-map.h"

#endif
