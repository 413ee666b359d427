/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Positional initializers (members in declaration order) and array designators. */
/* { dg-do compile } */
#include "qemu-like.h"

/* name, err_hint, offset, size, start, num, num_offset, size_offset, info, flags, vmsd,
 * version_id, struct_version_id, field_exists */
static const VMStateField pos_fields[] = {
	{ "x", 0, 8, 4, 0, 0, 0, 0, &vmstate_info_uint32, VMS_SINGLE, 0, 1, 0, 0 },
	{ "y", 0, 12, 4, 0, 3, 0, 0, &vmstate_info_uint32, VMS_ARRAY, 0, 2 },
	[3] = { .flags = VMS_END },
};

/* name, unmigratable, version_id, minimum_version_id, pre_load, post_load, needed, fields */
static const VMStateDescription vmstate_pos __attribute__ ((used)) = { "pos", 0, 5, 4, 0, 0, 0, pos_fields };

/* { dg-final { fragment-true {vmsd("vmstate_pos")["name"] == "pos"} {vmsd("vmstate_pos")["version_id"] == 5} {vmsd("vmstate_pos")["minimum_version_id"] == 4} {vmsd("vmstate_pos")["linkage"] == "static"} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_pos")["fields"]] == ["x", "y"]} } } */
/* { dg-final { fragment-true {field("vmstate_pos", "x")["offset"] == 8} {field("vmstate_pos", "x")["version_id"] == 1} {field("vmstate_pos", "x")["info"] == "vmstate_info_uint32"} } } */
/* { dg-final { fragment-true {field("vmstate_pos", "y")["num"] == 3} {field("vmstate_pos", "y")["flags"] == ["VMS_ARRAY"]} {field("vmstate_pos", "y")["version_id"] == 2} } } */
/* { dg-final { fragment-true {vmsd("vmstate_pos")["subsections"] is None} {f["unknowns"] == []} } } */
