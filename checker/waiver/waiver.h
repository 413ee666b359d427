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

#include "../common/findings.h"

/* One message, as the checker knows it.  DESCRIPTION and FIELD are NULL when the message
 * names none; FIELD is the field, subsection or entry the message names. */
struct vw_message {
	enum finding_kind kind;
	const char *section;
	const char *description;
	const char *field;
	const char *other;  /* {G} of the template: the name found instead, or NULL */
};

struct vw_set;

/* A waiver file holds a few hundred records at most: a longer one is refused. */
#define VW_MAX_FILE ((size_t)16 << 20)

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

/* Reads one line (without its newline) of the checker's report back into a message, for
 * tools that only see the report (vmstate-diff).  The strings are copied into BUF.
 * Returns false for a line that is not a counted problem (the machine-type warning, an
 * unknown text).  A line that starts with the reference's dangling section-level
 * "Section "S" " prefix is read after that prefix. */
bool vw_parse_report_line(const char *line, struct vw_message *msg, char *buf, size_t size);

#endif
