// SPDX-License-Identifier: GPL-2.0-or-later
/* A virtio memory balloon on PCI, whose base type has a name of its own (the helper
 * copies it with g_strdup). */
#include "qemu/osdep.h"
#include "hw/virtio/virtio-pci.h"

typedef struct VirtIOBalloonPCI {
	VirtIOPCIProxy parent_obj;
	uint32_t num_pages;
} VirtIOBalloonPCI;

static void virtio_balloon_pci_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "virtio memory balloon";
}

static const VirtioPCIDeviceTypeInfo virtio_balloon_pci_info = {
	.base_name = "virtio-balloon-pci-base",
	.generic_name = "virtio-balloon-pci",
	.instance_size = sizeof(VirtIOBalloonPCI),
	.class_init = virtio_balloon_pci_class_init,
};

static void virtio_balloon_pci_register(void)
{
	virtio_pci_types_register(&virtio_balloon_pci_info);
}

type_init(virtio_balloon_pci_register)
