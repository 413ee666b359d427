// SPDX-License-Identifier: GPL-2.0-or-later
/* The PCI device base type and the state every PCI device migrates.
 * Patterns: a global description used from other files through an extern
 * declaration; a VMStateInfo of its own; a hand-written field entry with casts. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"

/* Config space goes through its own transfer functions so that a load can refuse
 * changes to read-only registers (here: the vendor and device IDs). */
static int get_pci_config(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	uint8_t incoming[PCI_CONFIG_SPACE_SIZE];
	uint8_t *config = pv;

	(void)field;
	if (size != sizeof(incoming) || fread(incoming, 1, size, f) != size)
		return -1;
	if (memcmp(incoming, config, 4) != 0)
		return -1;
	memcpy(config, incoming, size);
	return 0;
}

static int put_pci_config(FILE *f, void *pv, size_t size, const VMStateField *field)
{
	(void)field;
	return fwrite(pv, 1, size, f) == size ? 0 : -1;
}

static const VMStateInfo vmstate_info_pci_config = {
	.name = "pci config",
	.get = get_pci_config,
	.put = put_pci_config,
};

const VMStateDescription vmstate_pci_device = {
	.name = "PCIDevice",
	.version_id = 2,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_INT32(version_id, PCIDevice),
		{
			.name = "config",
			.offset = offsetof(PCIDevice, config),
			.size = (size_t)PCI_CONFIG_SPACE_SIZE,
			.info = (const VMStateInfo *)&vmstate_info_pci_config,
			.flags = (enum VMStateFlags)VMS_SINGLE,
		},
		VMSTATE_INT32_ARRAY_V(irq_state, PCIDevice, PCI_NUM_PINS, 2),
		VMSTATE_END_OF_LIST()
	}
};

static const TypeInfo pci_device_type_info = {
	.name = TYPE_PCI_DEVICE,
	.parent = TYPE_DEVICE,
	.instance_size = sizeof(PCIDevice),
	.abstract = true,
};

static void pci_register_types(void)
{
	type_register_static(&pci_device_type_info);
}

type_init(pci_register_types)
