/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The one table of finding kinds: every message a checker can report, by kind.
 *
 * Contract:
 * - Each kind has a name (used by waiver files, suggestions and machine-readable
 *   output; never changes once released) and a family: the reference rules'
 *   (checker/check) or the wire rules' (checker/wire, docs/wire-rules.md).  A name is
 *   unique within its family; "version" is in both.
 * - A reference kind has the template of its text and whether it counts as a problem
 *   (a counted finding goes into the exit status and can be waived; the others are
 *   printed only).
 * - A wire kind has a one-line description (SARIF's rule text; docs/wire-rules.md
 *   lists every kind) and the highest severity it can have: a wire finding's severity
 *   comes from its outcomes in each direction, capped there.
 * - A template is literal text with slots in braces and optional parts in brackets:
 *     {S} {D} {F}  the section, description and field (or subsection, or entry) the
 *                  finding names: strings, joined into the text;
 *     {G} {H}      other strings joined into the text (the name found instead, the
 *                  machine types);
 *     {a} {b}      values as Python's print() shows them (versions, sizes);
 *     [ ... ]      printed only when the one slot inside it is given.
 *   The reference rules (checker/check/rules.c) print from these templates, and the
 *   waiver library (checker/waiver) reads them for its kinds and report patterns, so
 *   each template is written once, here.
 * - The reference kinds are the messages of QEMU's scripts/vmstate-static-checker.py,
 *   byte for byte; the wire kinds follow, from FINDING_WIRE_FIRST. */
#ifndef VMSTATE_COMMON_FINDINGS_H
#define VMSTATE_COMMON_FINDINGS_H

#include <stdbool.h>
#include <stdint.h>

enum finding_kind {
	FINDING_SECTION_MISSING,
	FINDING_SECTION_ENTRY_MISSING,
	FINDING_VERSION,
	FINDING_MINIMUM_VERSION,
	FINDING_SIZE,
	FINDING_MISSING_DESCRIPTION,
	FINDING_UNUSED_SIZE,
	FINDING_FIELDS_ENDED,
	FINDING_FIELD_MISMATCH,
	FINDING_SUBSECTION_MISSING,
	FINDING_DESCRIPTION_RENAMED,
	FINDING_ENTRY_MISSING,
	FINDING_MACHINE_TYPE,     /* a warning: printed, not counted */
	FINDING_SECTION_PREFIX,   /* the reference's dangling "Section "S" " (not counted) */
	FINDING_REFERENCE_COUNT,

	FINDING_WIRE_FIRST = FINDING_REFERENCE_COUNT,
	FINDING_WIRE_SECTION_REMOVED = FINDING_WIRE_FIRST,
	FINDING_WIRE_SECTION_ADDED,
	FINDING_WIRE_INSTANCE_ID,
	FINDING_WIRE_VERSION,
	FINDING_WIRE_MINIMUM_VERSION,
	FINDING_WIRE_FIELD_REMOVED,
	FINDING_WIRE_FIELD_ADDED,
	FINDING_WIRE_FIELDS_CHANGED,
	FINDING_WIRE_FIELD_RENAMED,
	FINDING_WIRE_FIELD_MOVED,
	FINDING_WIRE_PADDING,
	FINDING_WIRE_SIZE,
	FINDING_WIRE_COUNT,
	FINDING_WIRE_ENCODING,
	FINDING_WIRE_ENCODING_SAME_BYTES,
	FINDING_WIRE_STRUCT,
	FINDING_WIRE_FIELD_VERSION,
	FINDING_WIRE_FIELD_EXISTS,
	FINDING_WIRE_VALIDATOR_ADDED,
	FINDING_WIRE_SUBSECTION_REMOVED,
	FINDING_WIRE_SUBSECTION_ADDED,
	FINDING_WIRE_DESCRIPTION_RENAMED,
	FINDING_WIRE_UNKNOWN,
	FINDING_WIRE_DEVICE_SECTION_ADDED,
	FINDING_KIND_COUNT
};

/* A set of kinds (waiver records): bit K is kind K.  Every kind needs its bit. */
typedef uint64_t finding_mask;
#define FINDING_BIT(kind) ((finding_mask)1 << (kind))
_Static_assert(FINDING_KIND_COUNT <= 64, "finding_mask needs a bit for every finding kind");

enum finding_family { FINDING_REFERENCE, FINDING_WIRE };

/* How much a wire finding matters, lowest first. */
enum finding_severity { FINDING_BENIGN, FINDING_REVIEW, FINDING_BREAKS };

struct finding_kind_info {
	const char *name;
	enum finding_family family;
	/* Reference kinds. */
	const char *template;  /* one line, without its newline */
	bool counted;
	bool open_line;        /* the reference prints no newline after it */
	/* The slot ('F' or 'D') whose name trades places with {G} when the same change is
	 * checked the other way (a rename: "expected A, got B" forward is "expected B,
	 * got A" backward), or 0. */
	char renamed_slot;
	/* Wire kinds. */
	const char *description;          /* one line, for SARIF rules and docs */
	enum finding_severity max_severity;
};

extern const struct finding_kind_info finding_kinds[FINDING_KIND_COUNT];

/* The kind of FAMILY called NAME, or -1. */
int finding_kind_from_name(enum finding_family family, const char *name);
/* The name of KIND ("?" when out of range). */
const char *finding_kind_name(int kind);

#endif
