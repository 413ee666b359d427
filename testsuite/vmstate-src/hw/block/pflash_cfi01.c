// SPDX-License-Identifier: GPL-2.0-or-later
/* A CFI parallel flash.
 * Patterns: positional initializers, for the description and for every entry of a
 * named fields array (member order as in include/migration/vmstate.h). */
#include "qemu/osdep.h"
#include "hw/qdev-core.h"

#define TYPE_PFLASH_CFI01 "cfi.pflash01"

typedef struct PFlashCFI01 {
	SysBusDevice parent_obj;
	uint8_t wcycle;
	uint8_t cmd;
	uint8_t status;
	uint64_t counter;
} PFlashCFI01;

/* name, version_id, field_exists, size, num, start, offset, num_offset, size_offset,
 * info, flags */
static const VMStateField vmstate_pflash_fields[] = {
	{ "wcycle", 0, NULL, sizeof(uint8_t), 0, 0, offsetof(PFlashCFI01, wcycle), 0, 0,
	  &vmstate_info_uint8, VMS_SINGLE },
	{ "cmd", 0, NULL, sizeof(uint8_t), 0, 0, offsetof(PFlashCFI01, cmd), 0, 0,
	  &vmstate_info_uint8, VMS_SINGLE },
	{ "status", 0, NULL, sizeof(uint8_t), 0, 0, offsetof(PFlashCFI01, status), 0, 0,
	  &vmstate_info_uint8, VMS_SINGLE },
	{ "counter", 0, NULL, sizeof(uint64_t), 0, 0, offsetof(PFlashCFI01, counter), 0, 0,
	  &vmstate_info_uint64, VMS_SINGLE },
	{ NULL, 0, NULL, 0, 0, 0, 0, 0, 0, NULL, VMS_END },
};

/* name, version_id, minimum_version_id, unmigratable, fields */
static const VMStateDescription vmstate_pflash = {
	"pflash_cfi01", 1, 1, false, vmstate_pflash_fields
};

static void pflash_cfi01_class_init(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->vmsd = &vmstate_pflash;
}

static const TypeInfo pflash_cfi01_info = {
	.name = TYPE_PFLASH_CFI01,
	.parent = TYPE_SYS_BUS_DEVICE,
	.instance_size = sizeof(PFlashCFI01),
	.class_init = pflash_cfi01_class_init,
};

static void pflash_cfi01_register_types(void)
{
	type_register_static(&pflash_cfi01_info);
}

type_init(pflash_cfi01_register_types)
