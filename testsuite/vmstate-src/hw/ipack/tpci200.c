// SPDX-License-Identifier: GPL-2.0-or-later
/* An IndustryPack carrier board.
 * Patterns: a description that is a static variable inside its class_init, with a
 * fields array that is static in the same function. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"

#define TYPE_TPCI200 "tpci200"
#define N_MODULES 4

typedef struct TPCI200State {
	PCIDevice dev;
	bool big_endian[3];
	uint8_t ctrl[N_MODULES];
	uint16_t status;
	uint8_t int_set;
} TPCI200State;

static void tpci200_class_init(ObjectClass *klass, void *data)
{
	static const VMStateField tpci200_fields[] = {
		VMSTATE_PCI_DEVICE(dev, TPCI200State),
		VMSTATE_BOOL_ARRAY(big_endian, TPCI200State, 3),
		VMSTATE_UINT8_ARRAY(ctrl, TPCI200State, N_MODULES),
		VMSTATE_UINT16(status, TPCI200State),
		VMSTATE_UINT8(int_set, TPCI200State),
		VMSTATE_END_OF_LIST()
	};
	static const VMStateDescription vmstate_tpci200 = {
		.name = "tpci200",
		.version_id = 1,
		.minimum_version_id = 1,
		.fields = tpci200_fields,
	};
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "TEWS TPCI200 IndustryPack carrier";
	dc->vmsd = &vmstate_tpci200;
}

static const TypeInfo tpci200_info = {
	.name = TYPE_TPCI200,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(TPCI200State),
	.class_init = tpci200_class_init,
};

static void tpci200_register_types(void)
{
	type_register_static(&tpci200_info);
}

type_init(tpci200_register_types)
