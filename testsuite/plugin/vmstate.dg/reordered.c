/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Another layout and other flag values under the same names read the same. */
/* { dg-do compile } */
#include "qemu-like-reordered.h"

typedef struct S { unsigned int a; unsigned int arr[2]; } S;

static const VMStateDescription vmstate_sub = { .name = "sub", .version_id = 9 };

const VMStateDescription vmstate_reordered = {
	.name = "reordered",
	.version_id = 3,
	.minimum_version_id = 1,
	.fields = (VMStateField[]) {
		{ .name = "a", .size = 4, .offset = offsetof (S, a), .info = &vmstate_info_uint32,
		  .flags = VMS_SINGLE, .version_id = 2 },
		{ .name = "arr", .size = 4, .num = 2, .offset = offsetof (S, arr),
		  .info = &vmstate_info_uint32, .flags = VMS_ARRAY | VMS_POINTER | 0x8000 },
		{ .flags = VMS_END },
	},
	.subsections = (const VMStateDescription *[]) { &vmstate_sub, NULL },
};

/* { dg-final { fragment-true {vmsd("vmstate_reordered")["name"] == "reordered"} {vmsd("vmstate_reordered")["version_id"] == 3} {vmsd("vmstate_reordered")["minimum_version_id"] == 1} } } */
/* { dg-final { fragment-true {field("vmstate_reordered", "a")["flags"] == ["VMS_SINGLE"]} {field("vmstate_reordered", "a")["version_id"] == 2} {field("vmstate_reordered", "a")["info"] == "vmstate_info_uint32"} } } */
/* { dg-final { fragment-true {field("vmstate_reordered", "arr")["flags"] == ["VMS_ARRAY", "VMS_POINTER", 32768]} {field("vmstate_reordered", "arr")["num"] == 2} {field("vmstate_reordered", "arr")["offset"] == 4} } } */
/* { dg-final { fragment-true {vmsd("vmstate_reordered")["subsections"] == ["vmstate_sub"]} {vmsd("vmstate_sub")["version_id"] == 9} {f["unknowns"] == []} } } */
