/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one table of wire kinds, and how outcomes become severities. */
#include "finding.h"

#include <stdlib.h>
#include <string.h>

const struct vmw_kind_info vmw_kinds[VMW_K_COUNT_OF_KINDS] = {
	[VMW_K_SECTION_REMOVED] = { "section-removed",
		"a section the old version sends is unknown to the new one", false },
	[VMW_K_SECTION_ADDED] = { "section-added",
		"a section only the new version has (its device is new)", true },
	[VMW_K_INSTANCE_ID] = { "instance-id",
		"a registered section's instance id changed: sections are found by name and id",
		false },
	[VMW_K_VERSION] = { "version",
		"the stream version is above what the other side accepts", false },
	[VMW_K_MINIMUM_VERSION] = { "minimum-version",
		"the stream version is below the other side's minimum_version_id", false },
	[VMW_K_FIELD_REMOVED] = { "field-removed",
		"data the old version sends is not read by the new one", false },
	[VMW_K_FIELD_ADDED] = { "field-added",
		"data the new version reads is not sent by the old one", false },
	[VMW_K_FIELDS_CHANGED] = { "fields-changed",
		"a run of fields changed its shape on the wire", false },
	[VMW_K_FIELD_RENAMED] = { "field-renamed",
		"a field renamed: names are not on the wire", false },
	[VMW_K_FIELD_MOVED] = { "field-moved",
		"a field moved: its bytes now load into another member", false },
	[VMW_K_PADDING] = { "padding",
		"VMSTATE_UNUSED padding stands for bytes of the same size", false },
	[VMW_K_SIZE] = { "size", "a field's element size changed", false },
	[VMW_K_COUNT] = { "count", "a field's element count changed", false },
	[VMW_K_ENCODING] = { "encoding", "a field's VMStateInfo changed", false },
	[VMW_K_ENCODING_SAME_BYTES] = { "encoding-same-bytes",
		"a field's VMStateInfo changed to one with the same bytes", false },
	[VMW_K_STRUCT] = { "struct",
		"a nested description became plain data, or the reverse", false },
	[VMW_K_FIELD_VERSION] = { "field-version",
		"a field's version_id changed which streams carry it", false },
	[VMW_K_FIELD_EXISTS] = { "field-exists",
		"a field_exists test decides whether a field is on the wire", false },
	[VMW_K_VALIDATOR_ADDED] = { "validator-added",
		"a new VMSTATE_VALIDATE check can refuse a load", false },
	[VMW_K_SUBSECTION_REMOVED] = { "subsection-removed",
		"a subsection the old version sends is unknown to the new one", false },
	[VMW_K_SUBSECTION_ADDED] = { "subsection-added",
		"a subsection the new version sends is unknown to the old one", false },
	[VMW_K_DESCRIPTION_RENAMED] = { "description-renamed",
		"a nested description renamed: its name is not on the wire", false },
	[VMW_K_UNKNOWN] = { "unknown",
		"a value the tools could not evaluate decides the verdict", false },
};

const char *vmw_outcome_name(enum vmw_outcome outcome)
{
	static const char *const names[] = { "unaffected", "loads", "depends", "fails" };
	return names[outcome];
}

const char *vmw_severity_name(enum vmw_severity severity)
{
	static const char *const names[] = { "benign", "review", "breaks" };
	return names[severity];
}

static void vmw_finding_free(struct vmw_finding *f)
{
	free(f->message);
	free(f->old_value);
	free(f->new_value);
	for (size_t s = 0; s < f->nsections; s++)
		free(f->sections[s]);
	free(f->sections);
}

static enum vmw_severity severity_of(enum vmw_outcome outcome)
{
	return outcome == VMW_FAILS ? VMW_BREAKS : outcome == VMW_DEPENDS ? VMW_REVIEW
									  : VMW_BENIGN;
}

/* A difference inside data that travels only sometimes, or never, matters as much. */
static enum vmw_outcome reached(enum vmw_outcome outcome, unsigned reach)
{
	if (reach == VMW_REACH_NEVER)
		return VMW_UNAFFECTED;
	if (reach == VMW_REACH_DEPENDS && outcome == VMW_FAILS)
		return VMW_DEPENDS;
	return outcome;
}

void vmw_finalize(struct vmw_report *report, enum vmw_direction direction)
{
	size_t kept = 0;

	memset(report->count, 0, sizeof(report->count));
	for (size_t i = 0; i < report->n; i++) {
		struct vmw_finding *f = &report->items[i];
		f->forward = reached(f->forward, f->reach_forward);
		f->backward = reached(f->backward, f->reach_backward);
		enum vmw_outcome fwd = direction == VMW_DIR_BACKWARD ? VMW_UNAFFECTED : f->forward;
		enum vmw_outcome bwd = direction == VMW_DIR_FORWARD ? VMW_UNAFFECTED : f->backward;

		if (fwd == VMW_UNAFFECTED && bwd == VMW_UNAFFECTED) {
			vmw_finding_free(f);
			continue;
		}
		enum vmw_severity a = severity_of(fwd), b = severity_of(bwd);
		f->severity = vmw_kinds[f->kind].always_benign ? VMW_BENIGN : a > b ? a : b;
		report->count[f->severity]++;
		report->items[kept++] = *f;
	}
	report->n = kept;
}

void vmw_report_free(struct vmw_report *report)
{
	for (size_t i = 0; i < report->n; i++)
		vmw_finding_free(&report->items[i]);
	free(report->items);
	memset(report, 0, sizeof(*report));
}
