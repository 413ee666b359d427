/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Descriptions and field arrays with and without const. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a; } S;

static VMStateField mutable_fields[] = { F_UINT32 (S, a, 1), F_END () };

VMStateDescription vmstate_mutable = {
	.name = "mutable",
	.version_id = 1,
	.fields = mutable_fields,
};

const VMStateDescription vmstate_readonly = {
	.name = "readonly",
	.version_id = 2,
	.fields = (const VMStateField[]) { F_UINT32 (S, a, 2), F_END () },
};

/* { dg-final { fragment-true {vmsd("vmstate_mutable")["version_id"] == 1} {field("vmstate_mutable", "a")["version_id"] == 1} } } */
/* { dg-final { fragment-true {vmsd("vmstate_readonly")["version_id"] == 2} {field("vmstate_readonly", "a")["version_id"] == 2} } } */
/* { dg-final { fragment-true {vmsd("vmstate_mutable")["linkage"] == "global"} {vmsd("vmstate_readonly")["linkage"] == "global"} } } */
