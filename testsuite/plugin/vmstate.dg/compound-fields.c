/* SPDX-License-Identifier: GPL-2.0-or-later */
/* .fields as a compound literal, const (QEMU 10) and not (QEMU 7.2). */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a, b; } S;

const VMStateDescription vmstate_const_literal = {
	.name = "const-literal",
	.fields = (const VMStateField[]) {
		F_UINT32 (S, a, 0),
		F_END ()
	},
};

const VMStateDescription vmstate_plain_literal = {
	.name = "plain-literal",
	.fields = (VMStateField[]) {
		F_UINT32 (S, a, 0),
		F_UINT32 (S, b, 0),
		F_END_EMPTY ()
	},
};

/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_const_literal")["fields"]] == ["a"]} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_plain_literal")["fields"]] == ["a", "b"]} } } */
/* { dg-final { fragment-true {field("vmstate_plain_literal", "b")["offset"] == 4} {field("vmstate_plain_literal", "b")["loc"].endswith("compound-fields.c:20:3")} } } */
/* { dg-final { fragment-true {len(f["vmstates"]) == 2} {f["unknowns"] == []} } } */
