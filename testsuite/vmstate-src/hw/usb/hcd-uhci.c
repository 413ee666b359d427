// SPDX-License-Identifier: GPL-2.0-or-later
/* UHCI USB controllers: one abstract type that holds the vmsd and a family of PCI
 * functions below it.
 * Patterns: type names built with g_strdup_printf("%d") in a counted loop; a local
 * TypeInfo per type with the variant as class_data; an array of nested structures
 * with a description of its own; a subsection whose only entry is a check, so that
 * its "Fields" list is empty in dumps. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"
#include "glib-lite.h"

#define TYPE_UHCI "pci-uhci-usb"
#define NB_PORTS 2
#define ICH9_UHCI_FUNCTIONS 3

typedef struct UHCIPort {
	uint16_t ctrl;
} UHCIPort;

typedef struct UHCIState {
	PCIDevice dev;
	uint16_t cmd;
	uint16_t status;
	uint16_t intr;
	uint16_t frnum;
	uint32_t fl_base_addr;
	uint8_t sof_timing;
	uint8_t status2;
	UHCIPort ports[NB_PORTS];
} UHCIState;

typedef struct UHCIVariant {
	uint16_t device_id;
	uint8_t revision;
} UHCIVariant;

static const VMStateDescription vmstate_uhci_port = {
	.name = "uhci port",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT16(ctrl, UHCIPort),
		VMSTATE_END_OF_LIST()
	}
};

static bool uhci_frnum_valid(void *opaque, int version_id)
{
	UHCIState *s = opaque;

	(void)version_id;
	return s->frnum < 0x800;
}

/* Sent only while a frame is in progress, to check the frame number on load. */
static bool uhci_frame_check_needed(void *opaque)
{
	UHCIState *s = opaque;

	return s->frnum != 0 && vmstate_test_condition;
}

static const VMStateDescription vmstate_uhci_frame_check = {
	.name = "uhci/frame-check",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = uhci_frame_check_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_VALIDATE("frnum in range", uhci_frnum_valid),
		VMSTATE_END_OF_LIST()
	}
};

/* Unlike the other PCI devices, this one leaves its PCIDevice out, so that v2's change to
 * PCIDevice (docs/scenarios.md) is not reported again for each of the four UHCI types. */
static const VMStateDescription vmstate_uhci = {
	.name = "uhci",
	.version_id = 3,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_STRUCT_ARRAY(ports, UHCIState, NB_PORTS, 1, vmstate_uhci_port, UHCIPort),
		VMSTATE_UINT16(cmd, UHCIState),
		VMSTATE_UINT16(status, UHCIState),
		VMSTATE_UINT16(intr, UHCIState),
		VMSTATE_UINT16(frnum, UHCIState),
		VMSTATE_UINT32(fl_base_addr, UHCIState),
		VMSTATE_UINT8(sof_timing, UHCIState),
		VMSTATE_UINT8(status2, UHCIState),
		VMSTATE_END_OF_LIST()
	},
	.subsections = (const VMStateDescription * const []) {
		&vmstate_uhci_frame_check,
		NULL
	}
};

static void uhci_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_uhci;
}

/* The functions differ in PCI IDs only; they migrate what their parent does. */
static void uhci_variant_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	const UHCIVariant *variant = data;

	dc->desc = variant->revision >= 3 ? "ICH9 UHCI controller" : "UHCI controller";
}

static const UHCIVariant ich9_uhci_variants[ICH9_UHCI_FUNCTIONS] = {
	{ .device_id = 0x2934, .revision = 3 },
	{ .device_id = 0x2935, .revision = 3 },
	{ .device_id = 0x2936, .revision = 3 },
};

static const TypeInfo uhci_type_info = {
	.name = TYPE_UHCI,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(UHCIState),
	.abstract = true,
	.class_init = uhci_class_init,
};

static void uhci_register_types(void)
{
	int i;

	type_register_static(&uhci_type_info);
	for (i = 0; i < ICH9_UHCI_FUNCTIONS; i++) {
		char *name = g_strdup_printf("ich9-usb-uhci%d", i + 1);
		TypeInfo uhci_info = {
			.name = name,
			.parent = TYPE_UHCI,
			.class_init = uhci_variant_class_init,
			.class_data = (void *)&ich9_uhci_variants[i],
		};

		type_register(&uhci_info);
		g_free(name);
	}
}

type_init(uhci_register_types)
