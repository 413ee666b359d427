/* SPDX-License-Identifier: GPL-2.0-or-later */
/* State that reaches the wire besides dc->vmsd, for the extended dump: CPU classes'
 * legacy description through cc->sysemu_ops, a description registered with
 * vmstate_register(), and the facts the load side decides on (.needed, .field_exists,
 * VMStateInfo names). */
#include "qom-like.h"

typedef struct CPUState { unsigned int pc, flags, extra; } CPUState;
typedef struct Timers { unsigned int ticks, offset; } Timers;

static bool cpu_extra_needed(void *opaque)
{
	return ((CPUState *)opaque)->extra != 0;
}

static bool flags_exist(void *opaque, int version_id)
{
	(void)opaque;
	return version_id >= 2;
}

static const VMStateDescription vmstate_cpu_extra = {
	.name = "cpu/extra", .version_id = 1, .minimum_version_id = 1,
	.needed = cpu_extra_needed,
	.fields = (const VMStateField[]) { F_UINT32(CPUState, extra, 0), F_END() },
};

static const VMStateDescription vmstate_x_cpu = {
	.name = "cpu", .version_id = 2, .minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		F_UINT32(CPUState, pc, 0),
		{ .name = "flags", .size = sizeof(unsigned int), .info = &vmstate_info_uint32,
		  .flags = VMS_SINGLE, .offset = offsetof(CPUState, flags),
		  .field_exists = flags_exist },
		F_END() },
	.subsections = (const VMStateDescription *const[]) { &vmstate_cpu_extra, NULL },
};

static const SysemuCPUOps x_sysemu_ops = { .legacy_vmsd = &vmstate_x_cpu };
static const SysemuCPUOps y_sysemu_ops = { .legacy_vmsd = NULL };

static void x_cpu_class_init(ObjectClass *oc, const void *data)
{
	CPUClass *cc = CPU_CLASS(oc);

	cc->gdb_num_core_regs = 16;
	cc->sysemu_ops = &x_sysemu_ops;
}

static void y_cpu_class_init(ObjectClass *oc, const void *data)
{
	CPU_CLASS(oc)->sysemu_ops = &y_sysemu_ops;
}

static const TypeInfo wire_types[] = {
	{ .name = TYPE_CPU, .parent = TYPE_DEVICE, .abstract = true,
	  .class_size = sizeof(CPUClass) },
	{ .name = "x-cpu", .parent = TYPE_CPU, .abstract = true,
	  .class_init = x_cpu_class_init },
	/* Concrete models inherit the ops. */
	{ .name = "x-cpu-small", .parent = "x-cpu" },
	{ .name = "x-cpu-large", .parent = "x-cpu" },
	/* Ops without a legacy description: nothing registered. */
	{ .name = "y-cpu", .parent = TYPE_CPU, .class_init = y_cpu_class_init },
};
REGISTER_TYPES(wire_types)

static const VMStateDescription vmstate_timers = {
	.name = "timers", .version_id = 2, .minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		F_UINT32(Timers, ticks, 0), F_UINT32(Timers, offset, 2), F_END() },
};
static Timers timers;

static void timers_init(void)
{
	vmstate_register(NULL, 0, &vmstate_timers, &timers);
}
machine_init(timers_init)
