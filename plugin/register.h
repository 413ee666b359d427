/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Calls that register a description outside the object model (vmstate_register and its
 * family): the fragment's top-level "registers" (docs/fragment-format.md). */
#ifndef VMSTATE_PLUGIN_REGISTER_H
#define VMSTATE_PLUGIN_REGISTER_H

#include "gcc-compat.h"

/* PLUGIN_PRE_GENERICIZE: records the family's calls in the body of FNDECL. */
void register_scan_function (tree fndecl);

/* The unit's "registers" array (a new reference). */
json_t *register_unit_json (void);

#endif
