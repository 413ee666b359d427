/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Static TypeInfos with type_register_static, a vmsd set directly in class_init, an
 * abstract base with a vmsd, and children that inherit it or replace it. */
#include "qom-like.h"

typedef struct { unsigned int a, b; } TimerState;

static const VMStateDescription vmstate_timer = {
	.name = "timer", .version_id = 3, .minimum_version_id = 2,
	.fields = (const VMStateField[]) {
		F_UINT32(TimerState, a, 0), F_UINT32(TimerState, b, 2), F_END() },
};
static const VMStateDescription vmstate_timer_base = {
	.name = "timer-base", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(TimerState, a, 0), F_END() },
};

static void timer_base_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	dc->vmsd = &vmstate_timer_base;
	dc->desc = "timer base";
}

static void timer_class_init(ObjectClass *klass, const void *data)
{
	DEVICE_CLASS(klass)->vmsd = &vmstate_timer;
}

/* Does not touch vmsd: the parent's stays. */
static void timer_lite_class_init(ObjectClass *oc, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(oc);
	dc->user_creatable = false;
}

static const TypeInfo timer_base_info = {
	.name = "timer-base", .parent = TYPE_DEVICE, .abstract = true,
	.class_init = timer_base_class_init,
};
static const TypeInfo timer_info = {
	.name = "timer", .parent = "timer-base", .class_init = timer_class_init,
};
static const TypeInfo timer_lite_info = {
	.name = "timer-lite", .parent = "timer-base", .class_init = timer_lite_class_init,
};
/* No class_init at all. */
static const TypeInfo timer_twin_info = { .name = "timer-twin", .parent = "timer" };

static void timer_register_types(void)
{
	type_register_static(&timer_base_info);
	type_register_static(&timer_info);
	type_register_static(&timer_lite_info);
	type_register_static(&timer_twin_info);
}

type_init(timer_register_types)
