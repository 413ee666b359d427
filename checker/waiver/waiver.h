/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Waivers: accepted migration differences, recorded with a reason (docs/waivers.md).
 *
 * A caller loads a waiver file, asks vw_match() about each message it is about to
 * report (a match means: do not print it, do not count it), and at the end reports the
 * waivers that matched nothing with vw_report_stale(). */
#ifndef VMSTATE_WAIVER_H
#define VMSTATE_WAIVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The kinds of message of vmstate-check (and of QEMU's reference checker). */
enum vw_kind {
	VW_SECTION_MISSING,       /* Section "S" does not exist in dest */
	VW_SECTION_ENTRY_MISSING, /* Section "S": Entry "E" missing */
	VW_VERSION,               /* ... version error: a > b */
	VW_MINIMUM_VERSION,       /* ... minimum version error: a < b */
	VW_SIZE,                  /* ... size mismatch: a , b */
	VW_MISSING_DESCRIPTION,   /* ... Field "F": missing description */
	VW_UNUSED_SIZE,           /* ... unused size mismatch near "F" */
	VW_FIELDS_ENDED,          /* ... expected field "F", while dest has no further fields */
	VW_FIELD_MISMATCH,        /* ... expected field "F", got "G"; skipping rest */
	VW_SUBSECTION_MISSING,    /* ... Subsection "F" not found */
	VW_DESCRIPTION_RENAMED,   /* Section "S": Description "D" missing, got "G" instead */
	VW_ENTRY_MISSING,         /* Section "S" Description "D": Entry "F" missing */
	VW_KIND_COUNT
};

/* One message, as the checker knows it.  DESCRIPTION and FIELD are NULL when the message
 * names none; FIELD is the field, subsection or entry the message names. */
struct vw_message {
	enum vw_kind kind;
	const char *section;
	const char *description;
	const char *field;
};

struct vw_set;

/* Loads and validates a waiver file.  On error returns NULL and sets *ERROR to one line
 * "FILE:LINE:COL: error: ..." (free() it). */
struct vw_set *vw_load(const char *path, char **error);
/* The same from text in memory; NAME is used in messages. */
struct vw_set *vw_parse(const char *text, const char *name, char **error);
void vw_free(struct vw_set *set);

size_t vw_count(const struct vw_set *set);
/* The first waiver that matches MSG, which is then marked used: its index, else -1. */
long vw_match(struct vw_set *set, const struct vw_message *msg);
/* The reason and "FILE:LINE" of waiver I. */
const char *vw_reason(const struct vw_set *set, size_t i);
const char *vw_where(const struct vw_set *set, size_t i);
/* Writes "FILE:LINE: warning: stale waiver: ..." for each waiver never matched; returns
 * their number. */
size_t vw_report_stale(const struct vw_set *set, FILE *out);

const char *vw_kind_name(enum vw_kind kind);
/* -1 for an unknown name. */
int vw_kind_from_name(const char *name);

/* Reads one line (without its newline) of the checker's report back into a message, for
 * tools that only see the report (vmstate-diff).  The strings are copied into BUF.
 * Returns false for a line that is not a counted problem (the machine-type warning, an
 * unknown text).  A line that starts with the reference's dangling section-level
 * "Section "S" " prefix is read after that prefix. */
bool vw_parse_report_line(const char *line, struct vw_message *msg, char *buf, size_t size);

#endif
