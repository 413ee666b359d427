/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The wire-level verdicts as one entry point that any tool can call
 * (vmstate-check --wire, and later vmstate-diff). */
#ifndef VMW_WIRE_H
#define VMW_WIRE_H

#include <stdbool.h>

/* The exit status of the wire mode: a bit field, like abidiff's (docs/wire-rules.md). */
enum {
	VMW_EXIT_ERROR = 1,         /* the tool could not do its job */
	VMW_EXIT_USAGE = 2,         /* with VMW_EXIT_ERROR: the command line was wrong */
	VMW_EXIT_REVIEW = 4,        /* some difference depends on a run-time predicate */
	VMW_EXIT_INCOMPATIBLE = 8,  /* some difference breaks migration */
};

/* True when ARGV asks for the wire mode (an argument "--wire"). */
bool vmw_requested(int argc, char **argv);

/* Runs the wire mode on ARGV (its "--wire" is ignored); PROG names the tool in
 * messages.  Returns the exit status above. */
int vmw_main(int argc, char **argv, const char *prog);

#endif
