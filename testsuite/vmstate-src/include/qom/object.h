/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A small QOM: named types with single inheritance and classes.  Member and function
 * names are QEMU's, because the plugin and the extractor look them up by name. */
#ifndef VSRC_QOM_OBJECT_H
#define VSRC_QOM_OBJECT_H

#include "qemu/osdep.h"
#include "qemu/module.h"

#define TYPE_OBJECT "object"

typedef struct TypeImpl *Type;
typedef struct ObjectClass ObjectClass;
typedef struct Object Object;
typedef struct TypeInfo TypeInfo;

/* The first member of every class struct. */
struct ObjectClass {
	Type type;
};

/* The first member of every instance struct. */
struct Object {
	ObjectClass *klass;
};

struct TypeInfo {
	const char *name;
	const char *parent;
	size_t instance_size;
	void (*instance_init)(Object *obj);
	bool abstract;
	/* 0: the parent's class size. */
	size_t class_size;
	/* Runs once, on a class that starts as a copy of its parent's class. */
	void (*class_init)(ObjectClass *klass, void *data);
	/* Runs on the class of every descendant of this type, before its class_init. */
	void (*class_base_init)(ObjectClass *klass, void *data);
	void *class_data;
};

/* Registration copies INFO's members; the strings must outlive the program. */
Type type_register_static(const TypeInfo *info);
Type type_register(const TypeInfo *info);
void type_register_static_array(const TypeInfo *infos, int nr_infos);

/* Registers every TypeInfo of a static array at start-up. */
#define DEFINE_TYPES(type_array)                                                  \
	static void do_qemu_init_##type_array(void)                               \
	{                                                                         \
		type_register_static_array(type_array, ARRAY_SIZE(type_array));   \
	}                                                                         \
	type_init(do_qemu_init_##type_array)

#define OBJECT_CLASS(class) ((ObjectClass *)(class))

/* Returns KLASS when its type is TYPENAME or derives from it; otherwise prints where the
 * cast was made and aborts. */
ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass, const char *typename,
					      const char *file, int line, const char *func);

#define OBJECT_CLASS_CHECK(class_type, class, name)                               \
	((class_type *)object_class_dynamic_cast_assert(OBJECT_CLASS(class), (name), \
							__FILE__, __LINE__, __func__))

const char *object_class_get_name(ObjectClass *klass);
ObjectClass *object_class_by_name(const char *typename);

/* Calls FN on the class of every registered type that is IMPLEMENTS_TYPE or derives from
 * it (abstract ones when INCLUDE_ABSTRACT), initializing classes as needed, in the
 * order of type names (strcmp). */
void object_class_foreach_sorted(const char *implements_type, bool include_abstract,
				 void (*fn)(ObjectClass *klass, void *opaque), void *opaque);

#endif
