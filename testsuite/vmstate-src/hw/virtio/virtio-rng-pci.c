// SPDX-License-Identifier: GPL-2.0-or-later
/* A virtio entropy source on PCI: its types come from the shared helper, and its
 * classes inherit the vmsd of "virtio-pci". */
#include "qemu/osdep.h"
#include "hw/virtio/virtio-pci.h"

typedef struct VirtIORngPCI {
	VirtIOPCIProxy parent_obj;
	uint64_t max_bytes;
} VirtIORngPCI;

static void virtio_rng_pci_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "virtio entropy source";
}

static const VirtioPCIDeviceTypeInfo virtio_rng_pci_info = {
	.generic_name = "virtio-rng-pci",
	.instance_size = sizeof(VirtIORngPCI),
	.class_init = virtio_rng_pci_class_init,
};

static void virtio_rng_pci_register(void)
{
	virtio_pci_types_register(&virtio_rng_pci_info);
}

type_init(virtio_rng_pci_register)
