/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "shape.h"

/* a dict/a list/... for messages */
static const char *a_type(const struct vc_value *v)
{
	switch (v->kind) {
	case VC_NULL: return "null";
	case VC_BOOL: return "a boolean";
	case VC_INT: case VC_BIGINT: return "an integer";
	case VC_FLOAT: return "a number";
	case VC_STR: return "a string";
	case VC_LIST: return "an array";
	default: return "an object";
	}
}

static void require_description(const struct vc_value *desc);

static void require_field(const struct vc_value *field)
{
	if (field->kind != VC_DICT)
		vc_fail_at(field, "a field must be an object, not %s", a_type(field));
	const struct vc_value *desc = vc_dict_gets(field, "Description");
	if (desc)
		require_description(desc);
}

static void require_description(const struct vc_value *desc)
{
	if (desc->kind != VC_DICT)
		vc_fail_at(desc, "a description must be an object, not %s", a_type(desc));
	const struct vc_value *fields = vc_dict_gets(desc, "Fields");
	if (fields) {
		if (fields->kind != VC_LIST)
			vc_fail_at(fields, "a field list must be an array, not %s", a_type(fields));
		for (uint32_t i = 0; i < fields->len; i++)
			require_field(fields->u.items[i]);
	}
	const struct vc_value *subs = vc_dict_gets(desc, "Subsections");
	if (subs) {
		if (subs->kind != VC_LIST)
			vc_fail_at(subs, "a subsection list must be an array, not %s", a_type(subs));
		for (uint32_t i = 0; i < subs->len; i++)
			require_description(subs->u.items[i]);
	}
}

void vmc_require_dump_shape(const struct vc_value *root)
{
	if (root->kind != VC_DICT)
		vc_fail_at(root, "a dump must be an object of sections, not %s", a_type(root));
	for (uint32_t i = 0; i < root->len; i++) {
		const struct vc_value *section = root->u.dict.members[i].value;
		if (section->kind != VC_DICT)
			vc_fail_at(section, "a section must be an object, not %s", a_type(section));
		const struct vc_value *desc = vc_dict_gets(section, "Description");
		if (desc)
			require_description(desc);
	}
}
