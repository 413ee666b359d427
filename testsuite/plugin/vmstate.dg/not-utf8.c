/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text that is not well-formed UTF-8 loses nothing: each such byte becomes U+EF00 + byte
 * (fragment-format.md, "Strings"), the same way for a definition and its references. */
/* { dg-do compile } */
#include "qom-like.h"

/* An encoded surrogate is not UTF-8: the field keeps a name, and the fields after it. */
static const VMStateField surrogate_fields[] = {
	{ .name = "a\xed\xa0\x80", .flags = VMS_SINGLE },
	{ .name = "b", .flags = VMS_SINGLE },
	F_END (),
};
const VMStateDescription vmstate_surrogate = {
	.name = "surrogate", .fields = surrogate_fields,
};

/* Two labels that differ only in bytes that are not UTF-8 stay two symbols, and a
 * reference spells each as its definition does. */
const VMStateDescription vmstate_ff __asm__ ("vmstate_\xff") = { .name = "ff" };
const VMStateDescription vmstate_fe __asm__ ("vmstate_\xfe") = { .name = "fe" };
const VMStateDescription vmstate_parent = {
	.name = "parent",
	.subsections = (const VMStateDescription *const[]) { &vmstate_ff, &vmstate_fe, 0 },
};

/* A code point that stands for a byte is itself escaped, so the mapping can be undone. */
const VMStateDescription vmstate_pua = { .name = "\xee\xbe\x80" };

/* RFC 3629's edges: an overlong form, a code point above U+10FFFF and a sequence cut
 * short are bytes; a 4-byte sequence that is well-formed is kept. */
static const VMStateField edge_fields[] = {
	{ .name = "\xc0\xaf", .flags = VMS_SINGLE },
	{ .name = "\xf4\x90\x80\x80", .flags = VMS_SINGLE },
	{ .name = "x\xe2\x82", .flags = VMS_SINGLE },
	{ .name = "\xf0\x9f\x98\x80", .flags = VMS_SINGLE },
	F_END (),
};
const VMStateDescription vmstate_edges = { .name = "edges", .fields = edge_fields };

/* A file name in another encoding: locations, and the QOM record with them, are kept. */
#line 40 "caf\xe9.c"
static void
latin1_class_init (ObjectClass *klass, void *data)
{
	DeviceClass *dc = device_class_cast (klass);
	dc->desc = "d\xe9j\xe0";
	dc->vmsd = &vmstate_ff;
}
static const TypeInfo latin1_info = { .name = "caf\xe9", .class_init = latin1_class_init };
static void
latin1_register_types (void)
{
	type_register_static (&latin1_info);
}
type_init (latin1_register_types)

/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_surrogate")["fields"]] == ["a\uefed\uefa0\uef80", "b"]} } } */
/* { dg-final { fragment-true {vmsd("vmstate_\ueffe")["name"] == "fe"} {vmsd("vmstate_\uefff")["name"] == "ff"} } } */
/* { dg-final { fragment-true {vmsd("vmstate_parent")["subsections"] == ["vmstate_\uefff", "vmstate_\ueffe"]} } } */
/* { dg-final { fragment-true {vmsd("vmstate_pua")["name"] == "\uefee\uefbe\uef80"} } } */
/* { dg-final { fragment-true {[r["function"] for r in f["qom"]["registrations"]] == ["latin1_register_types"]} {f["qom"]["registrations"][0]["loc"].startswith("caf\uefe9.c:")} } } */
/* { dg-final { fragment-true {sorted(x["symbol"] for x in f["qom"]["functions"]) == ["latin1_class_init", "latin1_register_types"]} {f["qom"]["functions"][0]["loc"] == "caf\uefe9.c:41:1"} } } */
/* { dg-final { fragment-true {f["qom"]["data"][0]["init"]["fields"][0] == ["name", {"op": "decay", "ptr": "caf\uefe9"}]} {f["qom"]["functions"][0]["body"][1]["do"]["value"] == {"op": "decay", "ptr": "d\uefe9j\uefe0"}} } } */
/* { dg-final { fragment-true {[x["name"] for x in vmsd("vmstate_edges")["fields"]] == ["\uefc0\uefaf", "\ueff4\uef90\uef80\uef80", "x\uefe2\uef82", "\U0001f600"]} } } */
/* { dg-final { fragment-true {f["unknowns"] == []} {f["qom"]["unknowns"] == []} } } */
