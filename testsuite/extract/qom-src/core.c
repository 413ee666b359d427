/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The root types: "object" and "device" (abstract), and a bus device base. */
#include "qom-like.h"

static void device_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	dc->user_creatable = true;
	dc->desc = "device";
}

static const TypeInfo core_types[] = {
	{ .name = "object", .class_size = sizeof(ObjectClass) },
	{ .name = TYPE_DEVICE, .parent = "object", .abstract = true,
	  .class_size = sizeof(DeviceClass), .class_init = device_class_init },
	{ .name = TYPE_BUS_DEVICE, .parent = TYPE_DEVICE, .abstract = true,
	  .class_size = sizeof(BusDeviceClass) },
};

REGISTER_TYPES(core_types)
