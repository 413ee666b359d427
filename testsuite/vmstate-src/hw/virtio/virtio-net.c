// SPDX-License-Identifier: GPL-2.0-or-later
/* A virtio network device whose class description is set by a helper of its
 * class_init (v2 adds a field to it). */
#include "qemu/osdep.h"
#include "hw/virtio/virtio.h"

typedef struct VirtIONet {
	VirtioDeviceState parent_obj;
	uint8_t mac[6];
	uint16_t mtu;
	uint32_t queues;
} VirtIONet;

static const VMStateDescription vmstate_virtio_net_device = {
	.name = "virtio-net-device",
	.version_id = 2,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8_ARRAY(mac, VirtIONet, 6),
		VMSTATE_UINT16(mtu, VirtIONet),
		VMSTATE_END_OF_LIST()
	},
};

static const VMStateDescription vmstate_virtio_net = {
	.name = "virtio-net",
	.version_id = 2,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		VMSTATE_VIRTIO_DEVICE,
		VMSTATE_END_OF_LIST()
	},
};

static void virtio_net_set_state(VirtioDeviceClass *vdc)
{
	vdc->vmsd = &vmstate_virtio_net_device;
}

static void virtio_net_class_init(ObjectClass *klass, void *data)
{
	(void)data;
	DEVICE_CLASS(klass)->vmsd = &vmstate_virtio_net;
	virtio_net_set_state(VIRTIO_DEVICE_CLASS(klass));
}

static const TypeInfo virtio_net_info = {
	.name = "virtio-net-device",
	.parent = TYPE_VIRTIO_DEVICE,
	.instance_size = sizeof(VirtIONet),
	.class_init = virtio_net_class_init,
};

static void virtio_net_register_types(void)
{
	type_register_static(&virtio_net_info);
}

type_init(virtio_net_register_types)
