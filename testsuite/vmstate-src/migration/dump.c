// SPDX-License-Identifier: GPL-2.0-or-later
/* The runtime truth: every device class's description, printed from the live
 * structures in -dump-vmstate's layout: QEMU 8.1 and later print "num" for arrays,
 * earlier versions do not.
 * Sections come sorted by type name so that a dump compares byte for byte with
 * vmstate-extract's. */
#include "qemu/osdep.h"
#include "migration/dump.h"
#include "hw/qdev-core.h"

static void dump_description(FILE *out, const VMStateDescription *vmsd, int indent,
			     bool in_list, bool with_num);

static void dump_field(FILE *out, const VMStateField *field, int indent, bool with_num)
{
	fprintf(out, "%*s{\n", indent, "");
	indent += 2;
	fprintf(out, "%*s\"field\": \"%s\",\n", indent, "", field->name);
	fprintf(out, "%*s\"version_id\": %d,\n", indent, "", field->version_id);
	fprintf(out, "%*s\"field_exists\": %s,\n", indent, "",
		field->field_exists ? "true" : "false");
	if (with_num && (field->flags & VMS_ARRAY))
		fprintf(out, "%*s\"num\": %d,\n", indent, "", field->num);
	fprintf(out, "%*s\"size\": %zu", indent, "", field->size);
	if (field->vmsd) {
		fprintf(out, ",\n");
		dump_description(out, field->vmsd, indent, false, with_num);
	}
	fprintf(out, "\n%*s}", indent - 2, "");
}

/* A description is either the value of a "Description" key or, for subsections, an
 * element of a list. */
static void dump_description(FILE *out, const VMStateDescription *vmsd, int indent,
			     bool in_list, bool with_num)
{
	if (in_list)
		fprintf(out, "%*s{\n", indent, "");
	else
		fprintf(out, "%*s\"Description\": {\n", indent, "");
	indent += 2;
	fprintf(out, "%*s\"name\": \"%s\",\n", indent, "", vmsd->name);
	fprintf(out, "%*s\"version_id\": %d,\n", indent, "", vmsd->version_id);
	fprintf(out, "%*s\"minimum_version_id\": %d", indent, "", vmsd->minimum_version_id);
	if (vmsd->fields) {
		const VMStateField *field;
		bool first = true;

		fprintf(out, ",\n%*s\"Fields\": [\n", indent, "");
		for (field = vmsd->fields; field->name; field++) {
			/* Checks carry no data, so they are not part of the wire format. */
			if (field->flags & VMS_MUST_EXIST)
				continue;
			if (!first)
				fprintf(out, ",\n");
			dump_field(out, field, indent + 2, with_num);
			first = false;
		}
		if (field->flags != VMS_END) {
			fprintf(stderr, "vmstate-src: error: fields of \"%s\" end without "
				"VMSTATE_END_OF_LIST()\n", vmsd->name);
			exit(1);
		}
		fprintf(out, "\n%*s]", indent, "");
	}
	if (vmsd->subsections) {
		const VMStateDescription *const *sub;
		bool first = true;

		fprintf(out, ",\n%*s\"Subsections\": [\n", indent, "");
		for (sub = vmsd->subsections; *sub; sub++) {
			if (!first)
				fprintf(out, ",\n");
			dump_description(out, *sub, indent + 2, true, with_num);
			first = false;
		}
		fprintf(out, "\n%*s]", indent, "");
	}
	fprintf(out, "\n%*s}", indent - 2, "");
}

struct dump_state {
	FILE *out;
	bool first;
	bool with_num;
};

static void dump_section(ObjectClass *klass, void *opaque)
{
	struct dump_state *st = opaque;
	DeviceClass *dc = DEVICE_CLASS(klass);
	const char *name = object_class_get_name(klass);

	if (!dc->vmsd)
		return;
	if (!st->first)
		fprintf(st->out, ",\n");
	fprintf(st->out, "  \"%s\": {\n", name);
	fprintf(st->out, "    \"Name\": \"%s\",\n", name);
	fprintf(st->out, "    \"version_id\": %d,\n", dc->vmsd->version_id);
	fprintf(st->out, "    \"minimum_version_id\": %d,\n", dc->vmsd->minimum_version_id);
	dump_description(st->out, dc->vmsd, 4, false, st->with_num);
	fprintf(st->out, "\n  }");
	st->first = false;
}

int dump_vmstate_json(FILE *out, const char *machine_name, enum dump_layout layout)
{
	struct dump_state st = {
		.out = out, .first = true, .with_num = layout == DUMP_LAYOUT_8_1,
	};

	fprintf(out, "{\n");
	fprintf(out, "  \"vmschkmachine\": {\n");
	fprintf(out, "    \"Name\": \"%s\"\n", machine_name);
	fprintf(out, "  },\n");
	object_class_foreach_sorted(TYPE_DEVICE, true, dump_section, &st);
	fprintf(out, "\n}\n");
	return ferror(out) ? -1 : 0;
}
