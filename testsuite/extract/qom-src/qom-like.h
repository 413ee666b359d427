/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A small stand-in for an emulator's object model, written for these tests: the struct,
 * member and function names the QOM recorder and evaluator look for, nothing else. */
#ifndef QOM_LIKE_H
#define QOM_LIKE_H

#include "../../plugin/qemu-like.h"

typedef struct ObjectClass ObjectClass;
typedef struct DeviceClass DeviceClass;
typedef struct TypeInfo TypeInfo;

struct ObjectClass {
	void *type;
	const char *object_cast_cache[4];
};

struct DeviceClass {
	ObjectClass parent_class;
	unsigned long categories[1];
	const char *desc;
	void (*realize) (void *dev, void **errp);
	const VMStateDescription *vmsd;
	bool user_creatable;
};

typedef struct BusDeviceClass {
	DeviceClass parent_class;
	unsigned short vendor_id;
	unsigned short device_id;
} BusDeviceClass;

struct TypeInfo {
	const char *name;
	const char *parent;
	size_t instance_size;
	void (*instance_init) (void *obj);
	bool abstract;
	size_t class_size;
	void (*class_init) (ObjectClass *klass, const void *data);
	void (*class_base_init) (ObjectClass *klass, const void *data);
	const void *class_data;
	const char *const *interfaces;
};

void *type_register(const TypeInfo *info);
void *type_register_static(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass, const char *typename,
					      const char *file, int line, const char *func);

typedef enum {
	INIT_FIRST,
	MODULE_INIT_BLOCK,
	MODULE_INIT_OPTS,
	MODULE_INIT_QOM,
	MODULE_INIT_MACHINE,
} module_init_type;
void register_module_init(void (*fn) (void), module_init_type type);

#define MODULE_INIT(fn, kind)                                                 \
	static void __attribute__((constructor)) run_init_##fn(void)           \
	{ register_module_init(fn, kind); }
#define type_init(fn) MODULE_INIT(fn, MODULE_INIT_QOM)
#define block_init(fn) MODULE_INIT(fn, MODULE_INIT_BLOCK)
#define N_ELEMS(a) (sizeof(a) / sizeof((a)[0]))
#define REGISTER_TYPES(arr)                                                   \
	static void arr##_register(void)                                      \
	{ type_register_static_array(arr, N_ELEMS(arr)); }                    \
	type_init(arr##_register)

/* Checked casts are calls, as in the real thing. */
static inline DeviceClass *DEVICE_CLASS(const void *klass)
{
	return (DeviceClass *)object_class_dynamic_cast_assert((ObjectClass *)klass,
		"device", __FILE__, __LINE__, __func__);
}
static inline BusDeviceClass *BUS_DEVICE_CLASS(const void *klass)
{
	return (BusDeviceClass *)object_class_dynamic_cast_assert((ObjectClass *)klass,
		"bus-device", __FILE__, __LINE__, __func__);
}

char *g_strdup(const char *s);
char *g_strdup_printf(const char *fmt, ...);
char *g_strconcat(const char *s, ...);
void g_free(void *p);
void device_class_set_props(DeviceClass *dc, const void *props);
int host_feature_enabled(void);

#define TYPE_DEVICE "device"
#define TYPE_BUS_DEVICE "bus-device"

/* CPUs hand QEMU their legacy state through the ops their class points at. */
typedef struct SysemuCPUOps {
	int (*asidx_from_attrs) (void *cpu);
	const VMStateDescription *legacy_vmsd;
} SysemuCPUOps;
typedef struct CPUClass {
	DeviceClass parent_class;
	int gdb_num_core_regs;
	const SysemuCPUOps *sysemu_ops;
} CPUClass;
#define TYPE_CPU "cpu"
static inline CPUClass *CPU_CLASS(const void *klass)
{
	return (CPUClass *)object_class_dynamic_cast_assert((ObjectClass *)klass,
		TYPE_CPU, __FILE__, __LINE__, __func__);
}

/* Virtio devices: the section holds one field of the VMStateInfo "virtio", whose
 * hand-written put saves the common state, then the device's state by hand (save), then
 * the class's own description (vmsd), then virtio's own (runtime.c). */
typedef struct VirtioDeviceClass {
	DeviceClass parent_class;
	void (*realize) (void *dev, void **errp);
	void (*save) (void *vdev, void *f);
	int (*load) (void *vdev, void *f, int version_id);
	const VMStateDescription *vmsd;
} VirtioDeviceClass;
#define TYPE_VIRTIO_DEVICE "virtio-device"
static inline VirtioDeviceClass *VIRTIO_DEVICE_CLASS(const void *klass)
{
	return (VirtioDeviceClass *)object_class_dynamic_cast_assert((ObjectClass *)klass,
		TYPE_VIRTIO_DEVICE, __FILE__, __LINE__, __func__);
}
extern const VMStateInfo virtio_vmstate_info;
#define F_VIRTIO_DEVICE() { .name = "virtio", .info = &virtio_vmstate_info, .flags = VMS_SINGLE }

/* State registered outside the object model: the family of the emulator's
 * migration/register.h, the short ones forwarding to the long one. */
#define VMSTATE_INSTANCE_ID_ANY -1
int vmstate_register_with_alias_id(void *obj, int instance_id,
				   const VMStateDescription *vmsd, void *opaque,
				   int alias_id, int required_for_version, void **errp);
static inline int vmstate_register(void *obj, int instance_id,
				   const VMStateDescription *vmsd, void *opaque)
{
	return vmstate_register_with_alias_id(obj, instance_id, vmsd, opaque, -1, 0, 0);
}
static inline int vmstate_register_any(void *obj, const VMStateDescription *vmsd,
				       void *opaque)
{
	return vmstate_register_with_alias_id(obj, VMSTATE_INSTANCE_ID_ANY, vmsd, opaque,
					      -1, 0, 0);
}
/* What a board's init calls (run by the runtime after the types). */
#define machine_init(fn) MODULE_INIT(fn, MODULE_INIT_MACHINE)

#endif
