/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A tiny stand-in for an emulator's object model and registration calls: the names the
 * plugin's QOM recorder and register facts look for, with declarations of our own. */
#ifndef QOM_LIKE_H
#define QOM_LIKE_H

#include "qemu-like.h"

typedef struct ObjectClass { const char *type; } ObjectClass;
typedef struct DeviceClass {
	ObjectClass parent_class;
	const char *desc;
	const VMStateDescription *vmsd;
} DeviceClass;

typedef struct SysemuCPUOps {
	void *(*get_memory_mapping) (void *cpu);
	const VMStateDescription *legacy_vmsd;
} SysemuCPUOps;

typedef struct CPUClass {
	DeviceClass parent_class;
	int gdb_num_core_regs;
	const SysemuCPUOps *sysemu_ops;
	const VMStateDescription *vmsd;
} CPUClass;

typedef struct TypeInfo {
	const char *name;
	const char *parent;
	void (*class_init) (ObjectClass *klass, void *data);
} TypeInfo;

typedef enum { MODULE_INIT_MIGRATION, MODULE_INIT_QOM } module_init_type;
void register_module_init (void (*fn) (void), module_init_type type);
void *type_register_static (const TypeInfo *info);
DeviceClass *device_class_cast (ObjectClass *klass);
CPUClass *cpu_class_cast (ObjectClass *klass);

#define type_init(fn)                                                   \
	static void __attribute__ ((constructor)) do_init_ ## fn (void) \
	{ register_module_init (fn, MODULE_INIT_QOM); }

/* Registration outside the object model, with the parameters the emulator's own
 * functions have. */
typedef struct VMStateIf VMStateIf;
#define VMSTATE_INSTANCE_ID_ANY -1
int vmstate_register_with_alias_id (VMStateIf *obj, unsigned int instance_id,
				    const VMStateDescription *vmsd, void *opaque,
				    int alias_id, int required_for_version, void **errp);
static inline int
vmstate_register (VMStateIf *obj, int instance_id, const VMStateDescription *vmsd,
		  void *opaque)
{
	return vmstate_register_with_alias_id (obj, instance_id, vmsd, opaque, -1, 0, 0);
}
int vmstate_replace_hack_for_ppc (VMStateIf *obj, int instance_id,
				  const VMStateDescription *vmsd, void *opaque);
void vmstate_unregister (VMStateIf *obj, const VMStateDescription *vmsd, void *opaque);
static inline int
vmstate_register_any (VMStateIf *obj, const VMStateDescription *vmsd, void *opaque)
{
	return vmstate_register_with_alias_id (obj, VMSTATE_INSTANCE_ID_ANY, vmsd, opaque,
					       -1, 0, 0);
}

#endif
