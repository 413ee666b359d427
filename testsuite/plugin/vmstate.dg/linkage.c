/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Global and file-local descriptions; a declaration alone is not a definition. */
/* { dg-do compile } */
#include "qemu-like.h"

extern const VMStateDescription vmstate_declared_only;
static const VMStateDescription vmstate_file_local = { .name = "file-local" };
const VMStateDescription vmstate_global = {
	.name = "global",
	.subsections = (const VMStateDescription *const[]) { &vmstate_file_local, NULL },
};
__attribute__ ((visibility ("hidden"))) const VMStateDescription vmstate_hidden = { .name = "hidden" };

/* { dg-final { fragment-true {vmsd("vmstate_file_local")["linkage"] == "static"} {vmsd("vmstate_global")["linkage"] == "global"} {vmsd("vmstate_hidden")["linkage"] == "global"} } } */
/* { dg-final { fragment-true {[x["symbol"] for x in f["vmstates"]] == ["vmstate_file_local", "vmstate_global", "vmstate_hidden"]} } } */
