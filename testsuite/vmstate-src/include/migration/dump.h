/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writes the migration state of every device class in -dump-vmstate's layout. */
#ifndef VSRC_MIGRATION_DUMP_H
#define VSRC_MIGRATION_DUMP_H

#include "qemu/osdep.h"

enum dump_layout {
	DUMP_LAYOUT_8_1,      /* QEMU 8.1 and later: "num" for VMS_ARRAY fields */
	DUMP_LAYOUT_PRE_8_1,  /* before 8.1: no "num" */
};

/* Sections are sorted by type name.  Returns 0, or -1 when writing to OUT failed. */
int dump_vmstate_json(FILE *out, const char *machine_name, enum dump_layout layout);

/* The extended dump (docs/extended-dump.md) of what the program can migrate, as the
 * running program sees it (migration/dump-extended.c). */
int dump_extended_json(FILE *out);

#endif
