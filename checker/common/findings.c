/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "findings.h"

#include <string.h>

const struct finding_kind_info finding_kinds[FINDING_KIND_COUNT] = {
	[FINDING_SECTION_MISSING] = { "section-missing",
		"Section \"{S}\" does not exist in dest", true },
	[FINDING_SECTION_ENTRY_MISSING] = { "section-entry-missing",
		"Section \"{S}\": Entry \"{F}\" missing", true },
	[FINDING_VERSION] = { "version",
		"Section \"{S}\" [Description \"{D}\": ]version error: {a} > {b}", true },
	[FINDING_MINIMUM_VERSION] = { "minimum-version",
		"Section \"{S}\" Description \"{D}\": minimum version error: {a} < {b}", true },
	[FINDING_SIZE] = { "size",
		"Section \"{S}\" [Description \"{D}\" ][Field \"{F}\" ]size mismatch: {a} , {b}",
		true },
	[FINDING_MISSING_DESCRIPTION] = { "missing-description",
		"Section \"{S}\", Description \"{D}\", Field \"{F}\": missing description", true },
	[FINDING_UNUSED_SIZE] = { "unused-size",
		"Section \"{S}\", Description \"{D}\": unused size mismatch near \" {F}\"", true },
	[FINDING_FIELDS_ENDED] = { "fields-ended",
		"Section \"{S}\", Description \"{D}\": expected field \"{F}\", while dest has no "
		"further fields", true },
	[FINDING_FIELD_MISMATCH] = { "field-mismatch",
		"Section \"{S}\", Description \"{D}\": expected field \"{F}\", got \"{G}\"; "
		"skipping rest", true, false, 'F' },
	[FINDING_SUBSECTION_MISSING] = { "subsection-missing",
		"Section \"{S}\", Description \"{D}\": Subsection \"{F}\" not found", true },
	[FINDING_DESCRIPTION_RENAMED] = { "description-renamed",
		"Section \"{S}\": Description \"{D}\" missing, got \"{G}\" instead; skipping", true,
		false, 'D' },
	[FINDING_ENTRY_MISSING] = { "entry-missing",
		"Section \"{S}\" Description \"{D}\": Entry \"{F}\" missing", true },
	[FINDING_MACHINE_TYPE] = { "machine-type",
		"Warning: checking incompatible machine types: \"{G}\", \"{H}\"", false },
	[FINDING_SECTION_PREFIX] = { "section-prefix", "Section \"{S}\" ", false, true },
};

int finding_kind_from_name(const char *name)
{
	for (int i = 0; i < FINDING_KIND_COUNT; i++)
		if (strcmp(finding_kinds[i].name, name) == 0)
			return i;
	return -1;
}

const char *finding_kind_name(int kind)
{
	return kind >= 0 && kind < FINDING_KIND_COUNT ? finding_kinds[kind].name : "?";
}
