/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Designated initializers, as the emulator's macros write them. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct Dev { unsigned int a; unsigned int regs[4]; unsigned int b; } Dev;

const VMStateDescription vmstate_dev = {
	.name = "dev",
	.version_id = 3,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		F_UINT32 (Dev, a, 2),
		F_UINT32_ARRAY (Dev, regs, 4),
		F_UINT32 (Dev, b, 0),
		F_END ()
	},
};

/* { dg-final { fragment-true {f["vmstate-fragment"] == 1} {f["producer"]["name"] == "vmstate.so"} } } */
/* { dg-final { fragment-true {f["unit"]["source"].endswith("designated.c")} {len(f["unit"]["id"]) == 16} } } */
/* { dg-final { fragment-true {vmsd("vmstate_dev")["name"] == "dev"} {vmsd("vmstate_dev")["version_id"] == 3} {vmsd("vmstate_dev")["minimum_version_id"] == 2} } } */
/* { dg-final { fragment-true {vmsd("vmstate_dev")["linkage"] == "global"} {vmsd("vmstate_dev")["loc"].endswith("designated.c:8:26")} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_dev")["fields"]] == ["a", "regs", "b"]} } } */
/* { dg-final { fragment-true {field("vmstate_dev", "a") == {"name": "a", "loc": field("vmstate_dev", "a")["loc"], "version_id": 2, "field_exists": False, "exists": None, "size": 4, "num": 0, "start": 0, "offset": 0, "struct_version_id": 0, "size_offset": 0, "num_offset": 0, "num_field": None, "flags": ["VMS_SINGLE"], "info": "vmstate_info_uint32", "vmsd": None}} } } */
/* { dg-final { fragment-true {field("vmstate_dev", "a")["loc"].endswith("designated.c:13:3")} {field("vmstate_dev", "b")["loc"].endswith("designated.c:15:3")} } } */
/* { dg-final { fragment-true {field("vmstate_dev", "regs")["num"] == 4} {field("vmstate_dev", "regs")["offset"] == 4} {field("vmstate_dev", "regs")["flags"] == ["VMS_ARRAY"]} } } */
/* { dg-final { fragment-true {field("vmstate_dev", "b")["offset"] == 20} {vmsd("vmstate_dev")["subsections"] is None} {f["unknowns"] == []} {f["qom"] == {} or isinstance(f["qom"], dict)} } } */
