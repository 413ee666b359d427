/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Descriptions and infos defined in another unit are recorded by symbol only. */
/* { dg-do compile } */
#include "qemu-like.h"

typedef struct PCIDevice { unsigned char config[64]; } PCIDevice;
typedef struct Card { PCIDevice parent_obj; unsigned int irq; } Card;

const VMStateDescription vmstate_card = {
	.name = "card",
	.version_id = 2,
	.fields = (const VMStateField[]) {
		F_STRUCT (Card, parent_obj, vmstate_pci_device, PCIDevice),
		F_UINT32 (Card, irq, 0),
		F_END ()
	},
};

/* { dg-final { fragment-true {field("vmstate_card", "parent_obj")["vmsd"] == "vmstate_pci_device"} {field("vmstate_card", "parent_obj")["size"] == 64} {field("vmstate_card", "parent_obj")["flags"] == ["VMS_STRUCT"]} } } */
/* { dg-final { fragment-true {field("vmstate_card", "irq")["info"] == "vmstate_info_uint32"} {field("vmstate_card", "irq")["offset"] == 64} } } */
/* { dg-final { fragment-true {[x["symbol"] for x in f["vmstates"]] == ["vmstate_card"]} {f["infos"] == []} } } */
