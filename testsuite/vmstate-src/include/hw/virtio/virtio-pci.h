/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Virtio over PCI: the proxy device and the helper that registers a device's types. */
#ifndef VSRC_VIRTIO_PCI_H
#define VSRC_VIRTIO_PCI_H

#include "hw/pci/pci.h"

#define TYPE_VIRTIO_PCI "virtio-pci"

typedef struct VirtIODevice {
	uint8_t status;
	uint8_t isr;
	uint16_t queue_sel;
	uint64_t guest_features;
} VirtIODevice;

typedef struct VirtIOPCIProxy {
	PCIDevice pci_dev;
	VirtIODevice *vdev;
	uint32_t flags;
	uint16_t config_vector;
	uint32_t nvqs;
	uint16_t *vq_vectors;
} VirtIOPCIProxy;

/* One virtio device's PCI types: an abstract base (BASE_NAME, or GENERIC_NAME with
 * "-base-type" appended) whose class_init is CLASS_INIT, and GENERIC_NAME below it. */
typedef struct VirtioPCIDeviceTypeInfo {
	const char *base_name;
	const char *generic_name;
	size_t instance_size;
	void (*class_init)(ObjectClass *klass, void *data);
} VirtioPCIDeviceTypeInfo;

void virtio_pci_types_register(const VirtioPCIDeviceTypeInfo *t);

#endif
