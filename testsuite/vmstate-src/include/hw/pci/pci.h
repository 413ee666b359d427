/* SPDX-License-Identifier: GPL-2.0-or-later */
/* PCI devices: the common state every PCI function migrates first. */
#ifndef VSRC_PCI_H
#define VSRC_PCI_H

#include "hw/qdev-core.h"

#define TYPE_PCI_DEVICE "pci-device"
#define PCI_CONFIG_SPACE_SIZE 256
#define PCI_NUM_PINS 4

typedef struct PCIDevice {
	DeviceState parent_obj;
	int32_t version_id;
	uint8_t config[PCI_CONFIG_SPACE_SIZE];
	int32_t irq_state[PCI_NUM_PINS];
} PCIDevice;

/* Defined in hw/pci/pci.c, used by every PCI device's description. */
extern const VMStateDescription vmstate_pci_device;

#define VMSTATE_PCI_DEVICE(field, state) \
	VMSTATE_STRUCT(field, state, 0, vmstate_pci_device, PCIDevice)

#endif
