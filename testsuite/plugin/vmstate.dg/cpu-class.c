/* SPDX-License-Identifier: GPL-2.0-or-later */
/* CPU state reaches migration through CPUClass.sysemu_ops->legacy_vmsd (or
 * CPUClass.vmsd): the QOM IR records those stores and the static SysemuCPUOps. */
/* { dg-do compile } */
#include "qom-like.h"

typedef struct CPUState { unsigned int pc; } CPUState;

const VMStateDescription vmstate_my_cpu = {
	.name = "cpu",
	.version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32 (CPUState, pc, 0), F_END () },
};
const VMStateDescription vmstate_cpu_common = { .name = "cpu_common" };

static void *my_cpu_memory_mapping (void *cpu) { return cpu; }

static const SysemuCPUOps my_sysemu_ops = {
	.get_memory_mapping = my_cpu_memory_mapping,
	.legacy_vmsd = &vmstate_my_cpu,
};

/* Found by what it stores, not by its signature. */
static void
set_ops (CPUClass *cc)
{
	cc->sysemu_ops = &my_sysemu_ops;
}

static void
my_cpu_class_init (ObjectClass *oc, void *data)
{
	CPUClass *cc = cpu_class_cast (oc);
	set_ops (cc);
	cc->vmsd = &vmstate_cpu_common;
}

static const TypeInfo my_cpu_info = {
	.name = "my-cpu", .parent = "cpu", .class_init = my_cpu_class_init,
};
static void
my_cpu_register_types (void)
{
	type_register_static (&my_cpu_info);
}
type_init (my_cpu_register_types)

/* { dg-final { fragment-true {sorted(x["symbol"] for x in f["qom"]["functions"]) == ["my_cpu_class_init", "my_cpu_register_types", "set_ops"]} } } */
/* { dg-final { fragment-true {[x["writes_vmsd"] for x in f["qom"]["functions"] if x["symbol"] == "set_ops"] == [True]} {[x["writes_vmsd"] for x in f["qom"]["functions"] if x["symbol"] == "my_cpu_class_init"] == [True]} } } */
/* { dg-final { fragment-true {[(d["type"], d["init"]["fields"][1]) for d in f["qom"]["data"] if d["symbol"] == "my_sysemu_ops"] == [("SysemuCPUOps", ["legacy_vmsd", {"op": "addr", "sym": "vmstate_my_cpu"}])]} } } */
/* { dg-final { fragment-true {[x["body"][0]["do"]["to"]["name"] for x in f["qom"]["functions"] if x["symbol"] == "set_ops"] == ["sysemu_ops"]} {f["qom"]["unknowns"] == []} } } */
