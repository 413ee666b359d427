/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A list pointer before its array, past its end or between two entries is an unknown at
 * its place; the compilation goes on (it used to crash GCC in fields_json). */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-vmstate-verbose" } */
#include "qemu-like.h"

static const VMStateField arr[] = { { .name = "p" }, { .name = "q" }, { 0 } };
static const VMStateDescription *const subs[] = { &vmstate_pci_device, 0 };

const VMStateDescription vmstate_index = {
	.name = "index",
	.fields = &arr[-1], /* { dg-message "note: vmstate: .fields points outside the array in .vmstate_index." } */
};
const VMStateDescription vmstate_minus = {
	.name = "minus",
	.fields = arr - 1, /* { dg-message "note: vmstate: .fields points outside the array in .vmstate_minus." } */
};
const VMStateDescription vmstate_past = {
	.name = "past",
	.fields = &arr[4], /* { dg-message "note: vmstate: .fields points outside the array in .vmstate_past." } */
};
const VMStateDescription vmstate_subs = {
	.name = "subs",
	.subsections = &subs[-1], /* { dg-message "note: vmstate: .subsections points outside the array in .vmstate_subs." } */
};
/* Three bytes into arr[0]: QEMU would read garbage, not arr[0]. */
const VMStateDescription vmstate_misaligned = {
	.name = "misaligned",
	.fields = (const VMStateField *) ((const char *) arr + 3), /* { dg-message "note: vmstate: .fields points between two entries of the array in .vmstate_misaligned." } */
};
/* One whole entry on, through a byte pointer: the list starts at arr[1]. */
const VMStateDescription vmstate_aligned = {
	.name = "aligned",
	.fields = (const VMStateField *) ((const char *) arr + sizeof (VMStateField)),
};

/* { dg-final { fragment-true {vmsd("vmstate_index")["fields"]["unknown"] == ".fields points outside the array"} {vmsd("vmstate_index")["fields"]["loc"].endswith("out-of-array.c:13:12")} {vmsd("vmstate_index")["name"] == "index"} } } */
/* { dg-final { fragment-true {vmsd("vmstate_minus")["fields"]["unknown"] == ".fields points outside the array"} {vmsd("vmstate_past")["fields"]["unknown"] == ".fields points outside the array"} } } */
/* { dg-final { fragment-true {vmsd("vmstate_subs")["subsections"]["unknown"] == ".subsections points outside the array"} {vmsd("vmstate_subs")["subsections"]["loc"].endswith("out-of-array.c:25:17")} } } */
/* { dg-final { fragment-true {vmsd("vmstate_misaligned")["fields"]["unknown"] == ".fields points between two entries of the array"} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_aligned")["fields"]] == ["q"]} {len(f["unknowns"]) == 5} } } */
