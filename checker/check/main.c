/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-check: command line of the reference script (argparse conventions), then
 * read both dumps, check their shape, run the rules, and print the report only once it
 * is complete.  Exit status: problems not waived (capped at 255), 2 for usage, 255 for
 * bad input (a dump or the waiver file). */
#include "vmcheck.h"
#include "../common/diag.h"
#include "../common/alloc.h"
#include "../common/fileio.h"
#include "../common/version.h"
#include "../wire/wire.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "vmstate-check"
#define USAGE "usage: " PROG " [-h] [--version] [--color WHEN] -s SRC -d DEST [--reverse]\n" \
	"                     [--waivers FILE] [--suggest-waivers FILE]\n" \
	"                     [--renames {10.0,newest}]\n"

static const char help_text[] =
	USAGE
	"\n"
	"Parse JSON-formatted vmstate dumps from QEMU in files SRC and DEST. Checks\n"
	"whether migration from SRC to DEST QEMU versions would break based on the\n"
	"VMSTATE information contained within the JSON outputs. The JSON output is\n"
	"created from a QEMU invocation with the -dump-vmstate parameter and a filename\n"
	"argument to it. Other parameters to QEMU do not matter, except the -M (machine\n"
	"type) parameter.\n"
	"\n"
	"options:\n"
	"  -h, --help            show this help message and exit\n"
	"  --version             show the version and exit\n"
	"  --color WHEN          colour the diagnostics: never, always or auto (the\n"
	"                        default: on a terminal, unless NO_COLOR is set)\n"
	"  -s SRC, --src SRC     json dump from src qemu\n"
	"  -d DEST, --dest DEST  json dump from dest qemu\n"
	"  --reverse             reverse the direction\n"
	"  --waivers FILE        leave out (and do not count) the differences FILE accepts;\n"
	"                        report its waivers that match nothing (docs/waivers.md)\n"
	"  --suggest-waivers FILE\n"
	"                        write a waiver file to FILE with a record for each\n"
	"                        difference reported, each reason left to fill in\n"
	"  --renames {10.0,newest}\n"
	"                        the built-in rename tables of QEMU 10.0's script, or of\n"
	"                        the newest upstream release (the default)\n";

/* Exit statuses (docs/man/vmstate-check.1): problems not waived (capped at 255) on
 * success, 2 for usage, 255 for bad input and for what could not be written. */
static const struct diag_exits exits = { .usage = 2, .input = 255, .internal = 255 };

/* As argparse: the usage line, then "PROG: error: MESSAGE". */
__attribute__((format(printf, 1, 2)))
_Noreturn static void usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs(USAGE, stderr);
	va_start(ap, fmt);
	diag_vreport(DIAG_ERROR, NULL, fmt, ap);
	va_end(ap);
	exit(exits.usage);
}

struct options {
	const char *src;
	const char *dest;
	const char *waivers;
	const char *suggest;  /* --suggest-waivers FILE */
	bool reverse;
	bool renames_10_0;    /* --renames=10.0 */
};

/* Like argparse: a value may not look like an option, except "-" and negative numbers. */
static bool looks_like_option(const char *arg)
{
	if (arg[0] != '-' || arg[1] == '\0')
		return false;
	char *end;
	strtod(arg, &end);
	return *end != '\0';
}

enum option { OPT_HELP, OPT_VERSION, OPT_COLOR, OPT_SRC, OPT_DEST, OPT_REVERSE, OPT_WAIVERS,
	       OPT_SUGGEST, OPT_RENAMES, N_OPTIONS };

static const struct {
	const char *name;   /* long, without "--" */
	char short_name;    /* or 0 */
	bool takes_value;
	const char *shown;  /* in messages, as argparse names it */
} options[N_OPTIONS] = {
	[OPT_HELP] = { "help", 'h', false, "-h/--help" },
	[OPT_VERSION] = { "version", 0, false, "--version" },
	[OPT_COLOR] = { "color", 0, true, "--color" },
	[OPT_SRC] = { "src", 's', true, "-s/--src" },
	[OPT_DEST] = { "dest", 'd', true, "-d/--dest" },
	[OPT_REVERSE] = { "reverse", 0, false, "--reverse" },
	[OPT_WAIVERS] = { "waivers", 0, true, "--waivers" },
	[OPT_SUGGEST] = { "suggest-waivers", 0, true, "--suggest-waivers" },
	[OPT_RENAMES] = { "renames", 0, true, "--renames" },
};

/* The long option that ARG (LEN bytes, without "--") names or abbreviates, or -1. */
static int match_long(const char *arg, size_t len)
{
	int found = -1;
	for (int i = 0; i < N_OPTIONS; i++) {
		if (strncmp(options[i].name, arg, len) != 0)
			continue;
		if (strlen(options[i].name) == len)
			return i;
		if (found >= 0)
			usage_error("ambiguous option: --%s", arg);
		found = i;
	}
	return found;
}

/* The option ARG names (-1 for none) and, in *VALUE, a value attached to it. */
static int match_option(const char *arg, const char **value)
{
	*value = NULL;
	if (arg[0] == '-' && arg[1] == '-') {
		const char *eq = strchr(arg + 2, '=');
		size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
		if (eq)
			*value = eq + 1;
		return match_long(arg + 2, len);
	}
	for (int i = 0; arg[0] == '-' && arg[1] && i < N_OPTIONS; i++) {
		if (options[i].short_name != arg[1])
			continue;
		if (arg[2])
			*value = arg + 2 + (arg[2] == '=');  /* argparse: -sFILE or -s=FILE */
		return i;
	}
	return -1;
}

