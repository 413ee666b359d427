// SPDX-License-Identifier: GPL-2.0-or-later
/* A SCSI RAID controller in two generations.
 * Patterns: type_register() in a loop over a static table, each time with a local
 * TypeInfo filled member by member and the table element as class_data; class_init
 * reads the vmsd back from class_data. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"

#define TYPE_MEGASAS_BASE "megasas-base"
#define TYPE_MEGASAS_GEN1 "megasas"
#define TYPE_MEGASAS_GEN2 "megasas-gen2"

typedef struct MegasasState {
	PCIDevice parent_obj;
	int32_t fw_state;
	uint32_t intr_mask;
	uint32_t doorbell;
	uint64_t reply_queue_pa;
	uint64_t consumer_pa;
	uint64_t producer_pa;
	uint32_t msix_vectors;
} MegasasState;

typedef struct MegasasInfo {
	const char *name;
	const char *desc;
	const VMStateDescription *vmsd;
	int mmio_bar;
} MegasasInfo;

static const VMStateDescription vmstate_megasas_gen1 = {
	.name = "megasas",
	.version_id = 0,
	.minimum_version_id = 0,
	.fields = (const VMStateField[]) {
		VMSTATE_PCI_DEVICE(parent_obj, MegasasState),
		VMSTATE_INT32(fw_state, MegasasState),
		VMSTATE_UINT32(intr_mask, MegasasState),
		VMSTATE_UINT32(doorbell, MegasasState),
		VMSTATE_UINT64(reply_queue_pa, MegasasState),
		VMSTATE_UINT64(consumer_pa, MegasasState),
		VMSTATE_UINT64(producer_pa, MegasasState),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_megasas_gen2 = {
	.name = "megasas-gen2",
	.version_id = 0,
	.minimum_version_id = 0,
	.fields = (const VMStateField[]) {
		VMSTATE_PCI_DEVICE(parent_obj, MegasasState),
		VMSTATE_UINT32(msix_vectors, MegasasState),
		VMSTATE_INT32(fw_state, MegasasState),
		VMSTATE_UINT32(intr_mask, MegasasState),
		VMSTATE_UINT32(doorbell, MegasasState),
		VMSTATE_UINT64(reply_queue_pa, MegasasState),
		VMSTATE_UINT64(consumer_pa, MegasasState),
		VMSTATE_UINT64(producer_pa, MegasasState),
		VMSTATE_END_OF_LIST()
	}
};

static const MegasasInfo megasas_devices[] = {
	{
		.name = TYPE_MEGASAS_GEN1,
		.desc = "LSI MegaRAID SAS 1078",
		.vmsd = &vmstate_megasas_gen1,
		.mmio_bar = 0,
	},
	{
		.name = TYPE_MEGASAS_GEN2,
		.desc = "LSI MegaRAID SAS 2108",
		.vmsd = &vmstate_megasas_gen2,
		.mmio_bar = 1,
	},
};

static void megasas_class_init(ObjectClass *oc, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(oc);
	const MegasasInfo *info = data;

	dc->desc = info->desc;
	dc->vmsd = info->vmsd;
}

static const TypeInfo megasas_info = {
	.name = TYPE_MEGASAS_BASE,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(MegasasState),
	.abstract = true,
};

static void megasas_register_types(void)
{
	size_t i;

	type_register_static(&megasas_info);
	for (i = 0; i < ARRAY_SIZE(megasas_devices); i++) {
		const MegasasInfo *info = &megasas_devices[i];
		TypeInfo type_info = { 0 };

		type_info.name = info->name;
		type_info.parent = TYPE_MEGASAS_BASE;
		type_info.class_data = (void *)info;
		type_info.class_init = megasas_class_init;
		type_register(&type_info);
	}
}

type_init(megasas_register_types)
