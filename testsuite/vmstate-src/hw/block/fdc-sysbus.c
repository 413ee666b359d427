// SPDX-License-Identifier: GPL-2.0-or-later
/* The floppy controller on the system bus, as on Sun machines.
 * Patterns: vmsd set by a helper that class_init calls; an abstract parent without
 * vmsd; a type name with a comma. */
#include "qemu/osdep.h"
#include "hw/block/fdc-internal.h"

#define TYPE_SYSBUS_FDC "base-sysbus-fdc"
#define TYPE_SUN4M_FDC "SUNW,fdtwo"

typedef struct FDCtrlSysBus {
	SysBusDevice parent_obj;
	FDCtrl state;
} FDCtrlSysBus;

static const VMStateDescription vmstate_sysbus_fdc = {
	.name = "fdc",
	.version_id = 2,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		VMSTATE_STRUCT(state, FDCtrlSysBus, 0, vmstate_fdc, FDCtrl),
		VMSTATE_END_OF_LIST()
	}
};

void sysbus_fdc_common_class_init(ObjectClass *klass)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	dc->user_creatable = false;
	dc->vmsd = &vmstate_sysbus_fdc;
}

static void sun4m_fdc_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	sysbus_fdc_common_class_init(klass);
	dc->desc = "virtual floppy controller";
}

static const TypeInfo sysbus_fdc_type_info = {
	.name = TYPE_SYSBUS_FDC,
	.parent = TYPE_SYS_BUS_DEVICE,
	.instance_size = sizeof(FDCtrlSysBus),
	.abstract = true,
};

static const TypeInfo sun4m_fdc_info = {
	.name = TYPE_SUN4M_FDC,
	.parent = TYPE_SYSBUS_FDC,
	.class_init = sun4m_fdc_class_init,
};

static void sysbus_fdc_register_types(void)
{
	type_register_static(&sysbus_fdc_type_info);
	type_register_static(&sun4m_fdc_info);
}

type_init(sysbus_fdc_register_types)
