/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM evaluator: runs the recorded registration and class_init functions
 * (docs/fragment-qom.md) over the linked program's data, and tells for every registered
 * type its parent and the DeviceClass.vmsd its class ends up with. */
#ifndef VMSTATE_EXTRACT_QOM_H
#define VMSTATE_EXTRACT_QOM_H

#include <stdbool.h>
#include <stddef.h>
#include "link.h"

struct qom_type {
	const char *name;
	const char *parent;         /* NULL for a root type */
	const char *loc;            /* where it was registered */
	bool abstract;
	bool is_device;             /* "device" is the type or one of its ancestors */
	/* DeviceClass.vmsd after the class (and its ancestors' inherited values) is
	 * initialized: NULL when not set. */
	const struct vx_def *vmsd;
	/* Set when the evaluation could not decide vmsd: why, and where. */
	const char *unknown;
	const char *unknown_loc;
	/* CPUs ("cpu" is an ancestor): the description QEMU registers for each CPU
	 * besides dc->vmsd: cc->sysemu_ops->legacy_vmsd (CPU_VIA "legacy_vmsd"), else
	 * cc->vmsd ("vmsd"); NULL when neither is set; when undecided, why and where. */
	bool is_cpu;
	const struct vx_def *cpu_vmsd;
	const char *cpu_via;
	const char *cpu_unknown;
	const char *cpu_unknown_loc;
	/* Devices: DeviceClass.user_creatable after class initialization (can -device
	 * create it?); when undecided, why and where. */
	enum { QOM_CREATABLE_UNKNOWN, QOM_CREATABLE_NO, QOM_CREATABLE_YES } user_creatable;
	const char *creatable_unknown;
	const char *creatable_unknown_loc;
};

struct qom_types {
	struct qom_type *types;
	size_t count;
};

/* Evaluates every QOM registration of PROG.  Problems (a type registered twice, a
 * parent never found, what could not be evaluated) are reported on stderr with their
 * locations; the count of them is returned through *problems.  Returns 0, or -1 on an
 * internal failure (out of memory), after printing why. */
int qom_evaluate(const struct vx_program *prog, struct qom_types *out,
		 unsigned *problems);
void qom_types_free(struct qom_types *types);

#endif
