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
static void (*machine_inits[64])(void);
static size_t machine_init_count;

void register_module_init(void (*fn)(void), module_init_type kind)
{
	if (kind == MODULE_INIT_QOM && init_count < 4096)
		qom_inits[init_count++] = fn;
	if (kind == MODULE_INIT_MACHINE && machine_init_count < 64)
		machine_inits[machine_init_count++] = fn;
}

/* Sections registered outside the object model. */
static struct { const VMStateDescription *vmsd; int instance_id; } registered[256];
static size_t registered_count;

int vmstate_register_with_alias_id(void *obj, int instance_id,
				   const VMStateDescription *vmsd, void *opaque,
				   int alias_id, int required_for_version, void **errp)
{
	(void)obj, (void)opaque, (void)alias_id, (void)required_for_version, (void)errp;
	if (registered_count < 256) {
		registered[registered_count].vmsd = vmsd;
		registered[registered_count++].instance_id = instance_id;
	}
	return 0;
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

/* virtio's own VMStateInfo and description, as the emulator's virtio core has them:
 * the description is static, found by symbol in the unit of the VMStateInfo. */
const VMStateInfo virtio_vmstate_info = { .name = "virtio" };

static bool virtio_extra_needed(void *opaque)
{
	return opaque != NULL;
}

typedef struct VirtioCommon { unsigned int features; } VirtioCommon;

static const VMStateDescription vmstate_virtio_extra = {
	.name = "virtio/extra", .version_id = 1, .minimum_version_id = 1,
	.needed = virtio_extra_needed,
	.fields = (const VMStateField[]) { F_UINT32(VirtioCommon, features, 0), F_END() },
};

static const VMStateDescription vmstate_virtio = {
	.name = "virtio", .version_id = 1, .minimum_version_id = 1,
	.fields = (const VMStateField[]) { F_END() },
	.subsections = (const VMStateDescription *const[]) { &vmstate_virtio_extra, NULL },
};

static int by_name(const void *a, const void *b)
{
	return strcmp((*(struct type *const *)a)->info.name,
		      (*(struct type *const *)b)->info.name);
}

/* --wire: what the extended dump must hold, one fact a line (qom-e2e.sh sorts and
 * compares them with the dump's): every section the program registers, as the
 * emulator would (devices' dc->vmsd, the legacy description of each concrete CPU type
 * it could create, vmstate_register() from the machine's init), and the facts of
 * every description they reach. */
static const VMStateDescription *described[1024];
static size_t described_count;

static void describe(const VMStateDescription *d)
{
	for (size_t i = 0; i < described_count; i++)
		if (described[i] == d)
			return;
	if (described_count == 1024)
		return;
	described[described_count++] = d;
	printf("desc %s version=%d min=%d needed=%s\n", d->name, d->version_id,
	       d->minimum_version_id, d->needed ? "yes" : "no");
	for (const VMStateField *f = d->fields; f && f->name; f++) {
		printf("field %s %s info=%s size=%zu version=%d exists=%s\n", d->name, f->name,
		       f->info ? f->info->name : "-", f->size, f->version_id,
		       f->field_exists ? "yes" : "no");
		if (f->vmsd)
			describe(f->vmsd);
	}
	for (const VMStateDescription *const *s = d->subsections; s && *s; s++) {
		printf("sub %s %s\n", d->name, (*s)->name);
		describe(*s);
	}
}

/* What a virtio field of type T's section saves after the common state. */
static void print_virtio(struct type *t, const VMStateDescription *d)
{
	for (const VMStateField *f = d->fields; f && f->name; f++) {
		if (f->info != &virtio_vmstate_info)
			continue;
		VirtioDeviceClass *vdc = (VirtioDeviceClass *)t->klass;
		printf("virtio %s %s vmsd=%s by_hand=%s common=%s\n", d->name, t->info.name,
		       vdc->vmsd ? vdc->vmsd->name : "none",
		       vdc->save || vdc->load ? "yes" : "no", vmstate_virtio.name);
		if (vdc->vmsd)
			describe(vdc->vmsd);
		describe(&vmstate_virtio);
	}
}

static void print_wire(void)
{
	for (size_t i = 0; i < machine_init_count; i++)
		machine_inits[i]();
	for (size_t i = 0; i < type_count; i++) {
		struct type *t = types[i];
		DeviceClass *dc = (DeviceClass *)t->klass;

		if (is_a(t, TYPE_DEVICE) && dc->vmsd) {
			printf("section %s device %s creatable=%s\n", dc->vmsd->name, t->info.name,
			       dc->user_creatable ? "yes" : "no");
			describe(dc->vmsd);
			/* The extended dump takes the concrete types of a description. */
			if (is_a(t, TYPE_VIRTIO_DEVICE) && !t->info.abstract)
				print_virtio(t, dc->vmsd);
		}
		if (is_a(t, TYPE_CPU) && !t->info.abstract) {
			CPUClass *cc = (CPUClass *)t->klass;

			if (cc->sysemu_ops && cc->sysemu_ops->legacy_vmsd) {
				printf("section %s cpu %s\n", cc->sysemu_ops->legacy_vmsd->name,
				       t->info.name);
				describe(cc->sysemu_ops->legacy_vmsd);
			}
		}
	}
	for (size_t i = 0; i < registered_count; i++) {
		if (registered[i].instance_id == VMSTATE_INSTANCE_ID_ANY)
			printf("section %s register any\n", registered[i].vmsd->name);
		else
			printf("section %s register %d\n", registered[i].vmsd->name,
			       registered[i].instance_id);
		describe(registered[i].vmsd);
	}
}

int main(int argc, char **argv)
{
	bool wire = argc > 1 && !strcmp(argv[1], "--wire");

	for (size_t i = 0; i < init_count; i++)
		qom_inits[i]();
	qsort(types, type_count, sizeof(*types), by_name);
	for (size_t i = 0; i < type_count; i++) {
		init_class(types[i]);
		if (wire || !is_a(types[i], TYPE_DEVICE))
			continue;
		DeviceClass *dc = (DeviceClass *)types[i]->klass;
		if (dc->vmsd)
			printf("%s %s\n", types[i]->info.name, dc->vmsd->name);
	}
	if (wire)
		print_wire();
	return 0;
}
