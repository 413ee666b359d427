/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPUs: their migration state is not dc->vmsd but SysemuCPUOps.legacy_vmsd, which
 * the CPU's realize registers with vmstate_register(), as QEMU does. */
#ifndef VSRC_HW_CORE_CPU_H
#define VSRC_HW_CORE_CPU_H

#include "hw/qdev-core.h"

#define TYPE_CPU "cpu"

typedef struct SysemuCPUOps {
	/* The CPU's own state, registered per CPU. */
	const VMStateDescription *legacy_vmsd;
} SysemuCPUOps;

typedef struct CPUClass {
	DeviceClass parent_class;
	const SysemuCPUOps *sysemu_ops;
} CPUClass;

typedef struct CPUState {
	DeviceState parent_obj;
	int cpu_index;
	uint32_t halted;
	uint32_t interrupt_request;
} CPUState;

#define CPU_CLASS(klass) OBJECT_CLASS_CHECK(CPUClass, (klass), TYPE_CPU)

/* Registers CPU's migration state, as realizing a CPU does in QEMU. */
void cpu_exec_realizefn(CPUState *cpu, CPUClass *cc);

/* The "timer" state of the machine, registered once at start-up. */
void cpu_timers_init(void);

#endif
