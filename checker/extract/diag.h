/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Messages on stderr, GCC style: "WHERE: error: TEXT" where WHERE is FILE:LINE:COL,
 * a file name, or the program's name when nothing better is known. */
#ifndef VMSTATE_EXTRACT_DIAG_H
#define VMSTATE_EXTRACT_DIAG_H

#include <stdarg.h>
#include <stdio.h>

/* Exit statuses of vmstate-extract (docs/man/vmstate-extract.1). */
enum {
	VX_EXIT_OK = 0,
	VX_EXIT_PROBLEMS = 1,   /* conflicts or unknowns, under --strict */
	VX_EXIT_USAGE = 2,
	VX_EXIT_INPUT = 3,      /* an input cannot be read or is not valid */
	VX_EXIT_INTERNAL = 4,   /* output not written, out of memory */
};

extern const char *diag_program_name;

void diag_error(const char *where, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_warning(const char *where, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void diag_note(const char *where, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Where messages go (default: stderr; NULL restores it). */
void diag_set_stream(FILE *f);

/* How many errors and warnings were printed so far. */
unsigned diag_error_count(void);
unsigned diag_warning_count(void);

#endif
