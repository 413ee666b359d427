// SPDX-License-Identifier: GPL-2.0-or-later
/* The runtime's own extended dump (docs/extended-dump.md), from the live structures:
 * every section savevm_sections() lists, and every description reachable from them.
 * The running program knows no symbols or source places: a description's ID is its
 * name and an ordinal, "loc" is null, and a predicate is named after what it guards
 * ("needed:DESC", "field_exists:DESC.FIELD"), which stays the same across versions. */
#include "qemu/osdep.h"
#include "migration/dump.h"
#include "migration/savevm.h"
#include "hw/virtio/virtio.h"
#include "hw/qdev-core.h"
#include "qom/object.h"

#define MAX_DESCS 256

static const VMStateDescription *descs[MAX_DESCS];
static int ndescs;

static int desc_index(const VMStateDescription *vmsd)
{
	for (int i = 0; i < ndescs; i++)
		if (descs[i] == vmsd)
			return i;
	if (ndescs == MAX_DESCS) {
		fprintf(stderr, "vmstate-src: error: more than %d descriptions\n", MAX_DESCS);
		exit(1);
	}
	int me = ndescs++;
	descs[me] = vmsd;
	for (const VMStateField *f = vmsd->fields; f && f->name; f++)
		if (f->vmsd)
			desc_index(f->vmsd);
	for (const VMStateDescription *const *sub = vmsd->subsections; sub && *sub; sub++)
		desc_index(*sub);
	return me;
}

static void id(FILE *out, const VMStateDescription *vmsd)
{
	fprintf(out, "\"%s@%d\"", vmsd->name, desc_index(vmsd));
}

static const struct { unsigned bit; const char *name; } flag_names[] = {
	{ VMS_END, "VMS_END" }, { VMS_MUST_EXIST, "VMS_MUST_EXIST" },
	{ VMS_SINGLE, "VMS_SINGLE" }, { VMS_ARRAY, "VMS_ARRAY" },
	{ VMS_POINTER, "VMS_POINTER" }, { VMS_STRUCT, "VMS_STRUCT" },
	{ VMS_BUFFER, "VMS_BUFFER" }, { VMS_VBUFFER, "VMS_VBUFFER" },
	{ VMS_MULTIPLY, "VMS_MULTIPLY" }, { VMS_ARRAY_OF_POINTER, "VMS_ARRAY_OF_POINTER" },
	{ VMS_VARRAY_INT32, "VMS_VARRAY_INT32" }, { VMS_VARRAY_UINT32, "VMS_VARRAY_UINT32" },
	{ VMS_VARRAY_UINT16, "VMS_VARRAY_UINT16" }, { VMS_VARRAY_UINT8, "VMS_VARRAY_UINT8" },
	{ VMS_ALLOC, "VMS_ALLOC" }, { VMS_MULTIPLY_ELEMENTS, "VMS_MULTIPLY_ELEMENTS" },
	{ VMS_VSTRUCT, "VMS_VSTRUCT" },
};

/* A "virtio" field of VMSD: what it saves after the common state, from the classes of
 * the device types whose section VMSD is. */
static void virtio_key(FILE *out, const VMStateDescription *vmsd)
{
	const SaveSection *secs;
	int n = savevm_sections(&secs);
	const char *type = NULL;

	fprintf(out, ", \"virtio\": { \"types\": [");
	for (int i = 0; i < n; i++)
		for (int k = 0; secs[i].vmsd == vmsd && k < secs[i].nsources; k++)
			if (strcmp(secs[i].sources[k].kind, "device") == 0) {
				fprintf(out, "%s\"%s\"", type ? ", " : "", secs[i].sources[k].type);
				type = type ? type : secs[i].sources[k].type;
			}
	fprintf(out, "], \"by_hand\": null, \"vmsd\": ");
	if (type && virtio_device_vmsd(type))
		id(out, virtio_device_vmsd(type));
	else
		fprintf(out, "null");
	fprintf(out, ", \"common\": ");
	id(out, virtio_common_vmsd());
	fprintf(out, " }");
}

static void field(FILE *out, const VMStateDescription *vmsd, const VMStateField *f)
{
	bool first = true;

	fprintf(out, "      { \"name\": \"%s\", \"loc\": null, ", f->name);
	if (f->info)
		fprintf(out, "\"info\": \"%s\", ", f->info->name);
	else
		fprintf(out, "\"info\": null, ");
	fprintf(out, "\"flags\": [");
	for (size_t i = 0; i < ARRAY_SIZE(flag_names); i++)
		if (f->flags & flag_names[i].bit) {
			fprintf(out, "%s\"%s\"", first ? "" : ", ", flag_names[i].name);
			first = false;
		}
	fprintf(out, "], \"size\": %zu, \"num\": %d, \"num_field\": null, \"version_id\": %d, ",
		f->size, f->num, f->version_id);
	if (f->field_exists)
		fprintf(out, "\"field_exists\": { \"symbol\": \"field_exists:%s.%s\", "
			"\"loc\": null }, ", vmsd->name, f->name);
	else
		fprintf(out, "\"field_exists\": null, ");
	fprintf(out, "\"vmsd\": ");
	if (f->vmsd)
		id(out, f->vmsd);
	else
		fprintf(out, "null");
	if (f->info == &virtio_vmstate_info)
		virtio_key(out, vmsd);
	fprintf(out, " }");
}

