/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The extended dump (docs/extended-dump.md): every migration section the program can
 * register (device classes' dc->vmsd, CPU classes' legacy_vmsd, vmstate_register()
 * calls), its descriptions once each, and every unknown explicit with its place. */
#ifndef VMSTATE_EXTRACT_EXTENDED_H
#define VMSTATE_EXTRACT_EXTENDED_H

#include "link.h"
#include "qom.h"
#include "../common/strbuf.h"

#define EXTENDED_DUMP_VERSION 1

struct extended_options {
	const char *program;         /* "program": the input's base name */
	const char *producer_version;
};

/* Appends the extended dump of PROG (with the QOM evaluator's TYPES) to OUT.  Returns
 * how many unknowns it holds (each also listed in its top-level "unknowns"). */
unsigned extended_write(struct strbuf *out, const struct vx_program *prog,
			const struct qom_types *types, const struct extended_options *opt);

#endif
