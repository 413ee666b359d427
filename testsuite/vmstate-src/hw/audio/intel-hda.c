// SPDX-License-Identifier: GPL-2.0-or-later
/* An HD Audio controller.
 * Patterns: a non-const compound literal behind a cast; VMSTATE_VALIDATE (a check
 * that dumps leave out); an embedded PCI device. */
#include "qemu/osdep.h"
#include "hw/pci/pci.h"

#define TYPE_INTEL_HDA_GENERIC "intel-hda-generic"

typedef struct IntelHDAState {
	PCIDevice pci;
	uint32_t g_ctl;
	uint32_t wake_en;
	uint32_t state_sts;
	uint32_t int_ctl;
	uint32_t int_sts;
	uint32_t corb_lbase;
	uint32_t corb_ubase;
	uint32_t rirb_count;
	int64_t wall_base_ns;
	bool msi;
} IntelHDAState;

static bool intel_hda_rirb_count_valid(void *opaque, int version_id)
{
	IntelHDAState *d = opaque;

	(void)version_id;
	return d->rirb_count <= 256;
}

static const VMStateDescription vmstate_intel_hda = {
	.name = "intel-hda",
	.version_id = 1,
	.minimum_version_id = 0,
	.fields = (VMStateField[]) {
		VMSTATE_PCI_DEVICE(pci, IntelHDAState),
		VMSTATE_UINT32(g_ctl, IntelHDAState),
		VMSTATE_UINT32(wake_en, IntelHDAState),
		VMSTATE_UINT32(state_sts, IntelHDAState),
		VMSTATE_UINT32(int_ctl, IntelHDAState),
		VMSTATE_UINT32(int_sts, IntelHDAState),
		VMSTATE_UINT32(corb_lbase, IntelHDAState),
		VMSTATE_UINT32(corb_ubase, IntelHDAState),
		VMSTATE_UINT32(rirb_count, IntelHDAState),
		VMSTATE_VALIDATE("rirb_count in range", intel_hda_rirb_count_valid),
		VMSTATE_INT64(wall_base_ns, IntelHDAState),
		VMSTATE_BOOL(msi, IntelHDAState),
		VMSTATE_END_OF_LIST()
	}
};

static void intel_hda_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->desc = "Intel HD Audio Controller";
	dc->vmsd = &vmstate_intel_hda;
}

static const TypeInfo intel_hda_info = {
	.name = TYPE_INTEL_HDA_GENERIC,
	.parent = TYPE_PCI_DEVICE,
	.instance_size = sizeof(IntelHDAState),
	.class_init = intel_hda_class_init,
};

static void intel_hda_register_types(void)
{
	type_register_static(&intel_hda_info);
}

type_init(intel_hda_register_types)
