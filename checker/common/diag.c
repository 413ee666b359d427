/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "diag.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *program = "vmstate-plugin";
static struct diag_exits exits = { .usage = 2, .input = 3, .internal = 4 };
static FILE *stream;
static unsigned errors, warnings;
static enum diag_color color_mode = DIAG_COLOR_AUTO;

/* GCC's defaults (gcc/diagnostic-color.cc documents them in GCC_COLORS's syntax). */
static const char *const kind_word[] = { "error", "warning", "note" };
static const char *const default_kind_sgr[3] = { "01;31", "01;35", "01;36" };
static char kind_sgr[3][16];
static char locus_sgr[16];
static int colored = -1;  /* -1: not decided yet */

void diag_init(const char *name, const struct diag_exits *codes)
{
	program = name;
	if (codes)
		exits = *codes;
}

const char *diag_program(void)
{
	return program;
}

const struct diag_exits *diag_exits(void)
{
	return &exits;
}

static FILE *out(void)
{
	return stream ? stream : stderr;
}

void diag_set_stream(FILE *f)
{
	stream = f;
	colored = -1;
}

void diag_set_color(enum diag_color mode)
{
	color_mode = mode;
	colored = -1;
}

bool diag_parse_color(const char *word, enum diag_color *mode)
{
	static const char *const words[] = { "auto", "never", "always" };
	for (int i = 0; i < 3; i++) {
		if (strcmp(word, words[i]) == 0) {
			*mode = (enum diag_color)i;
			return true;
		}
	}
	return false;
}

bool diag_color_option(const char *arg)
{
	const char *value;
	if (strcmp(arg, "--color") == 0 || strcmp(arg, "--colour") == 0)
		value = "always";
	else if (strncmp(arg, "--color=", 8) == 0)
		value = arg + 8;
	else if (strncmp(arg, "--colour=", 9) == 0)
		value = arg + 9;
	else
		return false;
	enum diag_color mode;
	if (!diag_parse_color(value, &mode))
		diag_fatal(exits.usage, NULL, "--color takes never, always or auto, not '%s'",
			   value);
	diag_set_color(mode);
	return true;
}

/* GCC_COLORS: "name=SGR:name=SGR..."; unknown names and bad values are ignored, as GCC
 * does. */
static void read_gcc_colors(const char *spec)
{
	while (*spec) {
		const char *eq = strchr(spec, '='), *end = strchr(spec, ':');
		if (!end)
			end = spec + strlen(spec);
		if (eq && eq < end) {
			size_t name_len = (size_t)(eq - spec), len = (size_t)(end - eq - 1);
			bool sgr = len < sizeof(locus_sgr) && strspn(eq + 1, "0123456789;") >= len;
			char *slot = NULL;
			for (int k = 0; k < 3; k++)
				if (strlen(kind_word[k]) == name_len &&
				    memcmp(spec, kind_word[k], name_len) == 0)
					slot = kind_sgr[k];
			if (name_len == 5 && memcmp(spec, "locus", 5) == 0)
				slot = locus_sgr;
			if (slot && sgr) {
				memcpy(slot, eq + 1, len);
				slot[len] = '\0';
			}
		}
		spec = *end ? end + 1 : end;
	}
}

static bool use_color(void)
{
	if (colored >= 0)
		return colored;
	const char *gcc_colors = getenv("GCC_COLORS");
	if (color_mode == DIAG_COLOR_ALWAYS) {
		colored = 1;
	} else if (color_mode == DIAG_COLOR_NEVER) {
		colored = 0;
	} else {
		const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
		colored = !(no_color && *no_color) && !(gcc_colors && !*gcc_colors) && term &&
			  strcmp(term, "dumb") != 0 && isatty(fileno(out()));
	}
	for (int k = 0; k < 3; k++)
		strcpy(kind_sgr[k], default_kind_sgr[k]);
	strcpy(locus_sgr, "01");
	if (colored && gcc_colors)
		read_gcc_colors(gcc_colors);
	return colored;
}

void diag_vreport(enum diag_kind kind, const char *where, const char *fmt, va_list ap)
{
	FILE *f = out();
	if (!where)
		where = program;
	if (use_color())
		fprintf(f, "\033[%sm\033[K%s:\033[m\033[K \033[%sm\033[K%s: \033[m\033[K", locus_sgr,
			where, kind_sgr[kind], kind_word[kind]);
	else
		fprintf(f, "%s: %s: ", where, kind_word[kind]);
	vfprintf(f, fmt, ap);
	fputc('\n', f);
	fflush(f);
	if (kind == DIAG_ERROR)
		errors++;
	else if (kind == DIAG_WARNING)
		warnings++;
}

void diag_report(enum diag_kind kind, const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(kind, where, fmt, ap);
	va_end(ap);
}

#define DIAG_FORWARD(name, kind)                                          \
	void name(const char *where, const char *fmt, ...)                \
	{                                                                 \
		va_list ap;                                               \
		va_start(ap, fmt);                                        \
		diag_vreport(kind, where, fmt, ap);                       \
		va_end(ap);                                               \
	}
DIAG_FORWARD(diag_error, DIAG_ERROR)
DIAG_FORWARD(diag_warning, DIAG_WARNING)
DIAG_FORWARD(diag_note, DIAG_NOTE)

/* FILE:LINE:COL into BUF. */
static const char *place(char *buf, size_t size, const char *file, unsigned long line,
			 unsigned long col)
{
	if (!line)
		snprintf(buf, size, "%s", file);
	else if (!col)
		snprintf(buf, size, "%s:%lu", file, line);
	else
		snprintf(buf, size, "%s:%lu:%lu", file, line, col);
	return buf;
}

#define DIAG_FORWARD_AT(name, kind)                                                      \
	void name(const char *file, unsigned long line, unsigned long col, const char *fmt, \
		  ...)                                                                     \
	{                                                                                \
		char where[4096];                                                        \
		va_list ap;                                                              \
		va_start(ap, fmt);                                                       \
		diag_vreport(kind, place(where, sizeof(where), file, line, col), fmt, ap); \
		va_end(ap);                                                              \
	}
DIAG_FORWARD_AT(diag_error_at, DIAG_ERROR)
DIAG_FORWARD_AT(diag_warning_at, DIAG_WARNING)
DIAG_FORWARD_AT(diag_note_at, DIAG_NOTE)

_Noreturn void diag_fatal(int status, const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(DIAG_ERROR, where, fmt, ap);
	va_end(ap);
	exit(status);
}

_Noreturn void diag_fatal_input(const char *where, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(DIAG_ERROR, where, fmt, ap);
	va_end(ap);
	exit(exits.input);
}

_Noreturn void diag_fatal_internal(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vreport(DIAG_ERROR, NULL, fmt, ap);
	va_end(ap);
	exit(exits.internal);
}

_Noreturn void diag_out_of_memory(size_t size)
{
	/* No allocation on this path: stdio's stderr is unbuffered. */
	diag_fatal_internal("out of memory (%zu bytes)", size);
}

unsigned diag_error_count(void)
{
	return errors;
}

unsigned diag_warning_count(void)
{
	return warnings;
}
