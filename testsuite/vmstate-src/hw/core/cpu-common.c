// SPDX-License-Identifier: GPL-2.0-or-later
/* The abstract CPU type, and what realizing a CPU registers for migration.
 * Patterns: vmstate_register() with a static description and a variable instance id;
 * vmstate_register() of a description read from the class (not static). */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"

static const VMStateDescription vmstate_cpu_common = {
	.name = "cpu_common",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(halted, CPUState),
		VMSTATE_UINT32(interrupt_request, CPUState),
		VMSTATE_END_OF_LIST()
	}
};

void cpu_exec_realizefn(CPUState *cpu, CPUClass *cc)
{
	DeviceClass *dc = DEVICE_CLASS(cc);

	if (!dc->vmsd)
		vmstate_register(NULL, cpu->cpu_index, &vmstate_cpu_common, cpu);
	if (cc->sysemu_ops && cc->sysemu_ops->legacy_vmsd)
		vmstate_register(NULL, cpu->cpu_index, cc->sysemu_ops->legacy_vmsd, cpu);
}

static const TypeInfo cpu_type_info = {
	.name = TYPE_CPU,
	.parent = TYPE_DEVICE,
	.instance_size = sizeof(CPUState),
	.abstract = true,
	.class_size = sizeof(CPUClass),
};

static void cpu_register_types(void)
{
	type_register_static(&cpu_type_info);
}

type_init(cpu_register_types)
