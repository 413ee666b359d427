/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What cannot be evaluated becomes an unknown; -fplugin-arg-vmstate-verbose adds a note. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-vmstate-verbose" } */
#include "qemu-like.h"

extern const VMStateField elsewhere_fields[];
extern const char elsewhere_name[];
extern const VMStateDescription *const elsewhere_subsections[];

const VMStateDescription vmstate_opaque = {
	.name = elsewhere_name, /* { dg-message "note: vmstate: initializer of .name is not a string constant in .vmstate_opaque.; recorded as unknown" } */
	.version_id = 1,
	.fields = elsewhere_fields, /* { dg-message "note: vmstate: .fields points to an array defined in another unit" } */
	.subsections = elsewhere_subsections, /* { dg-message "note: vmstate: .subsections points to an array defined in another unit" } */
};

/* { dg-final { fragment-true {vmsd("vmstate_opaque")["name"]["unknown"] == "initializer of .name is not a string constant"} {vmsd("vmstate_opaque")["version_id"] == 1} } } */
/* { dg-final { fragment-true {vmsd("vmstate_opaque")["fields"]["unknown"] == ".fields points to an array defined in another unit"} {vmsd("vmstate_opaque")["fields"]["loc"].endswith(".c:14:12")} } } */
/* { dg-final { fragment-true {len(f["unknowns"]) == 3} {all(u["context"] == "vmstate_opaque" for u in f["unknowns"])} } } */
