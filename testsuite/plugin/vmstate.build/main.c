/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Build-matrix program: defines the infos the units refer to. */
#include "qemu-like.h"

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };
const VMStateDescription vmstate_pci_device = { .name = "PCIDevice" };

int a_version (void);

int
main (void)
{
	return a_version () == 1 ? 0 : 1;
}
