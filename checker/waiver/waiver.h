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

struct strbuf;

/* One message, as the checker knows it.  DESCRIPTION and FIELD are NULL when the message
 * names none; FIELD is the field, subsection or entry the message names.
 *
 * A wire finding (a kind of the wire family, checker/wire) gives the sections it
 * reaches in SECTIONS (a description shared by several sections lists them all); a
 * record's section pattern must match every one of them, so that a record never hides
 * a difference in a section it does not name.  It has no OTHER. */
struct vw_message {
	enum finding_kind kind;
	const char *section;
	const char *description;
	const char *field;
	const char *other;  /* {G} of the template: the name found instead, or NULL */
	const char *const *sections;  /* NSECTIONS > 0: these instead of SECTION */
	size_t nsections;
};

struct vw_set;

/* A waiver file holds a few hundred records at most: a longer one is refused. */
#define VW_MAX_FILE ((size_t)16 << 20)

/* Loads and validates a waiver file.  On error returns NULL and sets *ERROR to one line
 * "FILE:LINE:COL: error: ..." (free() it). */
struct vw_set *vw_load(const char *path, char **error);
/* The same, but an error is reported through diag_error (GCC's form and colour,
 * checker/common/diag.h) and NULL returned. */
struct vw_set *vw_load_or_report(const char *path);
/* The same from text in memory; NAME is used in messages. */
struct vw_set *vw_parse(const char *text, const char *name, char **error);
void vw_free(struct vw_set *set);

size_t vw_count(const struct vw_set *set);
/* The first waiver that matches MSG, which is then marked used: its index, else -1.
 * A record of one family (waive: reference, waive-wire: wire) never matches a message
 * of the other. */
long vw_match(struct vw_set *set, const struct vw_message *msg);
/* The reason and "FILE:LINE" of waiver I. */
const char *vw_reason(const struct vw_set *set, size_t i);
const char *vw_where(const struct vw_set *set, size_t i);
/* Tells the set that SECTION is in the run's source dump (VW_IN_SRC, the side migrated
 * from; the old dump of a wire comparison), its destination (VW_IN_DEST; the new dump)
 * or both.  Once this was called, only records that could have matched can be stale:
 * their section pattern met a section on the sides their kinds need (section-missing
 * and section-removed: the source; section-added: the destination; any other kind:
 * both).  A record for a device the run does not have (another target, another
 * machine), or for a section missing only the other way, is not stale.  VW_BY_WIRE
 * says the run compares by the wire rules: then only waive-wire records can be stale,
 * else only waive records (one file can serve both modes). */
enum { VW_IN_SRC = 1, VW_IN_DEST = 2, VW_BY_WIRE = 4 };
void vw_note_section(struct vw_set *set, const char *section, unsigned sides);
/* Writes "FILE:LINE: warning: stale waiver: ..." for each waiver never matched (and,
 * after vw_note_section, applicable); returns their number.  A caller that checks both
 * directions calls it once, after both. */
size_t vw_report_stale(const struct vw_set *set, FILE *out);

/* Writes a waiver file with one record for each message of MSGS that a record can
 * accept (a counted reference message, any wire finding), direction-free where the kind
 * allows (change= for renames, version and minimum-version together; a wire finding is
 * both directions already), each with an empty reason: the file does not load until
 * every reason is filled in.  COMMENT goes on its first line.  The header says the
 * lowest format that reads the records: 2, or 3 when one is a wire record. */
void vw_write_suggestions(const struct vw_message *msgs, size_t n, const char *comment,
			  struct strbuf *out);
/* The same into the file PATH (written atomically); false, after an error through
 * diag_error naming PATH, when it cannot be written.  Both modes of vmstate-check use
 * it for --suggest-waivers. */
bool vw_save_suggestions(const char *path, const struct vw_message *msgs, size_t n,
			 const char *comment);

/* Reads one line (without its newline) of the checker's report back into a message, for
 * tools that only see the report (vmstate-diff).  The strings are copied into BUF.
 * Returns false for a line that is not a counted problem (the machine-type warning, an
 * unknown text).  A line that starts with the reference's dangling section-level
 * "Section "S" " prefix is read after that prefix. */
bool vw_parse_report_line(const char *line, struct vw_message *msg, char *buf, size_t size);

#endif
