/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Wire findings as data: each finding with its kind (from the one table of kinds,
 * checker/common/findings.h), what happens in each direction, its severity, its place
 * in the state and both sides' source locations.  Text comes last, in render.c. */
#ifndef VMW_FINDING_H
#define VMW_FINDING_H

#include "model.h"
#include "../common/findings.h"
#include "../waiver/waiver.h"

#include <stdbool.h>
#include <stddef.h>

/* What a migration in one direction does, under QEMU's load rules. */
enum vmw_outcome {
	VMW_UNAFFECTED,  /* the difference does not reach the wire in this direction */
	VMW_LOADS,       /* the destination loads it correctly */
	VMW_DEPENDS,     /* a run-time predicate decides */
	VMW_FAILS,       /* the load fails, or puts values into the wrong members */
};

enum { VMW_REACH_NEVER, VMW_REACH_DEPENDS, VMW_REACH_ALWAYS };

struct vmw_finding {
	enum finding_kind kind;
	enum finding_severity severity;     /* set by vmw_finalize() */
	enum vmw_outcome forward;       /* old -> new (-s -> -d) */
	enum vmw_outcome backward;      /* new -> old */
	char *message;                  /* the main line, without location or kind */
	const char *description;        /* name of the description it is in */
	const char *field;              /* field or subsection, or NULL */
	const char *new_loc, *old_loc;  /* FILE:LINE:COL, or NULL */
	char *old_value, *new_value;    /* what changed, as text (malloc'd), or NULL */
	struct vmw_func predicate;      /* the run-time predicate that decides, if any */
	/* Whether the data it is in reaches the wire, per direction, over every place it
	 * is reached from: 0 never, 1 when a predicate says so, 2 always (VMW_REACH_*). */
	unsigned char reach_forward, reach_backward;
	char **sections;                /* every section whose stream it affects */
	size_t nsections, sections_cap;
	long waiver;                    /* the waiver record that accepts it, or -1 */
};

enum vmw_direction { VMW_DIR_BOTH, VMW_DIR_FORWARD, VMW_DIR_BACKWARD };

struct vmw_report {
	const struct vmw_dump *old_dump, *new_dump;
	struct vmw_finding *items;
	size_t n, cap;
	size_t sections_compared;
	size_t count[3];                /* findings per severity, waived ones left out */
	const struct vw_set *waivers;   /* what vmw_finalize() matched, or NULL */
	size_t waived;                  /* findings a waiver accepts */
};

/* Compares OLD and NEW under the wire rules into REPORT (compare.c). */
void vmw_compare(struct vmw_report *report, const struct vmw_dump *old_dump,
		 const struct vmw_dump *new_dump);

/* Sets every finding's severity from the outcomes in the directions asked for, and the
 * counts.  A finding whose outcomes are all UNAFFECTED there is dropped.  With WAIVERS
 * (or NULL), each finding that reaches the wire in either direction is matched against
 * them (so that a record used only the other way is not stale), and one a record
 * accepts is kept but counted as waived instead of by its severity. */
void vmw_finalize(struct vmw_report *report, enum vmw_direction direction,
		  struct vw_set *waivers);

/* Tells WAIVERS which sections the two dumps have (old: VW_IN_SRC, new: VW_IN_DEST), so
 * that only wire records that could have matched are reported stale. */
void vmw_note_sections(struct vw_set *waivers, const struct vmw_dump *old_dump,
		       const struct vmw_dump *new_dump);

void vmw_report_free(struct vmw_report *report);

const char *vmw_outcome_name(enum vmw_outcome outcome);
const char *vmw_severity_name(enum finding_severity severity);

#endif
