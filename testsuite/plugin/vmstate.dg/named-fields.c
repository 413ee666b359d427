/* SPDX-License-Identifier: GPL-2.0-or-later */
/* .fields names a static array, whole or from an element on. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a, b, c; } S;

static const VMStateField s_fields[] = {
	F_UINT32 (S, a, 0),
	F_UINT32 (S, b, 0),
	F_UINT32 (S, c, 0),
	F_END (),
};

const VMStateDescription vmstate_s = {
	.name = "s",
	.fields = s_fields,
};

const VMStateDescription vmstate_s_tail = {
	.name = "s-tail",
	.fields = &s_fields[1],
};

/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_s")["fields"]] == ["a", "b", "c"]} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_s_tail")["fields"]] == ["b", "c"]} } } */
/* { dg-final { fragment-true {field("vmstate_s", "c")["offset"] == 8} {field("vmstate_s", "a")["loc"].endswith("named-fields.c:9:2")} } } */
/* { dg-final { fragment-true {vmsd("vmstate_s")["version_id"] == 0} {f["unknowns"] == []} } } */
