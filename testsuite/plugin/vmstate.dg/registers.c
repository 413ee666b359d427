/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Calls of vmstate_register, vmstate_register_any and vmstate_register_with_alias_id are
 * recorded at the call, with the caller and the instance id; the family's own wrappers
 * (qom-like.h's static inline ones) are not. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-vmstate-verbose" } */
#include "qom-like.h"

typedef struct Timers { unsigned int ticks; } Timers;
static Timers timers;

static const VMStateDescription vmstate_timers = {
	.name = "timer",
	.fields = (const VMStateField[]) { F_UINT32 (Timers, ticks, 0), F_END () },
};
const VMStateDescription vmstate_any = { .name = "any" };
const VMStateDescription vmstate_alias = { .name = "alias" };
static const VMStateDescription pair[2] = { { .name = "p0" }, { .name = "p1" } };

void
timers_init (void)
{
	vmstate_register (NULL, 0, &vmstate_timers, &timers);
}

void
others_init (int n, const VMStateDescription *given)
{
	static const VMStateDescription vmstate_local = { .name = "local" };
	vmstate_register_any (NULL, &vmstate_any, NULL);
	vmstate_register_with_alias_id (NULL, 3, &vmstate_alias, NULL, 2, 1, NULL);
	vmstate_register (NULL, VMSTATE_INSTANCE_ID_ANY, &vmstate_local, NULL);
	vmstate_register (NULL, n, &pair[1], NULL); /* { dg-message "note: vmstate: the instance id is not a constant in .others_init." } */
	vmstate_register (NULL, 1, given, NULL); /* { dg-message "note: vmstate: the description is not the address of a static description in .others_init." } */
	vmstate_unregister (NULL, &vmstate_any, NULL);
	vmstate_replace_hack_for_ppc (NULL, 7, &vmstate_alias, NULL);
}

/* { dg-final { fragment-true {len(f["registers"]) == 7} {[r["function"] for r in f["registers"]] == ["vmstate_register", "vmstate_register_any", "vmstate_register_with_alias_id", "vmstate_register", "vmstate_register", "vmstate_register", "vmstate_replace_hack_for_ppc"]} } } */
/* { dg-final { fragment-true {f["registers"][6]["vmsd"] == "vmstate_alias"} {f["registers"][6]["instance_id"] == 7} } } */
/* { dg-final { fragment-true {f["registers"][0] == {"function": "vmstate_register", "caller": "timers_init", "loc": f["registers"][0]["loc"], "vmsd": "vmstate_timers", "instance_id": 0}} {f["registers"][0]["loc"].endswith("registers.c:23:2")} } } */
/* { dg-final { fragment-true {f["registers"][1]["vmsd"] == "vmstate_any"} {f["registers"][1]["instance_id"] == "any"} {f["registers"][1]["caller"] == "others_init"} } } */
/* { dg-final { fragment-true {f["registers"][2]["vmsd"] == "vmstate_alias"} {f["registers"][2]["instance_id"] == 3} } } */
/* { dg-final { fragment-true {f["registers"][3]["vmsd"] == "others_init.vmstate_local"} {f["registers"][3]["instance_id"] == "any"} } } */
/* { dg-final { fragment-true {f["registers"][4]["vmsd"] == "pair[1]"} {f["registers"][4]["instance_id"]["unknown"] == "the instance id is not a constant"} } } */
/* { dg-final { fragment-true {f["registers"][5]["vmsd"]["unknown"] == "the description is not the address of a static description"} {f["registers"][5]["instance_id"] == 1} } } */
/* { dg-final { fragment-true {vmsd("others_init.vmstate_local")["name"] == "local"} {len(f["unknowns"]) == 2} } } */
