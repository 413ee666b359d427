/* SPDX-License-Identifier: GPL-2.0-or-later */
/* How outcomes become severities, and a report's lifetime.  The kinds are in
 * checker/common/findings.c. */
#include "finding.h"

#include <stdlib.h>
#include <string.h>

const char *vmw_outcome_name(enum vmw_outcome outcome)
{
	static const char *const names[] = { "unaffected", "loads", "depends", "fails" };
	return names[outcome];
}

const char *vmw_severity_name(enum finding_severity severity)
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

static enum finding_severity severity_of(enum vmw_outcome outcome)
{
	return outcome == VMW_FAILS ? FINDING_BREAKS : outcome == VMW_DEPENDS ? FINDING_REVIEW
									  : FINDING_BENIGN;
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

/* The waiver that accepts F, or -1; the record is marked used. */
static long waiver_of(struct vw_set *waivers, const struct vmw_finding *f)
{
	if (!waivers || (f->forward == VMW_UNAFFECTED && f->backward == VMW_UNAFFECTED))
		return -1;
	struct vw_message msg = {
		.kind = f->kind, .description = f->description, .field = f->field,
		.sections = (const char *const *)f->sections, .nsections = f->nsections,
	};
	return vw_match(waivers, &msg);
}

void vmw_finalize(struct vmw_report *report, enum vmw_direction direction,
		  struct vw_set *waivers)
{
	size_t kept = 0;

	memset(report->count, 0, sizeof(report->count));
	report->waivers = waivers;
	report->waived = 0;
	for (size_t i = 0; i < report->n; i++) {
		struct vmw_finding *f = &report->items[i];
		f->forward = reached(f->forward, f->reach_forward);
		f->backward = reached(f->backward, f->reach_backward);
		f->waiver = waiver_of(waivers, f);
		enum vmw_outcome fwd = direction == VMW_DIR_BACKWARD ? VMW_UNAFFECTED : f->forward;
		enum vmw_outcome bwd = direction == VMW_DIR_FORWARD ? VMW_UNAFFECTED : f->backward;

		if (fwd == VMW_UNAFFECTED && bwd == VMW_UNAFFECTED) {
			vmw_finding_free(f);
			continue;
		}
		enum finding_severity a = severity_of(fwd), b = severity_of(bwd);
		enum finding_severity worst = a > b ? a : b;
		enum finding_severity cap = finding_kinds[f->kind].max_severity;
		f->severity = worst < cap ? worst : cap;
		if (f->waiver >= 0)
			report->waived++;
		else
			report->count[f->severity]++;
		report->items[kept++] = *f;
	}
	report->n = kept;
}

void vmw_note_sections(struct vw_set *waivers, const struct vmw_dump *old_dump,
		       const struct vmw_dump *new_dump)
{
	for (int side = 0; side < 2; side++) {
		const struct vmw_dump *d = side ? new_dump : old_dump;
		const struct vmw_dump *other = side ? old_dump : new_dump;
		for (size_t i = 0; i < d->nsections; i++) {
			const char *name = d->sections[i].name;
			unsigned here = side ? VW_IN_DEST : VW_IN_SRC;
			unsigned there = side ? VW_IN_SRC : VW_IN_DEST;
			vw_note_section(waivers, name, VW_BY_WIRE | here |
					(vmw_dump_section(other, name, 0) ? there : 0));
		}
	}
}

void vmw_report_free(struct vmw_report *report)
{
	for (size_t i = 0; i < report->n; i++)
		vmw_finding_free(&report->items[i]);
	free(report->items);
	memset(report, 0, sizeof(*report));
}
