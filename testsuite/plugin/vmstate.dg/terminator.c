/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The list ends at the entry without a name ({.flags = VMS_END} or {}), wherever it is;
 * a list without one is an unknown. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned int a, b; } S;

const VMStateDescription vmstate_by_flag = {
	.name = "by-flag",
	.fields = (const VMStateField[]) {
		F_UINT32 (S, a, 0),
		F_END (),
		F_UINT32 (S, b, 0),
	},
};

const VMStateDescription vmstate_by_empty = {
	.name = "by-empty",
	.fields = (const VMStateField[]) { F_UINT32 (S, b, 0), F_END_EMPTY () },
};

static const VMStateField open_fields[2] = { F_UINT32 (S, a, 0), F_UINT32 (S, b, 0) };

const VMStateDescription vmstate_unterminated = {
	.name = "unterminated",
	.fields = open_fields,
};

/* A trailing zero-filled element ends the list too. */
static const VMStateField padded_fields[3] = { F_UINT32 (S, a, 0) };

const VMStateDescription vmstate_padded = {
	.name = "padded",
	.fields = padded_fields,
};

/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_by_flag")["fields"]] == ["a"]} {[x["name"] for x in vmsd("vmstate_by_empty")["fields"]] == ["b"]} } } */
/* { dg-final { fragment-true {[x.get("name") for x in vmsd("vmstate_unterminated")["fields"]] == ["a", "b", None]} {vmsd("vmstate_unterminated")["fields"][2]["unknown"] == ".fields has no terminating entry"} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_padded")["fields"]] == ["a"]} } } */
/* { dg-final { fragment-true {len(f["unknowns"]) == 1} {f["unknowns"][0]["context"] == "vmstate_unterminated"} {f["unknowns"][0]["loc"].endswith("terminator.c:23:27")} } } */
