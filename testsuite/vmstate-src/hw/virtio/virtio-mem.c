// SPDX-License-Identifier: GPL-2.0-or-later
/* A virtio memory device: its state travels inside the section's "virtio" field, in
 * the description its VirtioDeviceClass names (v2 sends "size" only when a test says
 * so). */
#include "qemu/osdep.h"
#include "hw/virtio/virtio.h"

typedef struct VirtIOMem {
	VirtioDeviceState parent_obj;
	uint32_t block_size;
	uint64_t size;
	uint32_t plugged;
} VirtIOMem;

static const VMStateDescription vmstate_virtio_mem_device = {
	.name = "virtio-mem-device",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(block_size, VirtIOMem),
		VMSTATE_UINT64(size, VirtIOMem),
		VMSTATE_END_OF_LIST()
	},
};

static const VMStateDescription vmstate_virtio_mem = {
	.name = "virtio-mem",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_VIRTIO_DEVICE,
		VMSTATE_END_OF_LIST()
	},
};

static void virtio_mem_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_virtio_mem;
	vdc->vmsd = &vmstate_virtio_mem_device;
}

static const TypeInfo virtio_mem_info = {
	.name = "virtio-mem",
	.parent = TYPE_VIRTIO_DEVICE,
	.instance_size = sizeof(VirtIOMem),
	.class_init = virtio_mem_class_init,
};

static void virtio_mem_register_types(void)
{
	type_register_static(&virtio_mem_info);
}

type_init(virtio_mem_register_types)
