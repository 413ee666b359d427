/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Writing the dump in the layout of QEMU's -dump-vmstate, from the QOM evaluator's
 * answer (which types are devices, and their final DeviceClass.vmsd). */
#ifndef VMSTATE_EXTRACT_DUMP_H
#define VMSTATE_EXTRACT_DUMP_H

#include "link.h"
#include "qom.h"
#include "../common/strbuf.h"

enum dump_layout {
	DUMP_LAYOUT_8_1,       /* QEMU 8.1 on: "num" for VMS_ARRAY fields (default) */
	DUMP_LAYOUT_PRE_8_1,   /* QEMU before 8.1: no "num" */
};

/* Descriptions nested deeper than this (through fields and subsections) are written
 * without their contents: the writer recurses, and QEMU has no such limit. */
#define DUMP_MAX_DEPTH 1000

struct dump_options {
	const char *machine;   /* "vmschkmachine"."Name" */
	enum dump_layout layout;
};

/* Appends the dump to OUT: one section per type with is_device and a vmsd, sorted by
 * name (the first of two types of one name).  Values the plugin could not evaluate,
 * references that resolve to nothing and descriptions that contain themselves are
 * reported on stderr with their locations (once each) and written as documented in
 * docs/vmstate-extract.md.  Returns how many such problems were reported. */
unsigned dump_write(struct strbuf *out, const struct vx_program *prog,
		    const struct qom_types *types, const struct dump_options *opt);

#endif
