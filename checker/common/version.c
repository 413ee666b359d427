/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "version.h"
#include "fileio.h"

#include <stdio.h>

int print_version(const char *tool)
{
	printf("%s (vmstate-plugin) %s\n", tool, VMSTATE_PLUGIN_VERSION);
	return finish_stdout(0);
}