/* The options without a value; --help and --version end the run, as in argparse. */
static void flag_option(int opt, struct options *o)
{
	if (opt == OPT_HELP) {
		fputs(help_text, stdout);
		exit(finish_stdout(0));
	}
	if (opt == OPT_VERSION)
		exit(print_version(PROG));
	o->reverse = true;
}

static void value_option(int opt, const char *value, struct options *o)
{
	enum diag_color mode;
	switch (opt) {
	case OPT_SRC: o->src = value; break;
	case OPT_DEST: o->dest = value; break;
	case OPT_WAIVERS: o->waivers = value; break;
	case OPT_SUGGEST: o->suggest = value; break;
	case OPT_RENAMES:
		if (vmc_renames_from_name(value) < 0)
			usage_error("argument --renames: invalid choice: '%s' (choose from '10.0', "
				    "'newest')", value);
		o->renames_10_0 = vmc_renames_from_name(value) == VMC_RENAMES_10_0;
		break;
	case OPT_COLOR:
		if (!diag_parse_color(value, &mode))
			usage_error("argument --color: invalid choice: '%s' (choose from 'never', "
				    "'always', 'auto')", value);
		diag_set_color(mode);
		break;
	}
}

static void parse_args(int argc, char **argv, struct options *o)
{
	const char *unrecognized = NULL;
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			if (i + 1 < argc && !unrecognized)
				unrecognized = argv[i + 1];
			break;
		}
		const char *value;
		int opt = match_option(argv[i], &value);
		if (opt < 0) {
			if (!unrecognized)
				unrecognized = argv[i];
			continue;
		}
		if (!options[opt].takes_value) {
			if (value)
				usage_error("argument %s: ignored explicit argument",
					    options[opt].shown);
			flag_option(opt, o);
			continue;
		}
		if (!value) {
			if (i + 1 >= argc || looks_like_option(argv[i + 1]))
				usage_error("argument %s: expected one argument", options[opt].shown);
			value = argv[++i];
		}
		value_option(opt, value, o);
	}
	if (!o->src && !o->dest)
		usage_error("the following arguments are required: -s/--src, -d/--dest");
	if (!o->src)
		usage_error("the following arguments are required: -s/--src");
	if (!o->dest)
		usage_error("the following arguments are required: -d/--dest");
	if (unrecognized)
		usage_error("unrecognized arguments: %s", unrecognized);
	if (strcmp(o->src, "-") == 0 && strcmp(o->dest, "-") == 0)
		usage_error("argument -d/--dest: standard input is already -s/--src");
}

/* Writes the complete report; a failed write is an error, never a short report. */
static int write_report(const struct vmc_result *r)
{
	if ((r->report_len && fwrite(r->report, 1, r->report_len, stdout) != r->report_len) ||
	    fflush(stdout) != 0) {
		diag_error("<stdout>", "cannot write the report: %s", strerror(errno));
		return exits.internal;
	}
	return r->status;
}

/* --suggest-waivers: a record for each finding of the report. */
static int write_suggestions(const struct options *o, const struct vmc_result *r, int status)
{
	struct vw_message *msgs = xcalloc(r->n_findings + 1, sizeof(*msgs));
	size_t n = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct vmc_finding *f = &r->findings[i];
		if (f->waiver >= 0)
			continue;
		msgs[n++] = (struct vw_message){ .kind = f->kind, .section = f->section,
						 .description = f->description, .field = f->field,
						 .other = f->other[0] };
	}
	char *comment = xasprintf("Suggested by " PROG " -s %s -d %s%s", o->src, o->dest,
				  o->reverse ? " --reverse" : "");
	if (!vw_save_suggestions(o->suggest, msgs, n, comment))
		status = exits.internal;
	free(comment);
	free(msgs);
	return status;
}

int main(int argc, char **argv)
{
	diag_init(PROG, &exits);
	struct options o = { 0 };
	if (vmw_requested(argc, argv))
		return vmw_main(argc, argv, PROG);
	parse_args(argc, argv, &o);

	struct vmc_options check = { .reverse = o.reverse, .findings = o.suggest != NULL,
				     .renames_10_0 = o.renames_10_0 };
	if (o.waivers && !(check.waivers = vw_load_or_report(o.waivers)))
		return exits.input;
	struct vmc_result r;
	if (vmc_check_files(o.src, o.dest, &check, &r) == exits.input && r.error_where) {
		diag_error(r.error_where, "%s", r.error_text);
		return exits.input;
	}
	int status = write_report(&r);
	if (o.suggest && status != exits.internal)
		status = write_suggestions(&o, &r, status);
	/* Stale waivers are worth a warning, not a failure: the check itself passed.  A
	 * record is stale when it matches in neither direction. */
	if (check.waivers && status != exits.internal) {
		vmc_mark_waivers_other_way(&r, &check);
		vw_report_stale(check.waivers, stderr);
	}
	/* The documents and the report go with the process. */
	return status;
}
