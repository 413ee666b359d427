/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writes the migration state of every device class in -dump-vmstate's layout. */
#ifndef VSRC_MIGRATION_DUMP_H
#define VSRC_MIGRATION_DUMP_H

#include "qemu/osdep.h"

/* Sections are sorted by type name.  Returns 0, or -1 when writing to OUT failed. */
int dump_vmstate_json(FILE *out, const char *machine_name);

#endif
