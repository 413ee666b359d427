// SPDX-License-Identifier: GPL-2.0-or-later
/* vmstate_register() and the list of every section the program can put on the wire:
 * device classes' dc->vmsd, CPU classes' legacy_vmsd, and registered state. */
#include "qemu/osdep.h"
#include "migration/savevm.h"
#include "hw/core/cpu.h"

bool vmstate_test_condition;

#define MAX_SECTIONS 64

static SaveSection sections[MAX_SECTIONS];
static int nsections;

static SaveSection *section_for(const VMStateDescription *vmsd)
{
	for (int i = 0; i < nsections; i++)
		if (sections[i].vmsd == vmsd)
			return &sections[i];
	if (nsections == MAX_SECTIONS) {
		fprintf(stderr, "vmstate-src: error: more than %d sections\n", MAX_SECTIONS);
		exit(1);
	}
	sections[nsections].vmsd = vmsd;
	return &sections[nsections++];
}

static void add_source(const VMStateDescription *vmsd, const char *kind, const char *type,
		       int instance_id, bool user_creatable)
{
	SaveSection *s = section_for(vmsd);

	if (s->nsources == (int)ARRAY_SIZE(s->sources))
		return;
	s->sources[s->nsources++] = (SectionSource){ kind, type, instance_id, user_creatable };
}

int vmstate_register(void *obj, int instance_id, const VMStateDescription *vmsd, void *opaque)
{
	(void)obj;
	(void)opaque;
	add_source(vmsd, "register", NULL, instance_id, false);
	return 0;
}

int vmstate_register_any(void *obj, const VMStateDescription *vmsd, void *opaque)
{
	return vmstate_register(obj, VMSTATE_INSTANCE_ID_ANY, vmsd, opaque);
}

static void add_device(ObjectClass *klass, void *opaque)
{
	DeviceClass *dc = DEVICE_CLASS(klass);

	(void)opaque;
	if (dc->vmsd)
		add_source(dc->vmsd, "device", object_class_get_name(klass), 0, dc->user_creatable);
}

static void add_cpu(ObjectClass *klass, void *opaque)
{
	CPUClass *cc = CPU_CLASS(klass);

	(void)opaque;
	if (cc->sysemu_ops && cc->sysemu_ops->legacy_vmsd)
		add_source(cc->sysemu_ops->legacy_vmsd, "cpu", object_class_get_name(klass), 0,
			   false);
}

/* The first source's instance id; VMSTATE_INSTANCE_ID_ANY takes the first free one,
 * which is 0 for the only section of its name. */
int savevm_instance_id(const SaveSection *sec)
{
	int id = sec->sources[0].instance_id;

	return id == VMSTATE_INSTANCE_ID_ANY ? 0 : id;
}

const char *savevm_device_type(const SaveSection *sec)
{
	for (int i = 0; i < sec->nsources; i++)
		if (strcmp(sec->sources[i].kind, "device") == 0)
			return sec->sources[i].type;
	return NULL;
}

static int compare_sections(const void *a, const void *b)
{
	return strcmp(((const SaveSection *)a)->vmsd->name, ((const SaveSection *)b)->vmsd->name);
}

int savevm_sections(const SaveSection **out)
{
	static bool listed;

	if (!listed) {
		/* Start-up registered its state already (vl.c); classes come now. */
		object_class_foreach_sorted(TYPE_DEVICE, true, add_device, NULL);
		object_class_foreach_sorted(TYPE_CPU, true, add_cpu, NULL);
		qsort(sections, (size_t)nsections, sizeof(sections[0]), compare_sections);
		listed = true;
	}
	*out = sections;
	return nsections;
}
