/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Code-identity subject: functions, statics inside functions, compound literals, strings
 * and descriptions, so that any change of numbering, order or data would show. */
#include "qemu-like.h"

typedef struct S { unsigned int a, b[4]; } S;

static bool s_needed (void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_s_sub = {
	.name = "s/sub",
	.needed = s_needed,
	.fields = (const VMStateField[]) { F_UINT32 (S, a, 0), F_END () },
};

const VMStateDescription vmstate_s = {
	.name = "s",
	.version_id = 2,
	.fields = (VMStateField[]) { F_UINT32 (S, a, 0), F_UINT32_ARRAY (S, b, 4), F_END () },
	.subsections = (const VMStateDescription *[]) { &vmstate_s_sub, NULL },
};

int counter (int step);
int
counter (int step)
{
	static int total;
	static const VMStateDescription vmstate_in_function = { .name = "in-function" };
	total += step;
	return total + vmstate_in_function.version_id;
}

int other (void);
int
other (void)
{
	static int total;
	static const char *names[] = { "x", "y" };
	return total++ + (int) names[total & 1][0];
}

/* A class_init in the QOM style, which the QOM recorder reads: its statics must keep
 * their numbering too. */
typedef struct ObjectClass { int type; } ObjectClass;
typedef struct DeviceClass { ObjectClass parent_class; const VMStateDescription *vmsd; } DeviceClass;
typedef struct TypeInfo {
	const char *name, *parent;
	void (*class_init) (ObjectClass *klass, void *data);
} TypeInfo;
void type_register_static (const TypeInfo *info);

static void
s_class_init (ObjectClass *klass, void *data)
{
	static int calls;
	static const VMStateDescription vmstate_class_local = { .name = "class-local" };
	DeviceClass *dc = (DeviceClass *) klass;
	calls++;
	dc->vmsd = calls > 1 ? &vmstate_class_local : &vmstate_s;
}

static const TypeInfo s_info = { .name = "s-device", .parent = "device", .class_init = s_class_init };

void s_register_types (void);
void
s_register_types (void)
{
	static int registered;
	if (!registered++)
		type_register_static (&s_info);
}
