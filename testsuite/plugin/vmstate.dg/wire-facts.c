/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The facts for the wire-level verdicts (fragment-format.md, last section): .needed and
 * .field_exists functions with their places, and num_field. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a, b; int n; } S;

static bool a_needed (void *opaque) { return true; }
bool later_needed (void *opaque);
extern bool elsewhere_needed (void *opaque);
static bool b_exists (void *opaque, int version_id) { return version_id > 1; }

static const VMStateField s_fields[] = {
	F_UINT32 (S, a, 0),
	{ .name = "b", .field_exists = b_exists, .flags = VMS_SINGLE,
	  .num_offset = offsetof (S, n) },
	{ .name = "odd", .field_exists = (bool (*) (void *, int)) 1, .flags = VMS_SINGLE },
	F_END (),
};

const VMStateDescription vmstate_a = { .name = "a", .needed = a_needed, .fields = s_fields };
const VMStateDescription vmstate_later = { .name = "later", .needed = later_needed };
const VMStateDescription vmstate_elsewhere = {
	.name = "elsewhere",
	.needed = elsewhere_needed,
};
const VMStateDescription vmstate_none = { .name = "none" };
const VMStateDescription vmstate_cast = { .name = "cast", .needed = (bool (*) (void *)) 1 };

bool later_needed (void *opaque) { return false; }

/* { dg-final { fragment-true {vmsd("vmstate_a")["needed"] == {"symbol": "a_needed", "loc": vmsd("vmstate_a")["needed"]["loc"]}} {vmsd("vmstate_a")["needed"]["loc"].endswith("wire-facts.c:9:13")} } } */
/* { dg-final { fragment-true {vmsd("vmstate_later")["needed"]["symbol"] == "later_needed"} {vmsd("vmstate_later")["needed"]["loc"].endswith("wire-facts.c:31:6")} } } */
/* { dg-final { fragment-true {vmsd("vmstate_elsewhere")["needed"]["symbol"] == "elsewhere_needed"} {vmsd("vmstate_elsewhere")["needed"]["loc"].endswith("wire-facts.c:26:12")} } } */
/* { dg-final { fragment-true {vmsd("vmstate_none")["needed"] is None} {vmsd("vmstate_cast")["needed"]["unknown"] == ".needed is not a function address"} } } */
/* { dg-final { fragment-true {field("vmstate_a", "b")["exists"]["symbol"] == "b_exists"} {field("vmstate_a", "b")["exists"]["loc"].endswith("wire-facts.c:12:13")} {field("vmstate_a", "b")["field_exists"] is True} } } */
/* { dg-final { fragment-true {field("vmstate_a", "a")["exists"] is None} {field("vmstate_a", "b")["num_offset"] == 8} {field("vmstate_a", "b")["num_field"] is None} } } */
/* A set .field_exists that is no function: set for the legacy dump, one UNKNOWN FUNC. */
/* { dg-final { fragment-true {field("vmstate_a", "odd")["field_exists"] is True} {field("vmstate_a", "odd")["exists"]["unknown"] == ".field_exists is not a function address"} } } */
/* { dg-final { fragment-true {f["registers"] == []} {len(f["unknowns"]) == 2} } } */
