/* SPDX-License-Identifier: GPL-2.0-or-later */
/* --version of every tool: one line "TOOL (vmstate-plugin) VERSION" on standard output,
 * as GNU tools print it.  VERSION is the project's one version, VMSTATE_PLUGIN_VERSION,
 * defined once in plugin/vmstate-plugin.h (the plugin writes it into each fragment).
 *
 * print_version() returns the exit status for the caller to exit with: 0, or the
 * internal status after an error when standard output cannot be written. */
#ifndef VMSTATE_COMMON_VERSION_H
#define VMSTATE_COMMON_VERSION_H

#include <stdbool.h>

#include "../../plugin/vmstate-plugin.h"

int print_version(const char *tool);

#endif
