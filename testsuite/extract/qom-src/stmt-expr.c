/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A class_init with code the IR does not model (a GNU statement expression): it is
 * recorded as unknown, which must not make the vmsd unknown when it cannot affect it. */
#include "qom-like.h"

typedef struct { unsigned int v; } LedState;

static const VMStateDescription vmstate_led = {
	.name = "led", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(LedState, v, 0), F_END() },
};

static void led_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	dc->desc = ({ const char *d = "light"; d; });
	dc->vmsd = &vmstate_led;
}

static const TypeInfo led_info = {
	.name = "led", .parent = TYPE_DEVICE, .class_init = led_class_init,
};

static void led_register(void)
{
	type_register_static(&led_info);
}
type_init(led_register)
