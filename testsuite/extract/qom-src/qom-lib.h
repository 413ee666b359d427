/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What helper-lib.c offers the units that use it. */
#ifndef QOM_LIB_H
#define QOM_LIB_H
#include "qom-like.h"

typedef struct FamilyInfo {
	const char *base_name;
	const char *generic_name;
	const char *legacy_name;
	const char *parent;
	const VMStateDescription *vmsd;
} FamilyInfo;

extern const VMStateDescription vmstate_shared;
void family_register(const FamilyInfo *f);
void set_vmsd_for_class(ObjectClass *klass, const VMStateDescription *vmsd, int which);
void forbid_device_add(ObjectClass *klass);
#endif
