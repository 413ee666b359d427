/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM evaluator: runs the recorded registration and class_init functions
 * (docs/fragment-qom.md) over the linked program's data, and tells for every registered
 * type its parent and the DeviceClass.vmsd its class ends up with. */
#ifndef VMSTATE_EXTRACT_QOM_H
#define VMSTATE_EXTRACT_QOM_H

#include <stdbool.h>
#include <stddef.h>
#include "link.h"

/* The class members through which a class hands migration state to QEMU: a device's
 * DeviceClass.vmsd, a CPU's CPUClass.sysemu_ops (whose SysemuCPUOps.legacy_vmsd QEMU
 * registers for each CPU) and CPUClass.vmsd where the struct has it; a virtio
 * device's VirtioDeviceClass.vmsd, which virtio's hand-written put saves inside the
 * section, and VirtioDeviceClass.save/load, the device's state written by hand.
 * Stores to them are what a class_init may matter for. */
#define QOM_VMSD_KEY "DeviceClass.vmsd"
#define QOM_SYSEMU_OPS_KEY "CPUClass.sysemu_ops"
#define QOM_CPU_VMSD_KEY "CPUClass.vmsd"
#define QOM_VIRTIO_VMSD_KEY "VirtioDeviceClass.vmsd"
#define QOM_VIRTIO_SAVE_KEY "VirtioDeviceClass.save"
#define QOM_VIRTIO_LOAD_KEY "VirtioDeviceClass.load"
#define QOM_STATE_KEY_COUNT 6

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
	/* Every state member of the class (the keys above and the others, such as
	 * VirtioDeviceClass.vmsd), read with qom_type_member(). */
	struct qom_member *members;
	size_t member_count;
};

/* The final value of one class member through which migration state reaches QEMU
 * (qom-eval.h's QOM_*_KEY): the address of a recorded VMStateDescription (VMSD), of
 * a function or other symbol (SYMBOL), or why it is not known (UNKNOWN, at
 * UNKNOWN_LOC).  All NULL: null, or never set. */
struct qom_member {
	const char *key;            /* "Struct.member" */
	const struct vx_def *vmsd;
	const char *symbol;
	const char *unknown;
	const char *unknown_loc;
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
/* The member KEY ("VirtioDeviceClass.vmsd") of T's class, or NULL when KEY is not
 * a state member. */
const struct qom_member *qom_type_member(const struct qom_type *t, const char *key);

#endif
