/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Validation entries (VMS_MUST_EXIST) are recorded like any other entry. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a; } S;

static bool s_is_valid (void *opaque, int version_id) { return version_id > 0; }

const VMStateDescription vmstate_validated = {
	.name = "validated",
	.fields = (const VMStateField[]) {
		F_UINT32 (S, a, 0),
		F_VALIDATE (s_is_valid, "a out of range"),
		F_END ()
	},
};

/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_validated")["fields"]] == ["a", "check"]} } } */
/* { dg-final { fragment-true {field("vmstate_validated", "check")["flags"] == ["VMS_ARRAY", "VMS_MUST_EXIST"]} {field("vmstate_validated", "check")["field_exists"] is True} } } */
/* { dg-final { fragment-true {field("vmstate_validated", "a")["field_exists"] is False} } } */
