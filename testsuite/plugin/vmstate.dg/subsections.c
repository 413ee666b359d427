/* SPDX-License-Identifier: GPL-2.0-or-later */
/* .subsections as a compound literal (both spellings) and as a named array. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a, b; } S;

static bool sub_needed (void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_sub_a = {
	.name = "sub/a",
	.needed = sub_needed,
	.fields = (const VMStateField[]) { F_UINT32 (S, a, 0), F_END () },
};

static const VMStateDescription vmstate_sub_b = {
	.name = "sub/b",
	.needed = sub_needed,
	.fields = (const VMStateField[]) { F_UINT32 (S, b, 0), F_END () },
};

const VMStateDescription vmstate_const_list = {
	.name = "const-list",
	.fields = (const VMStateField[]) { F_END () },
	.subsections = (const VMStateDescription *const[]) { &vmstate_sub_a, &vmstate_sub_b, NULL },
};

const VMStateDescription vmstate_plain_list = {
	.name = "plain-list",
	.subsections = (const VMStateDescription *[]) { &vmstate_sub_b, 0 },
};

static const VMStateDescription *const named_subsections[] = {
	&vmstate_sub_b, &vmstate_sub_a, &vmstate_pci_device, NULL,
};

const VMStateDescription vmstate_named_list = {
	.name = "named-list",
	.subsections = named_subsections,
};

/* { dg-final { fragment-true {vmsd("vmstate_const_list")["subsections"] == ["vmstate_sub_a", "vmstate_sub_b"]} {vmsd("vmstate_const_list")["fields"] == []} } } */
/* { dg-final { fragment-true {vmsd("vmstate_plain_list")["subsections"] == ["vmstate_sub_b"]} {vmsd("vmstate_plain_list")["fields"] is None} } } */
/* { dg-final { fragment-true {vmsd("vmstate_named_list")["subsections"] == ["vmstate_sub_b", "vmstate_sub_a", "vmstate_pci_device"]} } } */
/* { dg-final { fragment-true {vmsd("vmstate_sub_a")["linkage"] == "static"} {f["unknowns"] == []} } } */
