// SPDX-License-Identifier: GPL-2.0-or-later
/* The machine's clocks, migrated as section "timer" (QEMU: system/cpu-timers.c).
 * Patterns: vmstate_register() at start-up with a constant instance id; padding; a
 * field added at a later version. */
#include "qemu/osdep.h"
#include "hw/core/cpu.h"

typedef struct TimersState {
	int64_t cpu_ticks_prev;
	int64_t cpu_ticks_offset;
	int64_t cpu_clock_offset;
	int32_t cpu_ticks_enabled;
	int64_t dummy;
} TimersState;

static TimersState timers_state;

static const VMStateDescription vmstate_timers = {
	.name = "timer",
	.version_id = 2,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_INT64(cpu_ticks_offset, TimersState),
		VMSTATE_INT64(dummy, TimersState),
		VMSTATE_INT64_V(cpu_clock_offset, TimersState, 2),
		VMSTATE_END_OF_LIST()
	}
};

void cpu_timers_init(void)
{
	vmstate_register(NULL, 0, &vmstate_timers, &timers_state);
}
