// SPDX-License-Identifier: GPL-2.0-or-later
/* The PIIX3 PCI-to-ISA bridge, plain and for Xen.
 * Patterns: DEFINE_TYPES; a subsection list as a compound literal; a subtype
 * (PIIX3-xen) that sets no vmsd and so migrates its parent's. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"

#define TYPE_PIIX3_DEVICE "PIIX3"
#define TYPE_PIIX3_XEN_DEVICE "PIIX3-xen"
#define PIIX_NUM_PIRQS 4

typedef struct PIIX3State {
	PCIDevice dev;
	int32_t pci_irq_levels_vmstate[PIIX_NUM_PIRQS];
	uint8_t rcr;
} PIIX3State;

/* The reset control register is sent only once the guest has written it. */
static bool piix3_rcr_needed(void *opaque)
{
	PIIX3State *piix3 = opaque;

	return piix3->rcr != 0 && vmstate_test_condition;
}

static const VMStateDescription vmstate_piix3_rcr = {
	.name = "PIIX3/rcr",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = piix3_rcr_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(rcr, PIIX3State),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_piix3 = {
	.name = "PIIX3",
	.version_id = 3,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		VMSTATE_PCI_DEVICE(dev, PIIX3State),
		VMSTATE_INT32_ARRAY_V(pci_irq_levels_vmstate, PIIX3State, PIIX_NUM_PIRQS, 3),
		VMSTATE_END_OF_LIST()
	},
	.subsections = (const VMStateDescription * const []) {
		&vmstate_piix3_rcr,
		NULL
	}
};

static void piix3_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "ISA bridge";
	dc->vmsd = &vmstate_piix3;
	/* Part of the chipset: a user cannot add one. */
	dc->user_creatable = false;
}

static void piix3_xen_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "ISA bridge (Xen)";
}

static const TypeInfo piix3_types[] = {
	{
		.name = TYPE_PIIX3_DEVICE,
		.parent = TYPE_PCI_DEVICE,
		.instance_size = sizeof(PIIX3State),
		.class_init = piix3_class_init,
	},
	{
		.name = TYPE_PIIX3_XEN_DEVICE,
		.parent = TYPE_PIIX3_DEVICE,
		.class_init = piix3_xen_class_init,
	},
};

DEFINE_TYPES(piix3_types)
