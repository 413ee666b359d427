/* SPDX-License-Identifier: GPL-2.0-or-later */
/* VMStateInfo definitions: with a name, without one, positional, file-local, written in
 * place as a compound literal. */
/* { dg-do compile } */
#include "qemu-like.h"

static int get_u8 (void *f, void *pv, size_t size, const VMStateField *field) { return 0; }
static int put_u8 (void *f, void *pv, size_t size, const VMStateField *field) { return 0; }

const VMStateInfo vmstate_info_uint8 = {
	.name = "uint8",
	.get = get_u8,
	.put = put_u8,
};
const VMStateInfo vmstate_info_nameless = { .get = get_u8 };
const VMStateInfo vmstate_info_positional = { "positional", get_u8, put_u8 };
static const VMStateInfo vmstate_info_local = { .name = "local", .put = put_u8 };

const VMStateDescription vmstate_uses_local = {
	.name = "uses-local",
	.fields = (const VMStateField[]) {
		{ .name = "x", .size = 1, .info = &vmstate_info_local, .flags = VMS_SINGLE },
		{ .name = "in-place", .size = 4, .flags = VMS_SINGLE,
		  .info = &(const VMStateInfo) { .name = "in-place", .get = get_u8 } },
		F_END ()
	},
};

/* { dg-final { fragment-true {info("vmstate_info_uint8") == {"symbol": "vmstate_info_uint8", "linkage": "global", "loc": info("vmstate_info_uint8")["loc"], "name": "uint8"}} {info("vmstate_info_uint8")["loc"].endswith("info.c:10:19")} } } */
/* { dg-final { fragment-true {info("vmstate_info_nameless")["name"] is None} {info("vmstate_info_positional")["name"] == "positional"} } } */
/* { dg-final { fragment-true {info("vmstate_info_local")["linkage"] == "static"} {field("vmstate_uses_local", "x")["info"] == "vmstate_info_local"} {len(f["infos"]) == 5} } } */
/* { dg-final { fragment-true {field("vmstate_uses_local", "in-place")["info"].startswith("__compound_literal.")} {info(field("vmstate_uses_local", "in-place")["info"])["name"] == "in-place"} {info(field("vmstate_uses_local", "in-place")["info"])["linkage"] == "static"} } } */
