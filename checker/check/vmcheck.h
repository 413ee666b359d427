/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-check in process: the reference rules on two dumps, with the findings as data
 * and the reference text byte for byte.  vmstate-check itself runs through this; other
 * tools (vmstate-diff) call it instead of reading vmstate-check's report back.
 *
 * Contract:
 * - vmc_check_files() reads two dump files ("-" is standard input, named "<stdin>"),
 *   checks their shape and runs the rules from SRC to DEST (DEST to SRC with reverse).
 *   It returns what vmstate-check would exit with: the problems not waived (0 to 255),
 *   or 255 for input that cannot be checked, with the error in error_where ("FILE",
 *   "FILE:LINE:COL") and error_text, for diag_error(error_where, "%s", error_text).
 * - report/report_len is vmstate-check's standard output for the run, byte for byte:
 *   the reference's text less the waived messages.  It is empty after an error.
 * - With options.findings, every finding is also given as data (struct vmc_finding in
 *   rules.h): kind (checker/common/findings.h), section, description, field, the
 *   other names, its line of text, and the waiver that accepted it or -1.  Waived
 *   findings are in the list but not in the report; the machine-type warning is in both
 *   and not counted.
 * - options.waivers (or NULL) is matched as vmstate-check --waivers does.  Its use marks
 *   add up over calls: a caller that checks both directions passes the same set to both
 *   and reports stale waivers once, after both (vw_report_stale), so a record is stale
 *   only when neither direction used it.  The sections of both dumps are noted in the
 *   set (vw_note_section), so a record that could not have matched in any of the runs
 *   (a section neither side has; a missing section in the direction where it is not
 *   missing) is not stale.
 * - Everything in the result lives until vmc_result_release().  Out of memory ends the
 *   program (checker/common/alloc.h).  Not reentrant: one check at a time per process
 *   (the rules keep per-run tables in static storage). */
#ifndef VMSTATE_CHECK_VMCHECK_H
#define VMSTATE_CHECK_VMCHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "rules.h"

struct vmc_options {
	bool reverse;            /* check DEST -> SRC, as --reverse */
	bool findings;           /* keep the findings as data */
	struct vw_set *waivers;  /* or NULL */
	bool renames_10_0;       /* QEMU 10.0's rename tables, not the newest (--renames=10.0) */
};

struct vmc_state;

struct vmc_result {
	int status;
	int problems;            /* counted, not waived (at most 255) */
	size_t waived;
	const char *report;
	size_t report_len;
	const struct vmc_finding *findings;
	size_t n_findings;
	const char *error_where; /* status 255 only */
	const char *error_text;
	struct vmc_state *state; /* owned by the result */
};

int vmc_check_files(const char *src_path, const char *dest_path,
		    const struct vmc_options *options, struct vmc_result *result);
/* The same on texts in memory, named SRC_NAME and DEST_NAME in messages. */
int vmc_check_texts(const char *src_name, const char *src, size_t src_len,
		    const char *dest_name, const char *dest, size_t dest_len,
		    const struct vmc_options *options, struct vmc_result *result);
/* After a run without error: runs the rules the other way on the same documents, only
 * so that the waivers of OPTIONS that match there are marked used (its report and count
 * are dropped).  vmstate-check --waivers does this, so that it reports a record stale
 * only when it matches in neither direction. */
void vmc_mark_waivers_other_way(struct vmc_result *result, const struct vmc_options *options);
void vmc_result_release(struct vmc_result *result);

#endif
