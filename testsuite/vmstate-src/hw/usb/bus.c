// SPDX-License-Identifier: GPL-2.0-or-later
/* The USB device base type and the state every USB device migrates. */
#include "qemu/osdep.h"
#include "hw/usb.h"

const VMStateDescription vmstate_usb_device = {
	.name = "USBDevice",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_UINT8(addr, USBDevice),
		VMSTATE_INT32(state, USBDevice),
		VMSTATE_INT32(remote_wakeup, USBDevice),
		VMSTATE_INT32(setup_state, USBDevice),
		VMSTATE_INT32(setup_len, USBDevice),
		VMSTATE_INT32(setup_index, USBDevice),
		VMSTATE_UINT8_ARRAY(setup_buf, USBDevice, 8),
		VMSTATE_END_OF_LIST(),
	}
};

static const TypeInfo usb_device_type_info = {
	.name = TYPE_USB_DEVICE,
	.parent = TYPE_DEVICE,
	.instance_size = sizeof(USBDevice),
	.abstract = true,
};

static void usb_register_types(void)
{
	type_register_static(&usb_device_type_info);
}

type_init(usb_register_types)
