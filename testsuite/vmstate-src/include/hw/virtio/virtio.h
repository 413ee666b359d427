/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Virtio devices: the section holds one field of the VMStateInfo "virtio"; savevm.c
 * saves through it the common state (a hand-written part), then the device class's own
 * description (VirtioDeviceClass.vmsd, loaded with the section's version), then the
 * virtio core's (virtio_common_vmsd()). */
#ifndef VSRC_VIRTIO_H
#define VSRC_VIRTIO_H

#include "hw/qdev-core.h"

#define TYPE_VIRTIO_DEVICE "virtio-device"

/* The state every virtio device starts with; the core's description saves it. */
typedef struct VirtioDeviceState {
	uint32_t status;
	uint32_t features;
} VirtioDeviceState;

typedef struct VirtioDeviceClass {
	DeviceClass parent_class;
	const VMStateDescription *vmsd;
} VirtioDeviceClass;

#define VIRTIO_DEVICE_CLASS(klass) \
	OBJECT_CLASS_CHECK(VirtioDeviceClass, (klass), TYPE_VIRTIO_DEVICE)

extern const VMStateInfo virtio_vmstate_info;

#define VMSTATE_VIRTIO_DEVICE \
	{ .name = "virtio", .info = &virtio_vmstate_info, .flags = VMS_SINGLE }

/* What the "virtio" field of a section of device type TYPE saves after the common
 * state: its class's description (NULL: none), then the core's. */
const VMStateDescription *virtio_device_vmsd(const char *type);
const VMStateDescription *virtio_common_vmsd(void);

#endif
