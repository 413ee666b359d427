/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Names with quotes, backslashes, control characters and UTF-8 survive the JSON text and
 * the assembler's string syntax; a long fragment is split over many lines. */
/* { dg-do compile } */
#include "qemu-like.h"

const VMStateDescription vmstate_odd_names = {
	.name = "quote\" back\\slash tab\t newline\n bell\a caf\xc3\xa9 \xe2\x82\xac",
	.fields = (const VMStateField[]) {
		{ .name = "field \"1\"", .flags = VMS_SINGLE },
		{ .name = "\\", .flags = VMS_SINGLE },
		F_END ()
	},
};

/* Not UTF-8: the byte becomes U+EF00 + byte (U+EFE9), the rest is kept. */
const VMStateDescription vmstate_latin1 = { .name = "caf\xe9!" };

#define LONG_NAME "a-name-long-enough-to-cross-the-assembler-line-chunks-of-the-fragment-"
const VMStateDescription vmstate_long = {
	.name = LONG_NAME LONG_NAME LONG_NAME LONG_NAME LONG_NAME LONG_NAME LONG_NAME LONG_NAME
		LONG_NAME LONG_NAME,
};

/* { dg-final { fragment-true {vmsd("vmstate_odd_names")["name"] == "quote\" back\\slash tab\t newline\n bell\a caf\u00e9 \u20ac"} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_odd_names")["fields"]] == ["field \"1\"", "\\"]} } } */
/* { dg-final { fragment-true {vmsd("vmstate_latin1")["name"] == "caf\uefe9!"} } } */
/* { dg-final { fragment-true {vmsd("vmstate_long")["name"] == "a-name-long-enough-to-cross-the-assembler-line-chunks-of-the-fragment-" * 10} } } */
