/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A static description inside a function is recorded under "FUNCTION.NAME"; an automatic
 * one is not a symbol and is not recorded. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a; } S;

extern const VMStateDescription *pick (int which);
extern void use (const VMStateDescription *d);

const VMStateDescription *
pick (int which)
{
	static const VMStateField local_fields[] = { F_UINT32 (S, a, 0), F_END () };
	static const VMStateDescription vmstate_local = {
		.name = "local",
		.version_id = 4,
		.fields = local_fields,
	};
	const VMStateDescription automatic = { .name = "automatic" };
	use (&automatic);
	return which ? &vmstate_local : 0;
}

/* { dg-final { fragment-true {vmsd("pick.vmstate_local")["name"] == "local"} {vmsd("pick.vmstate_local")["linkage"] == "static"} } } */
/* { dg-final { fragment-true {vmsd("pick.vmstate_local")["version_id"] == 4} {[x["name"] for x in vmsd("pick.vmstate_local")["fields"]] == ["a"]} } } */
/* { dg-final { fragment-true {len(f["vmstates"]) == 1} {f["unknowns"] == []} } } */
