/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A registration of a description defined in another unit (declared extern, as QEMU
 * 7.2's hw/ide/piix.c registers vmstate_ide_pci) is a plain symbol reference, which the
 * tools resolve across units; a description on the stack stays an UNKNOWN. */
/* { dg-do compile } */
/* { dg-options "-fplugin-arg-vmstate-verbose" } */
#include "qom-like.h"

extern const VMStateDescription vmstate_ide_pci;

void
ide_realize (void *d)
{
	extern const VMStateDescription vmstate_in_block;
	VMStateDescription on_stack = { .name = "stack" };
	vmstate_register (NULL, 0, &vmstate_ide_pci, d);
	vmstate_register_any (NULL, &vmstate_in_block, d);
	vmstate_register (NULL, 1, &on_stack, d); /* { dg-message "note: vmstate: the description is not a static variable in .ide_realize." } */
}

/* { dg-final { fragment-true {[r["vmsd"] for r in f["registers"][:2]] == ["vmstate_ide_pci", "vmstate_in_block"]} {[r["instance_id"] for r in f["registers"][:2]] == [0, "any"]} } } */
/* { dg-final { fragment-true {f["registers"][2]["vmsd"]["unknown"] == "the description is not a static variable"} {len(f["unknowns"]) == 1} {f["vmstates"] == []} } } */
