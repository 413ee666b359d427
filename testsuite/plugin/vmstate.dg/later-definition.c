/* SPDX-License-Identifier: GPL-2.0-or-later */
/* .fields and .subsections may name arrays declared first and defined further down the
 * same unit: they are read when the definition is seen, as the program has them. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a, b; } S;

extern const VMStateField later_fields[];
extern const VMStateDescription *const later_subsections[];
extern const VMStateField never_defined[];

static const VMStateDescription vmstate_later = {
	.name = "later",
	.fields = later_fields,
	.subsections = later_subsections,
};
const VMStateDescription vmstate_later_tail = {
	.name = "later-tail",
	.fields = &later_fields[1],
};
const VMStateDescription vmstate_elsewhere = {
	.name = "elsewhere",
	.fields = never_defined,
};

const VMStateDescription *use_later (void) { return &vmstate_later; }

const VMStateDescription vmstate_later_sub = { .name = "later-sub" };

const VMStateField later_fields[] = {
	F_UINT32 (S, a, 0),
	F_UINT32 (S, b, 0),
	F_END (),
};
const VMStateDescription *const later_subsections[] = { &vmstate_later_sub, NULL };

/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_later")["fields"]] == ["a", "b"]} {field("vmstate_later", "b")["offset"] == 4} } } */
/* { dg-final { fragment-true {vmsd("vmstate_later")["subsections"] == ["vmstate_later_sub"]} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_later_tail")["fields"]] == ["b"]} } } */
/* { dg-final { fragment-true {vmsd("vmstate_elsewhere")["fields"]["unknown"] == ".fields points to an array defined in another unit"} {len(f["unknowns"]) == 1} } } */
/* { dg-final { fragment-true {list(vmsd("vmstate_later").keys())[:8] == ["symbol", "linkage", "loc", "name", "version_id", "minimum_version_id", "fields", "subsections"]} } } */
