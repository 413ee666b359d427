// SPDX-License-Identifier: GPL-2.0-or-later
/* Part of the ninja test tree: a device of another program, which must not show in the
 * dump of the vmstate-src target. */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"
#include "migration/vmstate.h"
#include "extra-version.h"

typedef struct ExtraState {
	DeviceState parent;
	uint32_t value;
} ExtraState;

static const VMStateDescription vmstate_extra = {
	.name = "extra-device",
	.version_id = EXTRA_VERSION,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(value, ExtraState),
		VMSTATE_END_OF_LIST()
	}
};

static void extra_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_extra;
}

static const TypeInfo extra_info = {
	.name = "extra-device",
	.parent = TYPE_DEVICE,
	.instance_size = sizeof(ExtraState),
	.class_init = extra_class_init,
};

static void extra_register_types(void)
{
	type_register_static(&extra_info);
}

type_init(extra_register_types)
