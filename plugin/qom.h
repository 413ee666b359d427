/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM recorder's interface to the plugin core (see docs/fragment-qom.md).
 * The core calls qom_plugin_init() from plugin_init() and qom_unit_json() once per
 * translation unit, when it writes the fragment. */
#ifndef VMSTATE_PLUGIN_QOM_H
#define VMSTATE_PLUGIN_QOM_H

#include "gcc-compat.h"

/* Registers the recorder's own GCC callbacks.  Returns false after printing an error
 * when it cannot. */
bool qom_plugin_init (const char *plugin_name);

/* The unit's "qom" object (a new reference); never NULL. */
json_t *qom_unit_json (void);

#endif
