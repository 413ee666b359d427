// SPDX-License-Identifier: GPL-2.0-or-later
/* The EHCI controller core state, defined once and embedded by the bus front ends
 * (hcd-ehci-sysbus.c) through an extern declaration. */
#include "qemu/osdep.h"
#include "hw/usb/hcd-ehci.h"

const VMStateDescription vmstate_ehci = {
	.name = "ehci-core",
	.version_id = 2,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT32(usbcmd, EHCIState),
		VMSTATE_UINT32(usbsts, EHCIState),
		VMSTATE_UINT32(usbsts_pending, EHCIState),
		VMSTATE_UINT32(usbintr, EHCIState),
		VMSTATE_UINT32(frindex, EHCIState),
		VMSTATE_UINT32(ctrldssegment, EHCIState),
		VMSTATE_UINT32(periodiclistbase, EHCIState),
		VMSTATE_UINT32(asynclistaddr, EHCIState),
		VMSTATE_UINT32(configflag, EHCIState),
		VMSTATE_UINT32_ARRAY(portsc, EHCIState, EHCI_PORTS),
		VMSTATE_UINT64(last_run_ns, EHCIState),
		VMSTATE_UINT32_V(async_stepdown, EHCIState, 2),
		VMSTATE_END_OF_LIST()
	}
};
