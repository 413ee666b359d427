/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The wire-level verdicts as one entry point that any tool can call
 * (vmstate-check --wire, and later vmstate-diff). */
#ifndef VMW_WIRE_H
#define VMW_WIRE_H

#include <stdbool.h>

struct vw_set;

/* The exit status of the wire mode: a bit field, like abidiff's (docs/wire-rules.md). */
enum {
	VMW_EXIT_ERROR = 1,         /* the tool could not do its job */
	VMW_EXIT_USAGE = 2,         /* with VMW_EXIT_ERROR: the command line was wrong */
	VMW_EXIT_REVIEW = 4,        /* some difference depends on a run-time predicate */
	VMW_EXIT_INCOMPATIBLE = 8,  /* some difference breaks migration */
};

/* True when ARGV asks for the wire mode (an argument "--wire"). */
bool vmw_requested(int argc, char **argv);

/* One comparison, for a tool with its own command line (vmstate-diff). */
struct vmw_run_options {
	const char *prog;       /* names the tool in messages and in SARIF */
	int format;             /* 0 text, 1 json, 2 sarif, 3 gitlab (render.h) */
	bool show_benign;
	int direction;          /* 0 both, 1 forward (old to new), 2 backward */
	const char *output;     /* a file for the report, or NULL for standard output */
	/* Accepted differences (docs/waivers.md), or NULL: a waived finding is left out of
	 * the text and GitLab reports and of the exit status, marked in JSON and SARIF.
	 * The caller reports stale records (vw_report_stale) after its last comparison. */
	struct vw_set *waivers;
	/* A waiver file to write with a record for each finding shown, or NULL; SUGGEST_BY
	 * is its first comment line. */
	const char *suggest, *suggest_by;
};

/* Compares the extended dumps OLD_PATH and NEW_PATH and writes the report; returns the
 * exit status above.  Errors go through the common diagnostics (diag_init first). */
int vmw_run(const char *old_path, const char *new_path, const struct vmw_run_options *run);

/* Runs the wire mode on ARGV (its "--wire" is ignored); PROG names the tool in
 * messages.  Returns the exit status above. */
int vmw_main(int argc, char **argv, const char *prog);

#endif
