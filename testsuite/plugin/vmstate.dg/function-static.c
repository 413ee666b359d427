/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A static description inside a function is recorded under "FUNCTION.NAME" (or its asm
 * label); an automatic one is not a symbol and is not recorded. */
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
	static const VMStateDescription vmstate_labelled __asm__ ("labelled_vmsd") = {
		.name = "labelled",
	};
	const VMStateDescription automatic = { .name = "automatic" };
	use (&automatic);
	return which > 1 ? &vmstate_labelled : which ? &vmstate_local : 0;
}

/* { dg-final { fragment-true {vmsd("pick.vmstate_local")["name"] == "local"} {vmsd("pick.vmstate_local")["linkage"] == "static"} } } */
/* { dg-final { fragment-true {vmsd("pick.vmstate_local")["version_id"] == 4} {[x["name"] for x in vmsd("pick.vmstate_local")["fields"]] == ["a"]} } } */
/* { dg-final { fragment-true {len(f["vmstates"]) == 2} {vmsd("labelled_vmsd")["name"] == "labelled"} {f["unknowns"] == []} } } */
