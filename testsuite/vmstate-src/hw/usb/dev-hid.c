// SPDX-License-Identifier: GPL-2.0-or-later
/* A USB keyboard.
 * Patterns: a non-const static description; field names that are member paths
 * ("kbd.keycodes"); an extern nested description (USBDevice); a class_init that
 * calls a shared helper before setting vmsd. */
#include "qemu/osdep.h"
#include "hw/usb.h"

#define TYPE_USB_KBD "usb-kbd"

typedef struct USBHIDState {
	USBDevice dev;
	struct {
		uint32_t keycodes[16];
		uint16_t modifiers;
		uint8_t leds;
		uint8_t key[16];
		int32_t keys;
	} kbd;
	int32_t head;
	int32_t n;
	int32_t protocol;
	uint8_t idle;
} USBHIDState;

static VMStateDescription vmstate_usb_kbd = {
	.name = "usb-kbd",
	.version_id = 1,
	.minimum_version_id = 1,
	.fields = (const VMStateField[]) {
		VMSTATE_USB_DEVICE(dev, USBHIDState),
		VMSTATE_UINT32_ARRAY(kbd.keycodes, USBHIDState, 16),
		VMSTATE_INT32(head, USBHIDState),
		VMSTATE_INT32(n, USBHIDState),
		VMSTATE_UINT16(kbd.modifiers, USBHIDState),
		VMSTATE_UINT8(kbd.leds, USBHIDState),
		VMSTATE_UINT8_ARRAY(kbd.key, USBHIDState, 16),
		VMSTATE_INT32(kbd.keys, USBHIDState),
		VMSTATE_INT32(protocol, USBHIDState),
		VMSTATE_UINT8(idle, USBHIDState),
		VMSTATE_END_OF_LIST()
	}
};

/* What every HID device class shares; it leaves vmsd to the caller. */
static void usb_hid_class_initfn(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)data;
	dc->user_creatable = true;
}

static void usb_keyboard_class_initfn(ObjectClass *klass, void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	usb_hid_class_initfn(klass, data);
	dc->desc = "USB keyboard";
	dc->vmsd = &vmstate_usb_kbd;
}

static const TypeInfo usb_keyboard_info = {
	.name = TYPE_USB_KBD,
	.parent = TYPE_USB_DEVICE,
	.instance_size = sizeof(USBHIDState),
	.class_init = usb_keyboard_class_initfn,
};

static void usb_hid_register_types(void)
{
	type_register_static(&usb_keyboard_info);
}

type_init(usb_hid_register_types)
