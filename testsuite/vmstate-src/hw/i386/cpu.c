// SPDX-License-Identifier: GPL-2.0-or-later
/* An x86-like CPU, named as QEMU names it ("x86_64-cpu", migrated as section "cpu").
 * Patterns: CPU state through CPUClass.sysemu_ops->legacy_vmsd, which -dump-vmstate
 * does not print; a subsection sent when needed. */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"

#define TYPE_X86_CPU "x86_64-cpu"

typedef struct X86CPU {
	CPUState parent_obj;
	uint64_t regs[16];
	uint64_t eip;
	uint64_t eflags;
	uint32_t hflags;
	uint32_t hflags2;
	uint64_t pat;
	uint64_t tsc_aux;
} X86CPU;

static bool tsc_aux_needed(void *opaque)
{
	(void)opaque;
	return vmstate_test_condition;
}

static const VMStateDescription vmstate_msr_tsc_aux = {
	.name = "cpu/msr_tsc_aux",
	.version_id = 1,
	.minimum_version_id = 1,
	.needed = tsc_aux_needed,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT64(tsc_aux, X86CPU),
		VMSTATE_END_OF_LIST()
	}
};

static const VMStateDescription vmstate_x86_cpu = {
	.name = "cpu",
	.version_id = 12,
	.minimum_version_id = 11,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT64_ARRAY(regs, X86CPU, 16),
		VMSTATE_UINT64(eip, X86CPU),
		VMSTATE_UINT64(eflags, X86CPU),
		VMSTATE_UINT32(hflags, X86CPU),
		VMSTATE_UINT32(hflags2, X86CPU),
		VMSTATE_UINT64_V(pat, X86CPU, 12),
		VMSTATE_END_OF_LIST()
	},
	.subsections = (const VMStateDescription * const []) {
		&vmstate_msr_tsc_aux,
		NULL
	}
};

static const SysemuCPUOps i386_sysemu_ops = {
	.legacy_vmsd = &vmstate_x86_cpu,
};

static void x86_cpu_common_class_init(ObjectClass *klass, void *data)
{
	CPUClass *cc = CPU_CLASS(klass);

	(void)data;
	cc->sysemu_ops = &i386_sysemu_ops;
}

static const TypeInfo x86_cpu_types[] = {
	{
		.name = TYPE_X86_CPU,
		.parent = TYPE_CPU,
		.instance_size = sizeof(X86CPU),
		.abstract = true,
		.class_init = x86_cpu_common_class_init,
	},
	{
		.name = "qemu64-" TYPE_X86_CPU,
		.parent = TYPE_X86_CPU,
	},
};

DEFINE_TYPES(x86_cpu_types)

/* The machine's one CPU. */
void pc_cpus_init(void);
void pc_cpus_init(void)
{
	static X86CPU cpu0;
	ObjectClass *klass = object_class_by_name("qemu64-" TYPE_X86_CPU);

	cpu_exec_realizefn(&cpu0.parent_obj, CPU_CLASS(klass));
}