static void description(FILE *out, const VMStateDescription *vmsd)
{
	fprintf(out, "    ");
	id(out, vmsd);
	fprintf(out, ": {\n      \"symbol\": null, \"loc\": null, \"name\": \"%s\", "
		"\"version_id\": %d, \"minimum_version_id\": %d,\n      \"needed\": ",
		vmsd->name, vmsd->version_id, vmsd->minimum_version_id);
	if (vmsd->needed)
		fprintf(out, "{ \"symbol\": \"needed:%s\", \"loc\": null }", vmsd->name);
	else
		fprintf(out, "null");
	fprintf(out, ",\n      \"fields\": ");
	if (vmsd->fields) {
		fprintf(out, "[\n");
		for (const VMStateField *f = vmsd->fields; f->name; f++) {
			field(out, vmsd, f);
			fprintf(out, "%s\n", f[1].name ? "," : "");
		}
		fprintf(out, "      ]");
	} else {
		fprintf(out, "null");
	}
	fprintf(out, ",\n      \"subsections\": ");
	if (vmsd->subsections) {
		fprintf(out, "[");
		for (const VMStateDescription *const *sub = vmsd->subsections; *sub; sub++) {
			if (sub != vmsd->subsections)
				fprintf(out, ", ");
			id(out, *sub);
		}
		fprintf(out, "]");
	} else {
		fprintf(out, "null");
	}
	fprintf(out, "\n    }");
}

static void registration(FILE *out, const SectionSource *src)
{
	if (strcmp(src->kind, "register") == 0) {
		fprintf(out, "{ \"kind\": \"register\", \"function\": \"vmstate_register\", "
			"\"caller\": null, \"instance_id\": ");
		if (src->instance_id == VMSTATE_INSTANCE_ID_ANY)
			fprintf(out, "\"any\" }");
		else
			fprintf(out, "%d }", src->instance_id);
	} else if (strcmp(src->kind, "cpu") == 0) {
		fprintf(out, "{ \"kind\": \"cpu\", \"type\": \"%s\", \"via\": \"legacy_vmsd\" }",
			src->type);
	} else {
		fprintf(out, "{ \"kind\": \"device\", \"type\": \"%s\", \"user_creatable\": %s }",
			src->type, src->user_creatable ? "true" : "false");
	}
}

struct names {
	FILE *out;
	bool *first;
};

/* One entry of "devices": every device type, abstract ones included. */
static void device_name(ObjectClass *klass, void *opaque)
{
	struct names *n = opaque;

	fprintf(n->out, "%s\"%s\"", *n->first ? "" : ", ", object_class_get_name(klass));
	*n->first = false;
}

int dump_extended_json(FILE *out)
{
	const SaveSection *secs;
	int n = savevm_sections(&secs);

	fprintf(out, "{\n  \"vmstate-extended-dump\": 1,\n"
		"  \"producer\": { \"name\": \"vmstate-src\", \"version\": \"runtime\" },\n"
		"  \"program\": \"vmstate-src\",\n  \"sections\": [\n");
	for (int i = 0; i < n; i++) {
		fprintf(out, "    { \"name\": \"%s\", \"description\": ", secs[i].vmsd->name);
		id(out, secs[i].vmsd);
		fprintf(out, ",\n      \"registrations\": [");
		for (int k = 0; k < secs[i].nsources; k++) {
			fprintf(out, "%s", k ? ", " : "");
			registration(out, &secs[i].sources[k]);
		}
		fprintf(out, "] }%s\n", i + 1 < n ? "," : "");
	}
	/* Descriptions reached through the sections' "virtio" fields get their IDs too. */
	for (int i = 0; i < n; i++) {
		const char *type = savevm_device_type(&secs[i]);

		for (const VMStateField *f = secs[i].vmsd->fields; f && f->name; f++)
			if (f->info == &virtio_vmstate_info) {
				if (type && virtio_device_vmsd(type))
					desc_index(virtio_device_vmsd(type));
				desc_index(virtio_common_vmsd());
			}
	}
	fprintf(out, "  ],\n  \"descriptions\": {\n");
	for (int i = 0; i < ndescs; i++) {
		description(out, descs[i]);
		fprintf(out, "%s\n", i + 1 < ndescs ? "," : "");
	}
	fprintf(out, "  },\n  \"devices\": [");
	bool first = true;
	object_class_foreach_sorted(TYPE_DEVICE, true, device_name, &(struct names){ out, &first });
	fprintf(out, "],\n  \"unknowns\": []\n}\n");
	return ferror(out) ? -1 : 0;
}
