// SPDX-License-Identifier: GPL-2.0-or-later
/* EHCI on the system bus.
 * Patterns: DEFINE_TYPES; an abstract parent without vmsd; a nested description
 * defined in another file (vmstate_ehci). */
#include "qemu/osdep.h"
#include "hw/usb/hcd-ehci.h"

#define TYPE_SYS_BUS_EHCI "sysbus-ehci-usb"
#define TYPE_FUSBH200_EHCI "fusbh200-ehci-usb"

typedef struct EHCISysBusState {
	SysBusDevice parent_obj;
	EHCIState ehci;
} EHCISysBusState;

static const VMStateDescription vmstate_ehci_sysbus = {
	.name = "ehci-sysbus",
	.version_id = 2,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_STRUCT(ehci, EHCISysBusState, 2, vmstate_ehci, EHCIState),
		VMSTATE_END_OF_LIST()
	}
};

static void ehci_sysbus_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "EHCI USB controller";
}

static void fusbh200_ehci_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_ehci_sysbus;
}

static const TypeInfo ehci_sysbus_types[] = {
	{
		.name = TYPE_SYS_BUS_EHCI,
		.parent = TYPE_SYS_BUS_DEVICE,
		.instance_size = sizeof(EHCISysBusState),
		.abstract = true,
		.class_init = ehci_sysbus_class_init,
	},
	{
		.name = TYPE_FUSBH200_EHCI,
		.parent = TYPE_SYS_BUS_EHCI,
		.class_init = fusbh200_ehci_class_init,
	},
};

DEFINE_TYPES(ehci_sysbus_types)
