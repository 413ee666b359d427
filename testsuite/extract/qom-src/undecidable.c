/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A vmsd that depends on the host at run time: the static evaluation cannot know it
 * and must say so, with the location of the condition. */
#include "qom-like.h"

typedef struct { unsigned int x; } ProbeState;

static const VMStateDescription vmstate_probe = {
	.name = "probe", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(ProbeState, x, 0), F_END() },
};

static void probe_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	if (host_feature_enabled()) {
		dc->vmsd = &vmstate_probe;
	}
}

static const TypeInfo probe_info = {
	.name = "probe", .parent = TYPE_DEVICE, .class_init = probe_class_init,
};

static void probe_register(void)
{
	type_register_static(&probe_info);
}
type_init(probe_register)
