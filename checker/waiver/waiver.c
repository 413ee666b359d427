/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Matching messages against waiver records, and stale records. */
#include "waiver_set.h"
#include "../common/diag.h"
#include "../common/strbuf.h"

#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>

size_t vw_count(const struct vw_set *set)
{
	return set->n;
}

const char *vw_reason(const struct vw_set *set, size_t i)
{
	return set->w[i].reason;
}

const char *vw_where(const struct vw_set *set, size_t i)
{
	return set->w[i].where;
}

void vw_free(struct vw_set *set)
{
	if (!set)
		return;
	for (size_t i = 0; i < set->n; i++) {
		struct waiver *w = &set->w[i];
		free(w->section);
		free(w->description);
		free(w->field);
		free(w->other);
		free(w->change_from);
		free(w->change_to);
		free(w->reason);
		free(w->where);
	}
	free(set->w);
	free(set);
}

/* An omitted key matches anything; a given one must match a name the message has. */
static bool name_matches(const struct waiver *w, const char *pattern, const char *name)
{
	if (!pattern)
		return true;
	if (!name)
		return false;
	return w->patterns ? fnmatch(pattern, name, 0) == 0 : strcmp(pattern, name) == 0;
}

/* change="FROM -> TO": the renamed name and {G} are FROM and TO, one way or the other. */
static bool change_matches(const struct waiver *w, const struct vw_message *msg)
{
	char slot = finding_kinds[msg->kind].renamed_slot;
	const char *renamed = slot == 'F' ? msg->field : slot == 'D' ? msg->description : NULL;
	return (name_matches(w, w->change_from, renamed) &&
		name_matches(w, w->change_to, msg->other)) ||
	       (name_matches(w, w->change_to, renamed) &&
		name_matches(w, w->change_from, msg->other));
}

/* A wire finding on a shared description names several sections: the record must
 * match every one, or it would accept the difference where it names nothing. */
static bool sections_match(const struct waiver *w, const struct vw_message *msg)
{
	if (!msg->nsections)
		return name_matches(w, w->section, msg->section);
	for (size_t i = 0; i < msg->nsections; i++)
		if (!name_matches(w, w->section, msg->sections[i]))
			return false;
	return true;
}

static bool matches(const struct waiver *w, const struct vw_message *msg)
{
	return (w->kinds & FINDING_BIT(msg->kind)) && sections_match(w, msg) &&
	       name_matches(w, w->description, msg->description) &&
	       name_matches(w, w->field, msg->field) && name_matches(w, w->other, msg->other) &&
	       (!w->change_from || change_matches(w, msg));
}

long vw_match(struct vw_set *set, const struct vw_message *msg)
{
	if (!vw_waivable(msg->kind))
		return -1;
	for (size_t i = 0; i < set->n; i++) {
		if (matches(&set->w[i], msg)) {
			set->w[i].used++;
			return (long)i;
		}
	}
	return -1;
}

void vw_note_section(struct vw_set *set, const char *section, unsigned sides)
{
	set->sections_noted = true;
	for (size_t i = 0; i < set->n; i++) {
		struct waiver *w = &set->w[i];
		if (w->applicable || !name_matches(w, w->section, section))
			continue;
		enum finding_family run = sides & VW_BY_WIRE ? FINDING_WIRE : FINDING_REFERENCE;
		if (w->family != run)
			continue;
		for (int k = 0; k < FINDING_KIND_COUNT && !w->applicable; k++) {
			unsigned needs = k == FINDING_SECTION_MISSING ||
					 k == FINDING_WIRE_SECTION_REMOVED ? VW_IN_SRC
					 : k == FINDING_WIRE_SECTION_ADDED ||
					   k == FINDING_WIRE_DEVICE_SECTION_ADDED ? VW_IN_DEST
					 : VW_IN_SRC | VW_IN_DEST;
			w->applicable = (w->kinds & FINDING_BIT(k)) && (sides & needs) == needs;
		}
	}
}

/* The kinds of W, as in the file (a wire record's after "wire "). */
static void kinds_text(const struct waiver *w, struct strbuf *out)
{
	finding_mask every = 0;
	for (int k = 0; k < FINDING_KIND_COUNT; k++)
		if (finding_kinds[k].family == w->family && vw_waivable(k))
			every |= FINDING_BIT(k);
	if (w->family == FINDING_WIRE)
		sb_puts(out, "wire ");
	if (w->kinds == every) {
		sb_puts(out, w->family == FINDING_WIRE ? "all" : "counted");
		return;
	}
	bool first = true;
	for (int k = 0; k < FINDING_KIND_COUNT; k++) {
		if (!(w->kinds & FINDING_BIT(k)))
			continue;
		if (!first)
			sb_putc(out, ',');
		sb_puts(out, finding_kinds[k].name);
		first = false;
	}
}

size_t vw_report_stale(const struct vw_set *set, FILE *out)
{
	size_t n = 0;
	for (size_t i = 0; i < set->n; i++) {
		const struct waiver *w = &set->w[i];
		if (w->used || (set->sections_noted && !w->applicable))
			continue;
		n++;
		struct strbuf text = STRBUF_INIT;
		sb_puts(&text, "stale waiver: no ");
		kinds_text(w, &text);
		sb_printf(&text, " %s in section \"%s\"",
			  w->family == FINDING_WIRE ? "finding" : "message", w->section);
		if (w->description)
			sb_printf(&text, ", description \"%s\"", w->description);
		if (w->field)
			sb_printf(&text, ", field \"%s\"", w->field);
		if (w->other)
			sb_printf(&text, ", other \"%s\"", w->other);
		if (w->change_from)
			sb_printf(&text, ", change \"%s -> %s\"", w->change_from, w->change_to);
		sb_printf(&text, " (reason: %s)", w->reason);
		/* On stderr, as every diagnostic of the tools (colour, counts). */
		if (out == stderr)
			diag_warning(w->where, "%s", text.data);
		else
			fprintf(out, "%s: warning: %s\n", w->where, text.data);
		sb_release(&text);
	}
	return n;
}
