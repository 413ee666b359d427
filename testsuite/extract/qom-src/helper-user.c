/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Uses the helpers of helper-lib.c: types registered by a function of another unit,
 * and vmsds set by a function of another unit, chosen by a switch. */
#include "qom-lib.h"

typedef struct { unsigned int level; } GpuState;

const VMStateDescription vmstate_shared = {
	.name = "shared", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(GpuState, level, 0), F_END() },
};
static const VMStateDescription vmstate_gpu = {
	.name = "gpu", .version_id = 2, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(GpuState, level, 0), F_END() },
};

static const FamilyInfo gpu_family = {
	.generic_name = "gpu-pci",
	.legacy_name = "gpu",
	.vmsd = &vmstate_gpu,
};
static const FamilyInfo gpu2_family = {
	.base_name = "gpu2-base",
	.generic_name = "gpu2",
	.vmsd = &vmstate_shared,
};

static void gpu_register(void)
{
	family_register(&gpu_family);
	family_register(&gpu2_family);
}
type_init(gpu_register)

static void sensor_class_init(ObjectClass *klass, const void *data)
{
	set_vmsd_for_class(klass, &vmstate_gpu, (int)(long)data);
	if ((long)data == 2)
		forbid_device_add(klass);
}

static const TypeInfo sensor_types[] = {
	{ .name = "sensor-none", .parent = TYPE_DEVICE, .class_init = sensor_class_init,
	  .class_data = (void *)0L },
	{ .name = "sensor-gpu", .parent = TYPE_DEVICE, .class_init = sensor_class_init,
	  .class_data = (void *)2L },
	{ .name = "sensor-shared", .parent = TYPE_DEVICE, .class_init = sensor_class_init,
	  .class_data = (void *)7L },
};
REGISTER_TYPES(sensor_types)
