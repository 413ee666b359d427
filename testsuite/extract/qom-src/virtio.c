/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Virtio devices: the section's only field is of the VMStateInfo "virtio", and what it
 * saves after the common state is told by the class: VirtioDeviceClass.vmsd (set in
 * class_init, in a helper whose result is unused, or inherited), .save/.load (state
 * written by hand), or nothing. */
#include "qom-like.h"

typedef struct Mem { unsigned int size, block, plugged; } Mem;

static bool mem_size_exists(void *opaque, int version_id)
{
	(void)version_id;
	return ((Mem *)opaque)->block != 0;
}

static const VMStateDescription vmstate_vmem_device = {
	.name = "vmem-device", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		F_UINT32(Mem, block, 0),
		{ .name = "size", .size = sizeof(unsigned int), .info = &vmstate_info_uint32,
		  .flags = VMS_SINGLE, .offset = offsetof(Mem, size),
		  .field_exists = mem_size_exists },
		F_END() },
};

static const VMStateDescription vmstate_vmem = {
	.name = "vmem", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_VIRTIO_DEVICE(), F_END() },
};

static const VMStateDescription vmstate_vnet_device = {
	.name = "vnet-device", .version_id = 2, .minimum_version_id = 2,
	.fields = (const VMStateField[]) { F_UINT32(Mem, plugged, 0), F_END() },
};

static const VMStateDescription vmstate_vnet = {
	.name = "vnet", .version_id = 2, .minimum_version_id = 2,
	.fields = (const VMStateField[]) { F_VIRTIO_DEVICE(), F_END() },
};

static const VMStateDescription vmstate_vblk = {
	.name = "vblk", .version_id = 2, .minimum_version_id = 2,
	.fields = (const VMStateField[]) { F_VIRTIO_DEVICE(), F_END() },
};

static const VMStateDescription vmstate_vrng = {
	.name = "vrng", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_VIRTIO_DEVICE(), F_END() },
};

static const VMStateDescription vmstate_vinput_device = {
	.name = "vinput-device", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(Mem, size, 0), F_END() },
};

static const VMStateDescription vmstate_vinput = {
	.name = "vinput", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_VIRTIO_DEVICE(), F_END() },
};

static void vmem_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

	dc->vmsd = &vmstate_vmem;
	vdc->vmsd = &vmstate_vmem_device;
}

/* A helper whose result is unused: it matters only by its store. */
static void vnet_set_state(VirtioDeviceClass *vdc)
{
	vdc->vmsd = &vmstate_vnet_device;
}

static void vnet_class_init(ObjectClass *klass, const void *data)
{
	DEVICE_CLASS(klass)->vmsd = &vmstate_vnet;
	vnet_set_state(VIRTIO_DEVICE_CLASS(klass));
}

static void vblk_save(void *vdev, void *f)
{
	(void)vdev, (void)f;
}

static int vblk_load(void *vdev, void *f, int version_id)
{
	(void)vdev, (void)f, (void)version_id;
	return 0;
}

static void vblk_class_init(ObjectClass *klass, const void *data)
{
	VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

	DEVICE_CLASS(klass)->vmsd = &vmstate_vblk;
	vdc->save = vblk_save;
	vdc->load = vblk_load;
}

static void vrng_class_init(ObjectClass *klass, const void *data)
{
	DEVICE_CLASS(klass)->vmsd = &vmstate_vrng;
}

/* An abstract base sets both; its concrete children inherit them. */
static void vinput_class_init(ObjectClass *klass, const void *data)
{
	DEVICE_CLASS(klass)->vmsd = &vmstate_vinput;
	VIRTIO_DEVICE_CLASS(klass)->vmsd = &vmstate_vinput_device;
}

static const TypeInfo virtio_types[] = {
	{ .name = TYPE_VIRTIO_DEVICE, .parent = TYPE_DEVICE, .abstract = true,
	  .class_size = sizeof(VirtioDeviceClass) },
	{ .name = "vmem", .parent = TYPE_VIRTIO_DEVICE, .class_init = vmem_class_init },
	{ .name = "vnet", .parent = TYPE_VIRTIO_DEVICE, .class_init = vnet_class_init },
	{ .name = "vblk", .parent = TYPE_VIRTIO_DEVICE, .class_init = vblk_class_init },
	{ .name = "vrng", .parent = TYPE_VIRTIO_DEVICE, .class_init = vrng_class_init },
	{ .name = "vinput", .parent = TYPE_VIRTIO_DEVICE, .abstract = true,
	  .class_init = vinput_class_init },
	{ .name = "vinput-mouse", .parent = "vinput" },
	{ .name = "vinput-keyboard", .parent = "vinput" },
};
REGISTER_TYPES(virtio_types)
