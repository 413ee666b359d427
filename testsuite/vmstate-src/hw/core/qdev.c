// SPDX-License-Identifier: GPL-2.0-or-later
/* The root of all devices, and of devices on the system bus. */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

static void device_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->user_creatable = true;
}

static const TypeInfo device_type_info = {
	.name = TYPE_DEVICE,
	.parent = TYPE_OBJECT,
	.instance_size = sizeof(DeviceState),
	.abstract = true,
	.class_size = sizeof(DeviceClass),
	.class_init = device_class_init,
};

static const TypeInfo sysbus_device_type_info = {
	.name = TYPE_SYS_BUS_DEVICE,
	.parent = TYPE_DEVICE,
	.instance_size = sizeof(SysBusDevice),
	.abstract = true,
};

static void qdev_register_types(void)
{
	type_register_static(&device_type_info);
	type_register_static(&sysbus_device_type_info);
}

type_init(qdev_register_types)
