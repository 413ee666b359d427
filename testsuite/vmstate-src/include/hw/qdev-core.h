/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Devices: the QOM type "device" and its class, which holds the migration description. */
#ifndef VSRC_QDEV_CORE_H
#define VSRC_QDEV_CORE_H

#include "qom/object.h"
#include "migration/vmstate.h"

#define TYPE_DEVICE "device"

typedef struct DeviceClass {
	ObjectClass parent_class;
	const char *desc;
	bool user_creatable;
	/* What the device migrates; NULL when it has no migration state of its own. */
	const VMStateDescription *vmsd;
	void (*reset)(Object *dev);
	/* This class's own properties only: every class starts without its parent's. */
	const char *const *props_;
	unsigned props_count_;
} DeviceClass;

typedef struct DeviceState {
	Object parent_obj;
	const char *id;
} DeviceState;

/* A checked cast through a function call, as in QEMU. */
#define DEVICE_CLASS(klass) OBJECT_CLASS_CHECK(DeviceClass, (klass), TYPE_DEVICE)

#define TYPE_SYS_BUS_DEVICE "sys-bus-device"

typedef struct SysBusDevice {
	DeviceState parent_obj;
	uint64_t mmio_base;
} SysBusDevice;

#endif
