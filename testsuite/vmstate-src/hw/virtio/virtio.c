// SPDX-License-Identifier: GPL-2.0-or-later
/* The virtio core: the abstract device type, the VMStateInfo "virtio" (its put and get
 * are the common state, written by hand: a status word) and the core's own
 * description, saved after the device class's (include/hw/virtio/virtio.h). */
#include "qemu/osdep.h"
#include "hw/virtio/virtio.h"

static int virtio_put(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	(void)pv, (void)size, (void)field;
	return fwrite("VIRT", 1, 4, f) == 4 ? 0 : -1;
}

static int virtio_get(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	char common[4];

	(void)pv, (void)size, (void)field;
	return fread(common, 1, 4, f) == 4 && memcmp(common, "VIRT", 4) == 0 ? 0 : -1;
}

const VMStateInfo virtio_vmstate_info = { .name = "virtio", .get = virtio_get,
					  .put = virtio_put };

static bool virtio_features_needed(void *opaque)
{
	(void)opaque;
	return vmstate_test_condition;
}

static const VMStateDescription vmstate_virtio_features = {
	.name = "virtio/features",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = virtio_features_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(features, VirtioDeviceState),
		VMSTATE_END_OF_LIST()
	},
};

static const VMStateDescription vmstate_virtio = {
	.name = "virtio",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_END_OF_LIST()
	},
	.subsections = (const VMStateDescription *const[]) {
		&vmstate_virtio_features,
		NULL
	},
};

const VMStateDescription *virtio_common_vmsd(void)
{
	return &vmstate_virtio;
}

const VMStateDescription *virtio_device_vmsd(const char *type)
{
	ObjectClass *klass = object_class_by_name(type);

	return klass ? VIRTIO_DEVICE_CLASS(klass)->vmsd : NULL;
}

static const TypeInfo virtio_device_info = {
	.name = TYPE_VIRTIO_DEVICE,
	.parent = TYPE_DEVICE,
	.abstract = true,
	.class_size = sizeof(VirtioDeviceClass),
};

static void virtio_register_types(void)
{
	type_register_static(&virtio_device_info);
}

type_init(virtio_register_types)
