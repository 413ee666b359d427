/* SPDX-License-Identifier: GPL-2.0-or-later */
/* An array of descriptions (QEMU 10's virtio-iommu keys and values of a tree): element 0
 * is at the array's symbol, element I at "SYMBOL[I]". */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct Pair { unsigned int key, value; } Pair;
typedef struct Holder { Pair *tree; } Holder;

static const VMStateDescription vmstate_pair[2] = {
	{ .name = "value", .version_id = 1,
	  .fields = (const VMStateField[]) { F_UINT32 (Pair, value, 0), F_END () } },
	{ .name = "key", .version_id = 2,
	  .fields = (const VMStateField[]) { F_UINT32 (Pair, key, 0), F_END () } },
};

const VMStateDescription vmstate_holder = {
	.name = "holder",
	.fields = (const VMStateField[]) {
		{ .name = "tree", .vmsd = vmstate_pair, .flags = VMS_POINTER },
		{ .name = "key", .vmsd = &vmstate_pair[1], .flags = VMS_STRUCT },
		F_END ()
	},
};

/* { dg-final { fragment-true {vmsd("vmstate_pair")["name"] == "value"} {vmsd("vmstate_pair[1]")["name"] == "key"} {vmsd("vmstate_pair[1]")["version_id"] == 2} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_pair[1]")["fields"]] == ["key"]} {vmsd("vmstate_pair[1]")["linkage"] == "static"} } } */
/* { dg-final { fragment-true {field("vmstate_holder", "tree")["vmsd"] == "vmstate_pair"} {field("vmstate_holder", "key")["vmsd"] == "vmstate_pair[1]"} {f["unknowns"] == []} } } */
