// SPDX-License-Identifier: GPL-2.0-or-later
/* A four-port PCI serial card.
 * Patterns: an array of nested structures (VMS_STRUCT | VMS_ARRAY) whose description
 * lives in another file; a scalar array. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "hw/char/serial.h"

#define TYPE_PCI_SERIAL_4X "pci-serial-4x"
#define PCI_SERIAL_MAX_PORTS 4

typedef struct PCIMultiSerialState {
	PCIDevice dev;
	SerialState state[PCI_SERIAL_MAX_PORTS];
	uint32_t level[PCI_SERIAL_MAX_PORTS];
} PCIMultiSerialState;

static const VMStateDescription vmstate_pci_multi_serial = {
	.name = "pci-serial-multi",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_PCI_DEVICE(dev, PCIMultiSerialState),
		VMSTATE_STRUCT_ARRAY(state, PCIMultiSerialState, PCI_SERIAL_MAX_PORTS, 0,
				     vmstate_serial, SerialState),
		VMSTATE_UINT32_ARRAY(level, PCIMultiSerialState, PCI_SERIAL_MAX_PORTS),
		VMSTATE_END_OF_LIST()
	}
};

static void multi_4x_serial_pci_class_initfn(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_pci_multi_serial;
}

static const TypeInfo multi_4x_serial_pci_info = {
	.name = TYPE_PCI_SERIAL_4X,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(PCIMultiSerialState),
	.class_init = multi_4x_serial_pci_class_initfn,
};

static void multi_serial_pci_register_types(void)
{
	type_register_static(&multi_4x_serial_pci_info);
}

type_init(multi_serial_pci_register_types)
