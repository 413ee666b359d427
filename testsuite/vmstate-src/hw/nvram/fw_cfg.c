// SPDX-License-Identifier: GPL-2.0-or-later
/* The firmware configuration device, behind I/O ports or memory.
 * Patterns: an abstract type with vmsd whose subtypes inherit it; a vmsd assigned
 * under a condition over class_data; a non-const global description; unused
 * padding; a field that exists only when a test holds. */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

#define TYPE_FW_CFG "fw_cfg"
#define TYPE_FW_CFG_IO "fw_cfg_io"
#define TYPE_FW_CFG_MEM "fw_cfg_mem"

typedef struct FWCfgState {
	SysBusDevice parent_obj;
	uint16_t cur_entry;
	uint32_t cur_offset;
	uint64_t dma_addr;
} FWCfgState;

/* What distinguishes the subtypes; their class_data. */
typedef struct FWCfgVariant {
	bool has_dma;
} FWCfgVariant;

static const FWCfgVariant fw_cfg_io_variant = { .has_dma = false };
static const FWCfgVariant fw_cfg_mem_variant = { .has_dma = true };

/* Version 1 streams carried the offset before a field that is now padding. */
static bool is_version_1(void *opaque, int version_id)
{
	(void)opaque;
	return version_id == 1;
}

VMStateDescription vmstate_fw_cfg = {
	.name = "fw_cfg",
	.version_id = 2,
	.minimum_version_id = 1,
	.fields = (VMStateField[]) {
		VMSTATE_UINT16(cur_entry, FWCfgState),
		VMSTATE_UINT32_TEST(cur_offset, FWCfgState, is_version_1),
		VMSTATE_UINT32_V(cur_offset, FWCfgState, 2),
		VMSTATE_UNUSED(4),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_fw_cfg_dma = {
	.name = "fw_cfg_dma",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT16(cur_entry, FWCfgState),
		VMSTATE_UINT32(cur_offset, FWCfgState),
		VMSTATE_UINT64(dma_addr, FWCfgState),
		VMSTATE_END_OF_LIST()
	}
};

static void fw_cfg_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_fw_cfg;
}

/* Only the DMA-capable variant migrates more than its parent. */
static void fw_cfg_variant_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	const FWCfgVariant *variant = data;

	if (variant->has_dma) {
		dc->vmsd = &vmstate_fw_cfg_dma;
	}
}

static const TypeInfo fw_cfg_types[] = {
	{
		.name = TYPE_FW_CFG,
		.parent = TYPE_SYS_BUS_DEVICE,
		.instance_size = sizeof(FWCfgState),
		.abstract = true,
		.class_init = fw_cfg_class_init,
	},
	{
		.name = TYPE_FW_CFG_IO,
		.parent = TYPE_FW_CFG,
		.class_init = fw_cfg_variant_class_init,
		.class_data = (void *)&fw_cfg_io_variant,
	},
	{
		.name = TYPE_FW_CFG_MEM,
		.parent = TYPE_FW_CFG,
		.class_init = fw_cfg_variant_class_init,
		.class_data = (void *)&fw_cfg_mem_variant,
	},
};

DEFINE_TYPES(fw_cfg_types)
