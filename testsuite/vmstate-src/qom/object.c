// SPDX-License-Identifier: GPL-2.0-or-later
/* The type registry and class initialization.
 *
 * A class is built the first time it is needed: it starts as a copy of its parent's
 * class, then every ancestor's class_base_init runs on it (nearest first), then its own
 * class_init with its class_data.  So a type that sets nothing inherits its parent's
 * values, DeviceClass.vmsd included. */
#include "qemu/osdep.h"
#include "qom/object.h"
#include "glib-lite.h"
#include <stdarg.h>

struct TypeImpl {
	char *name;
	char *parent_name;
	struct TypeImpl *parent;
	size_t instance_size;
	size_t class_size;
	bool abstract;
	void (*class_init)(ObjectClass *klass, void *data);
	void (*class_base_init)(ObjectClass *klass, void *data);
	void *class_data;
	ObjectClass *klass;
	bool initializing;
};

static struct TypeImpl **types;
static size_t type_count, type_capacity;

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "vmstate-src: error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static struct TypeImpl *type_get_by_name(const char *name)
{
	for (size_t i = 0; i < type_count; i++)
		if (strcmp(types[i]->name, name) == 0)
			return types[i];
	return NULL;
}

Type type_register(const TypeInfo *info)
{
	struct TypeImpl *ti;

	if (!info->name)
		die("a type is registered without a name");
	if (type_get_by_name(info->name))
		die("type '%s' is registered twice", info->name);
	if (type_count == type_capacity) {
		size_t n = type_capacity ? 2 * type_capacity : 32;
		struct TypeImpl **grown = realloc(types, n * sizeof(*types));

		if (!grown)
			die("out of memory");
		types = grown;
		type_capacity = n;
	}
	ti = vsrc_alloc0(sizeof(*ti));
	ti->name = g_strdup(info->name);
	ti->parent_name = g_strdup(info->parent);
	ti->instance_size = info->instance_size;
	ti->class_size = info->class_size;
	ti->abstract = info->abstract;
	ti->class_init = info->class_init;
	ti->class_base_init = info->class_base_init;
	ti->class_data = info->class_data;
	types[type_count++] = ti;
	return ti;
}

Type type_register_static(const TypeInfo *info)
{
	return type_register(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
	for (int i = 0; i < nr_infos; i++)
		type_register_static(&infos[i]);
}

static struct TypeImpl *type_get_parent(struct TypeImpl *ti)
{
	if (!ti->parent_name)
		return NULL;
	if (!ti->parent) {
		ti->parent = type_get_by_name(ti->parent_name);
		if (!ti->parent)
			die("type '%s' has an unknown parent '%s'", ti->name, ti->parent_name);
	}
	return ti->parent;
}

static size_t type_class_size(struct TypeImpl *ti)
{
	for (; ti; ti = type_get_parent(ti))
		if (ti->class_size)
			return ti->class_size;
	return sizeof(ObjectClass);
}

static void type_initialize(struct TypeImpl *ti)
{
	struct TypeImpl *parent, *p;
	size_t size;

	if (ti->klass)
		return;
	if (ti->initializing)
		die("type '%s' is its own ancestor", ti->name);
	ti->initializing = true;
	size = type_class_size(ti);
	ti->klass = vsrc_alloc0(size);
	parent = type_get_parent(ti);
	if (parent) {
		type_initialize(parent);
		memcpy(ti->klass, parent->klass, type_class_size(parent));
	}
	ti->klass->type = ti;
	for (p = parent; p; p = type_get_parent(p))
		if (p->class_base_init)
			p->class_base_init(ti->klass, ti->class_data);
	if (ti->class_init)
		ti->class_init(ti->klass, ti->class_data);
	ti->initializing = false;
}

static bool type_is_ancestor(struct TypeImpl *ti, struct TypeImpl *ancestor)
{
	for (; ti; ti = type_get_parent(ti))
		if (ti == ancestor)
			return true;
	return false;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass, const char *typename,
					      const char *file, int line, const char *func)
{
	struct TypeImpl *target = type_get_by_name(typename);

	if (!klass || !target || !type_is_ancestor(klass->type, target)) {
		fprintf(stderr, "%s:%d: %s: error: class '%s' is not a '%s'\n", file, line,
			func, klass ? klass->type->name : "(null)", typename);
		abort();
	}
	return klass;
}

const char *object_class_get_name(ObjectClass *klass)
{
	return klass->type->name;
}

ObjectClass *object_class_by_name(const char *typename)
{
	struct TypeImpl *ti = type_get_by_name(typename);

	if (!ti)
		return NULL;
	type_initialize(ti);
	return ti->klass;
}

static int compare_type_names(const void *a, const void *b)
{
	const struct TypeImpl *ta = *(struct TypeImpl *const *)a;
	const struct TypeImpl *tb = *(struct TypeImpl *const *)b;

	return strcmp(ta->name, tb->name);
}

void object_class_foreach_sorted(const char *implements_type, bool include_abstract,
				 void (*fn)(ObjectClass *klass, void *opaque), void *opaque)
{
	struct TypeImpl *target = type_get_by_name(implements_type);
	struct TypeImpl **sorted;
	size_t n = 0;

	if (!target)
		die("type '%s' is not registered", implements_type);
	sorted = vsrc_alloc0(type_count * sizeof(*sorted));
	for (size_t i = 0; i < type_count; i++) {
		/* Initializing every class first, as QEMU does, reports bad parents even
		 * for types that are not listed. */
		type_initialize(types[i]);
		if (type_is_ancestor(types[i], target) && (include_abstract || !types[i]->abstract))
			sorted[n++] = types[i];
	}
	qsort(sorted, n, sizeof(*sorted), compare_type_names);
	for (size_t i = 0; i < n; i++)
		fn(sorted[i]->klass, opaque);
	free(sorted);
}

static const TypeInfo object_info = {
	.name = TYPE_OBJECT,
	.instance_size = sizeof(Object),
	.class_size = sizeof(ObjectClass),
	.abstract = true,
};

static void register_types(void)
{
	type_register_static(&object_info);
}

type_init(register_types)
