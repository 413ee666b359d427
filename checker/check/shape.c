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
	struct vc_value desc;
	if (vc_dict_get_literal_at(field, "Description", &desc))
		require_description(&desc);
}

static void require_description(const struct vc_value *desc)
{
	if (desc->kind != VC_DICT)
		vc_fail_at(desc, "a description must be an object, not %s", a_type(desc));
	struct vc_value fields_view, subs_view;
	const struct vc_value *fields =
		vc_dict_get_literal_at(desc, "Fields", &fields_view) ? &fields_view : NULL;
	if (fields) {
		if (fields->kind != VC_LIST)
			vc_fail_at(fields, "a field list must be an array, not %s", a_type(fields));
		for (uint32_t i = 0; i < fields->len; i++) {
			struct vc_value field;
			vc_item_at(fields, i, &field);
			require_field(&field);
		}
	}
	const struct vc_value *subs =
		vc_dict_get_literal_at(desc, "Subsections", &subs_view) ? &subs_view : NULL;
	if (subs) {
		if (subs->kind != VC_LIST)
			vc_fail_at(subs, "a subsection list must be an array, not %s", a_type(subs));
		for (uint32_t i = 0; i < subs->len; i++) {
			struct vc_value sub;
			vc_item_at(subs, i, &sub);
			require_description(&sub);
		}
	}
}

void vmc_require_dump_shape(const struct vc_doc *doc)
{
	struct vc_value root_view;
	vc_item_root(doc, &root_view);
	const struct vc_value *root = &root_view;
	if (root->kind != VC_DICT)
		vc_fail_at(root, "a dump must be an object of sections, not %s", a_type(root));
	for (uint32_t i = 0; i < root->len; i++) {
		struct vc_value section, desc;
		vc_item_at(root, i, &section);
		if (section.kind != VC_DICT)
			vc_fail_at(&section, "a section must be an object, not %s", a_type(&section));
		if (vc_dict_get_literal_at(&section, "Description", &desc))
			require_description(&desc);
	}
}
