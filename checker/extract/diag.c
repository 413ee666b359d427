/* SPDX-License-Identifier: GPL-2.0-or-later */
/* GCC-style messages on stderr, with counts for the exit status. */
#include <stdio.h>
#include "diag.h"

const char *diag_program_name = "vmstate-extract";

static FILE *stream;
static unsigned errors;
static unsigned warnings;

__attribute__((format(printf, 3, 0)))
static void report(const char *where, const char *kind, const char *fmt, va_list ap)
{
	FILE *f = stream ? stream : stderr;

	fprintf(f, "%s: %s: ", where ? where : diag_program_name, kind);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
}

void diag_error(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(where, "error", fmt, ap);
	va_end(ap);
	errors++;
}

void diag_warning(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(where, "warning", fmt, ap);
	va_end(ap);
	warnings++;
}

void diag_note(const char *where, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	report(where, "note", fmt, ap);
	va_end(ap);
}

unsigned diag_error_count(void)
{
	return errors;
}

unsigned diag_warning_count(void)
{
	return warnings;
}

void diag_set_stream(FILE *f)
{
	stream = f;
}
