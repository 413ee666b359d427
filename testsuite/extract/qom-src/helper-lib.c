/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers that other units call: one registers a family of types and builds a name with
 * g_strdup_printf, one sets the vmsd of the class it is given, one its user_creatable. */
#include "qom-lib.h"

static void family_class_init(ObjectClass *klass, const void *data)
{
	const FamilyInfo *f = data;
	DeviceClass *dc = DEVICE_CLASS(klass);
	dc->vmsd = f->vmsd;
}

static void family_generic_class_init(ObjectClass *klass, const void *data)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	dc->desc = "generic";
}

void family_register(const FamilyInfo *f)
{
	char *base_name = NULL;
	TypeInfo base = {
		.name = f->base_name,
		.parent = f->parent ? f->parent : TYPE_BUS_DEVICE,
		.abstract = true,
	};
	TypeInfo generic = {
		.name = f->generic_name,
		.parent = base.name,
		.class_init = family_generic_class_init,
	};

	if (!base.name) {
		base_name = g_strdup_printf("%s-base-type", f->generic_name);
		base.name = base_name;
		generic.parent = base_name;
	}
	base.class_init = family_class_init;
	base.class_data = (void *)f;
	type_register(&base);
	if (generic.name)
		type_register(&generic);
	if (f->legacy_name) {
		char *legacy = g_strconcat(f->legacy_name, "-legacy", NULL);
		const TypeInfo legacy_info = { .name = legacy, .parent = base.name };
		type_register(&legacy_info);
	}
	g_free(base_name);
}

/* Stores no vmsd, only user_creatable: the evaluator must still run it. */
void forbid_device_add(ObjectClass *klass)
{
	DEVICE_CLASS(klass)->user_creatable = false;
}

void set_vmsd_for_class(ObjectClass *klass, const VMStateDescription *vmsd, int which)
{
	DeviceClass *dc = DEVICE_CLASS(klass);
	switch (which) {
	case 0:
		dc->vmsd = NULL;
		break;
	case 1 ... 3:
		dc->vmsd = vmsd;
		break;
	default:
		dc->vmsd = &vmstate_shared;
		break;
	}
}
