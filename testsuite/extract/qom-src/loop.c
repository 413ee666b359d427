/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A table of variants registered in a loop: a local TypeInfo filled field by field, the
 * table element passed as class_data and read back in class_init. */
#include "qom-like.h"

typedef struct { unsigned int regs[4]; } CtlState;

static const VMStateDescription vmstate_ctl_a = {
	.name = "ctl-a", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32_ARRAY(CtlState, regs, 4), F_END() },
};
static const VMStateDescription vmstate_ctl_b = {
	.name = "ctl-b", .version_id = 2, .minimum_version_id = 2,
	.fields = (const VMStateField[]) { F_UINT32_ARRAY(CtlState, regs, 4), F_END() },
};

typedef struct CtlInfo {
	const char *name;
	unsigned short device_id;
	const VMStateDescription *vmsd;
	bool legacy;
} CtlInfo;

typedef struct CtlClass {
	BusDeviceClass parent_class;
	CtlInfo info;
} CtlClass;

static const CtlInfo ctl_variants[] = {
	{ .name = "ctl-a", .device_id = 1, .vmsd = &vmstate_ctl_a },
	{ .name = "ctl-b", .device_id = 2, .vmsd = &vmstate_ctl_b, .legacy = true },
	{ .name = "ctl-c", .device_id = 3, .vmsd = &vmstate_ctl_b },
};

static void ctl_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	CtlClass *k = (CtlClass *)BUS_DEVICE_CLASS(klass);
	const CtlInfo *info = data;

	k->parent_class.device_id = info->device_id;
	k->info = *info;
	if (k->info.legacy) {
		dc->vmsd = &vmstate_ctl_a;
	} else {
		dc->vmsd = info->vmsd;
	}
}

static void ctl_register_types(void)
{
	TypeInfo type_info = {
		.parent = TYPE_BUS_DEVICE,
		.instance_size = sizeof(CtlState),
		.class_init = ctl_class_init,
		.class_size = sizeof(CtlClass),
	};
	int i;

	for (i = 0; i < N_ELEMS(ctl_variants); i++) {
		type_info.name = ctl_variants[i].name;
		type_info.class_data = ctl_variants + i;
		type_register(&type_info);
	}
}

type_init(ctl_register_types)
