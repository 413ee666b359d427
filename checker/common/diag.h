/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Diagnostics in GCC's form, with counts and the tool's exit statuses.
 *
 * Contract:
 * - A message is one line on stderr (or the stream of diag_set_stream):
 *     WHERE: error: TEXT       WHERE: warning: TEXT       WHERE: note: TEXT
 *   WHERE is what the caller names (a file, "FILE:LINE", "FILE:LINE:COL"), or the
 *   program's name (diag_init) when it is NULL.  The *_at forms build FILE:LINE:COL
 *   (COL 0 leaves the column out, LINE 0 both).
 * - Errors and warnings are counted; notes are not.
 * - Colour follows GCC: the place in bold, "error:" bold red, "warning:" bold magenta,
 *   "note:" bold cyan, and GCC_COLORS's error=, warning=, note= and locus= override
 *   them (an empty GCC_COLORS turns colour off, as in GCC).  Mode auto (the default)
 *   colours only a terminal whose TERM is set and not "dumb", and never when NO_COLOR
 *   is set and not empty; --color=always and --color=never decide alone.
 * - Exit statuses are the tool's own (struct diag_exits): diag_fatal_input() and
 *   diag_fatal_internal() end the program with them, and diag_out_of_memory() is the one
 *   out-of-memory path of the common library (alloc.h, strbuf.h, arena.h).
 * Not thread-safe: the tools report from one thread. */
#ifndef VMSTATE_COMMON_DIAG_H
#define VMSTATE_COMMON_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum diag_kind { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE };
enum diag_color { DIAG_COLOR_AUTO, DIAG_COLOR_NEVER, DIAG_COLOR_ALWAYS };

/* A tool's exit statuses (its man page documents them). */
struct diag_exits {
	int usage;      /* bad command line */
	int input;      /* an input cannot be read or is not valid */
	int internal;   /* out of memory, output not written */
};

/* Names the program (for WHERE == NULL) and its statuses.  Before any call, the name is
 * "vmstate-plugin" and the statuses are 2, 3 and 4. */
void diag_init(const char *program, const struct diag_exits *exits);
const char *diag_program(void);
const struct diag_exits *diag_exits(void);

void diag_report(enum diag_kind kind, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diag_vreport(enum diag_kind kind, const char *where, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));
void diag_error(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_warning(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_note(const char *where, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_error_at(const char *file, unsigned long line, unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void diag_warning_at(const char *file, unsigned long line, unsigned long col,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));
void diag_note_at(const char *file, unsigned long line, unsigned long col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* An error, then exit with STATUS. */
_Noreturn void diag_fatal(int status, const char *where, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
_Noreturn void diag_fatal_input(const char *where, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
_Noreturn void diag_fatal_internal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* "PROG: error: out of memory (SIZE bytes)", exit with the internal status. */
_Noreturn void diag_out_of_memory(size_t size);

unsigned diag_error_count(void);
unsigned diag_warning_count(void);

/* Where messages go (NULL: stderr, the default). */
void diag_set_stream(FILE *stream);
void diag_set_color(enum diag_color mode);
/* "never", "always" or "auto" (GCC's words); false for anything else. */
bool diag_parse_color(const char *word, enum diag_color *mode);
/* For a command-line loop: true when ARG is --color, --color=WHEN or --colour=WHEN,
 * after setting the mode (bare --color means always).  A bad WHEN is a usage error:
 * "PROG: error: --color takes never, always or auto" and exit with the usage status. */
bool diag_color_option(const char *arg);

#endif
