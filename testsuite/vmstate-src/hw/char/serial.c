// SPDX-License-Identifier: GPL-2.0-or-later
/* The UART core state, embedded as an array by the multi-port PCI card. */
#include "qemu/osdep.h"
#include "hw/char/serial.h"

const VMStateDescription vmstate_serial = {
	.name = "serial",
	.version_id = 3,
	.minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT16_V(divider, SerialState, 2),
		VMSTATE_UINT8(rbr, SerialState),
		VMSTATE_UINT8(ier, SerialState),
		VMSTATE_UINT8(iir, SerialState),
		VMSTATE_UINT8(lcr, SerialState),
		VMSTATE_UINT8(mcr, SerialState),
		VMSTATE_UINT8(lsr, SerialState),
		VMSTATE_UINT8(msr, SerialState),
		VMSTATE_UINT8(scr, SerialState),
		VMSTATE_UINT8_V(fcr_vmstate, SerialState, 3),
		VMSTATE_END_OF_LIST()
	}
};
