// SPDX-License-Identifier: GPL-2.0-or-later
/* Virtio over PCI.
 * Patterns: an abstract type with vmsd; a helper, called from other files, that
 * registers a device's types under names built with g_strdup_printf; a structure
 * behind a pointer (VMS_STRUCT | VMS_POINTER); a variable-length array. */
#include "qemu/osdep.h"
#include "hw/virtio/virtio-pci.h"
#include "glib-lite.h"

static const VMStateDescription vmstate_virtio_device = {
	.name = "virtio",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(status, VirtIODevice),
		VMSTATE_UINT8(isr, VirtIODevice),
		VMSTATE_UINT16(queue_sel, VirtIODevice),
		VMSTATE_UINT64(guest_features, VirtIODevice),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_virtio_pci = {
	.name = "virtio_pci",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(flags, VirtIOPCIProxy),
		VMSTATE_UINT16(config_vector, VirtIOPCIProxy),
		VMSTATE_STRUCT_POINTER(vdev, VirtIOPCIProxy, vmstate_virtio_device, VirtIODevice),
		VMSTATE_UINT32(nvqs, VirtIOPCIProxy),
		VMSTATE_VARRAY_UINT32(vq_vectors, VirtIOPCIProxy, nvqs, 0, vmstate_info_uint16,
				      uint16_t),
		VMSTATE_END_OF_LIST()
	}
};

static void virtio_pci_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_virtio_pci;
}

static const TypeInfo virtio_pci_info = {
	.name = TYPE_VIRTIO_PCI,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(VirtIOPCIProxy),
	.abstract = true,
	.class_init = virtio_pci_class_init,
};

void virtio_pci_types_register(const VirtioPCIDeviceTypeInfo *t)
{
	char *base_name = t->base_name ? g_strdup(t->base_name)
				       : g_strdup_printf("%s-base-type", t->generic_name);
	TypeInfo base_type_info = {
		.name = base_name,
		.parent = TYPE_VIRTIO_PCI,
		.instance_size = t->instance_size,
		.abstract = true,
		.class_init = t->class_init,
		.class_data = (void *)t,
	};
	TypeInfo generic_type_info = {
		.name = t->generic_name,
		.parent = base_name,
	};

	/* Registration copies the names. */
	type_register(&base_type_info);
	type_register(&generic_type_info);
	g_free(base_name);
}

static void virtio_pci_register_types(void)
{
	type_register_static(&virtio_pci_info);
}

type_init(virtio_pci_register_types)
