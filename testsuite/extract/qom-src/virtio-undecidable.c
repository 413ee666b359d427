/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A virtio device whose class description depends on the host at run time: that member
 * alone is unknown (at the condition), its dc->vmsd and section stay known. */
#include "qom-like.h"

typedef struct { unsigned int x; } VProbeState;

static const VMStateDescription vmstate_vprobe_device = {
	.name = "vprobe-device", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32(VProbeState, x, 0), F_END() },
};

static const VMStateDescription vmstate_vprobe = {
	.name = "vprobe", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_VIRTIO_DEVICE(), F_END() },
};

static void vprobe_class_init(ObjectClass *klass, const void *data)
{
	VirtioDeviceClass *vdc = VIRTIO_DEVICE_CLASS(klass);

	DEVICE_CLASS(klass)->vmsd = &vmstate_vprobe;
	if (host_feature_enabled()) {
		vdc->vmsd = &vmstate_vprobe_device;
	}
}

static const TypeInfo vprobe_info = {
	.name = "vprobe", .parent = TYPE_VIRTIO_DEVICE, .class_init = vprobe_class_init,
};

static void vprobe_register(void)
{
	type_register_static(&vprobe_info);
}
type_init(vprobe_register)
