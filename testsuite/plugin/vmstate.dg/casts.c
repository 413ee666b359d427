/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Casts anywhere in the initializer are looked through. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct S { unsigned short a; unsigned int b; } S;

static const VMStateDescription vmstate_inner = { .name = "inner" };

const VMStateDescription vmstate_casts = {
	.name = (const char *) "casts",
	.version_id = (int) 7u,
	.minimum_version_id = (unsigned char) 0x106,
	.fields = (VMStateField *) (const VMStateField[]) {
		{
			.name = (char *) "b",
			.size = (size_t) sizeof (unsigned int),
			.offset = (size_t) offsetof (S, b),
			.info = (VMStateInfo *) &vmstate_info_uint32,
			.flags = (enum VMStateFlags) (VMS_SINGLE | VMS_POINTER),
			.vmsd = (const VMStateDescription *) (void *) &vmstate_inner,
			.num = (int) (sizeof (S) / sizeof (unsigned short)),
		},
		F_END ()
	},
	.subsections = (const VMStateDescription *const *) (const VMStateDescription *[]) {
		(const VMStateDescription *) &vmstate_inner, (void *) 0,
	},
};

/* { dg-final { fragment-true {vmsd("vmstate_casts")["name"] == "casts"} {vmsd("vmstate_casts")["version_id"] == 7} {vmsd("vmstate_casts")["minimum_version_id"] == 6} } } */
/* { dg-final { fragment-true {field("vmstate_casts", "b")["offset"] == 4} {field("vmstate_casts", "b")["size"] == 4} {field("vmstate_casts", "b")["num"] == 4} } } */
/* { dg-final { fragment-true {field("vmstate_casts", "b")["flags"] == ["VMS_SINGLE", "VMS_POINTER"]} {field("vmstate_casts", "b")["info"] == "vmstate_info_uint32"} {field("vmstate_casts", "b")["vmsd"] == "vmstate_inner"} } } */
/* { dg-final { fragment-true {vmsd("vmstate_casts")["subsections"] == ["vmstate_inner"]} {f["unknowns"] == []} } } */
