// SPDX-License-Identifier: GPL-2.0-or-later
/* The root of all devices, and of devices on the system bus.
 * Patterns: class_base_init (runs for every device class). */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

static void device_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->user_creatable = true;
}

/* Runs on every device class below "device" before its class_init: properties are
 * looked up through the ancestors, so they are not inherited by copying. */
static void device_class_base_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->props_ = NULL;
	dc->props_count_ = 0;
}

static const TypeInfo device_type_info = {
	.name = TYPE_DEVICE,
	.parent = TYPE_OBJECT,
	.instance_size = sizeof(DeviceState),
	.abstract = true,
	.class_size = sizeof(DeviceClass),
	.class_init = device_class_init,
	.class_base_init = device_class_base_init,
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
