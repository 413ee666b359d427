/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A description defined without an initializer (a stub's "const VMStateDescription
 * vmstate_x;") is all zero, as the program sees it; a forward declaration that is
 * defined later in the unit is recorded once, with its initializer; an extern one is
 * not a definition. */
/* { dg-do compile } */
#include "qemu-like.h"

const VMStateDescription vmstate_stub;
static const VMStateDescription vmstate_forward;
extern const VMStateDescription vmstate_elsewhere;

const VMStateDescription *pick(int i)
{
	return i ? &vmstate_forward : &vmstate_stub;
}

static const VMStateDescription vmstate_forward = {
	.name = "forward",
	.version_id = 3,
	.minimum_version_id = 2,
};

/* { dg-final { fragment-true {[x["symbol"] for x in f["vmstates"]] == ["vmstate_forward", "vmstate_stub"]} } } */
/* { dg-final { fragment-true {vmsd("vmstate_stub") == {"symbol": "vmstate_stub", "linkage": "global", "loc": vmsd("vmstate_stub")["loc"], "name": None, "version_id": 0, "minimum_version_id": 0, "fields": None, "subsections": None, "needed": None}} } } */
/* { dg-final { fragment-true {vmsd("vmstate_forward")["name"] == "forward"} {vmsd("vmstate_forward")["version_id"] == 3} {vmsd("vmstate_forward")["linkage"] == "static"} } } */
