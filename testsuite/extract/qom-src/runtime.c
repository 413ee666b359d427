/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A working miniature of the object model that the test sources register types with:
 * it runs the QOM module-init functions, initializes every class (a copy of the
 * parent's class, the ancestors' class_base_init, then class_init with class_data) and
 * prints "TYPE VMSD-NAME" for each device type whose class has a vmsd, sorted.  This is
 * the truth the static evaluation is compared with. */
#define _GNU_SOURCE
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "qom-like.h"

struct type {
	TypeInfo info;
	struct type *parent;
	ObjectClass *klass;
	size_t class_size;
	int state;
};

static struct type *types[4096];
static size_t type_count;
static void (*qom_inits[4096])(void);
static size_t init_count;

void register_module_init(void (*fn)(void), module_init_type kind)
{
	if (kind == MODULE_INIT_QOM && init_count < 4096)
		qom_inits[init_count++] = fn;
}

static struct type *find_type(const char *name)
{
	for (size_t i = 0; i < type_count; i++)
		if (!strcmp(types[i]->info.name, name))
			return types[i];
	return NULL;
}

void *type_register(const TypeInfo *info)
{
	struct type *t = calloc(1, sizeof(*t));
	if (!t || find_type(info->name) || type_count == 4096) {
		fprintf(stderr, "runtime: cannot register %s\n", info->name);
		exit(2);
	}
	t->info = *info;
	t->info.name = strdup(info->name);
	t->info.parent = info->parent ? strdup(info->parent) : NULL;
	types[type_count++] = t;
	return t;
}

void *type_register_static(const TypeInfo *info)
{
	return type_register(info);
}

void type_register_static_array(const TypeInfo *infos, int nr_infos)
{
	for (int i = 0; i < nr_infos; i++)
		type_register(&infos[i]);
}

static bool is_a(struct type *t, const char *name)
{
	for (; t; t = t->parent)
		if (!strcmp(t->info.name, name))
			return true;
	return false;
}

ObjectClass *object_class_dynamic_cast_assert(ObjectClass *klass, const char *typename,
					      const char *file, int line, const char *func)
{
	if (!is_a(klass->type, typename)) {
		fprintf(stderr, "%s:%d: %s: bad cast to %s\n", file, line, func, typename);
		exit(2);
	}
	return klass;
}

static void init_class(struct type *t)
{
	if (t->state == 2)
		return;
	t->class_size = t->info.class_size;
	if (t->info.parent) {
		t->parent = find_type(t->info.parent);
		if (!t->parent) {
			fprintf(stderr, "runtime: missing parent %s\n", t->info.parent);
			exit(2);
		}
		init_class(t->parent);
		if (t->class_size < t->parent->class_size)
			t->class_size = t->parent->class_size;
	}
	if (t->class_size < sizeof(ObjectClass))
		t->class_size = sizeof(ObjectClass);
	t->klass = calloc(1, t->class_size);
	if (t->parent)
		memcpy(t->klass, t->parent->klass, t->parent->class_size);
	t->klass->type = t;
	for (struct type *a = t->parent; a; a = a->parent)
		if (a->info.class_base_init)
			a->info.class_base_init(t->klass, t->info.class_data);
	if (t->info.class_init)
		t->info.class_init(t->klass, t->info.class_data);
	t->state = 2;
}

char *g_strdup(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *g_strdup_printf(const char *fmt, ...)
{
	char *s;
	va_list ap;
	va_start(ap, fmt);
	if (vasprintf(&s, fmt, ap) < 0)
		s = NULL;
	va_end(ap);
	return s;
}

char *g_strconcat(const char *first, ...)
{
	size_t len = 0;
	va_list ap;
	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *))
		len += strlen(s);
	va_end(ap);
	char *out = calloc(1, len + 1);
	va_start(ap, first);
	for (const char *s = first; s; s = va_arg(ap, const char *))
		strcat(out, s);
	va_end(ap);
	return out;
}

void g_free(void *p)
{
	free(p);
}

void device_class_set_props(DeviceClass *dc, const void *props)
{
	(void)dc;
	(void)props;
}

int host_feature_enabled(void)
{
	return getenv("QOM_TEST_HOST_FEATURE") != NULL;
}

const VMStateInfo vmstate_info_uint32 = { .name = "uint32" };
const VMStateInfo vmstate_info_bool = { .name = "bool" };

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct type *const *)a)->info.name,
		      (*(struct type *const *)b)->info.name);
}

int main(void)
{
	for (size_t i = 0; i < init_count; i++)
		qom_inits[i]();
	qsort(types, type_count, sizeof(*types), by_name);
	for (size_t i = 0; i < type_count; i++) {
		init_class(types[i]);
		if (!is_a(types[i], TYPE_DEVICE))
			continue;
		DeviceClass *dc = (DeviceClass *)types[i]->klass;
		if (dc->vmsd)
			printf("%s %s\n", types[i]->info.name, dc->vmsd->name);
	}
	return 0;
}
