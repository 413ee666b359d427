/* SPDX-License-Identifier: GPL-2.0-or-later */
/* USB devices: the state of the device side of the bus. */
#ifndef VSRC_USB_H
#define VSRC_USB_H

#include "hw/qdev-core.h"

#define TYPE_USB_DEVICE "usb-device"

typedef struct USBDevice {
	DeviceState parent_obj;
	uint8_t addr;
	int32_t state;
	int32_t remote_wakeup;
	int32_t setup_state;
	int32_t setup_len;
	int32_t setup_index;
	uint8_t setup_buf[8];
} USBDevice;

extern const VMStateDescription vmstate_usb_device;

#define VMSTATE_USB_DEVICE(field, state) \
	VMSTATE_STRUCT(field, state, 1, vmstate_usb_device, USBDevice)

#endif
