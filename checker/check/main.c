/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-check: command line of the reference script (argparse conventions), then
 * read both dumps, check their shape, run the rules, and print the report only once it
 * is complete.  Exit status: problems not waived (capped at 255), 2 for usage, 255 for
 * bad input (a dump or the waiver file). */
#include "rules.h"
#include "shape.h"
#include "../lib/vc_arena.h"
#include "../lib/vc_buf.h"
#include "../lib/vc_fail.h"
#include "../lib/vc_json.h"
#include "../wire/wire.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "vmstate-check"
#define USAGE "usage: " PROG " [-h] -s SRC -d DEST [--reverse] [--waivers FILE]\n"

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
	"  -s SRC, --src SRC     json dump from src qemu\n"
	"  -d DEST, --dest DEST  json dump from dest qemu\n"
	"  --reverse             reverse the direction\n"
	"  --waivers FILE        leave out (and do not count) the differences FILE accepts;\n"
	"                        report its waivers that match nothing (docs/waivers.md)\n";

enum { EXIT_USAGE = 2, EXIT_BAD_INPUT = 255 };

__attribute__((format(printf, 1, 2)))
_Noreturn static void usage_error(const char *fmt, ...)
{
	va_list ap;
	fputs(USAGE, stderr);
	fprintf(stderr, PROG ": error: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(EXIT_USAGE);
}

struct options {
	const char *src;
	const char *dest;
	const char *waivers;
	bool reverse;
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

static const char *long_names[] = { "help", "src", "dest", "reverse", "waivers" };

/* The long option that NAME (LEN bytes, without "--") abbreviates, or NULL. */
static const char *match_long(const char *arg, size_t len)
{
	const char *found = NULL;
	for (size_t i = 0; i < sizeof(long_names) / sizeof(long_names[0]); i++) {
		if (strlen(long_names[i]) == len && strncmp(long_names[i], arg, len) == 0)
			return long_names[i];
		if (strncmp(long_names[i], arg, len) == 0) {
			if (found)
				usage_error("ambiguous option: --%s", arg);
			found = long_names[i];
		}
	}
	return found;
}

static void parse_args(int argc, char **argv, struct options *o)
{
	const char *unrecognized = NULL;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *name = NULL, *value = NULL, *shown = NULL;
		if (strcmp(arg, "--") == 0) {
			if (i + 1 < argc && !unrecognized)
				unrecognized = argv[i + 1];
			break;
		}
		if (arg[0] == '-' && arg[1] == '-') {
			const char *eq = strchr(arg + 2, '=');
			size_t len = eq ? (size_t)(eq - arg - 2) : strlen(arg + 2);
			name = match_long(arg + 2, len);
			if (eq)
				value = eq + 1;
		} else if (arg[0] == '-' && (arg[1] == 's' || arg[1] == 'd' || arg[1] == 'h')) {
			name = arg[1] == 's' ? "src" : arg[1] == 'd' ? "dest" : "help";
			if (arg[2])
				value = arg + 2 + (arg[2] == '=');  /* argparse: -sFILE or -s=FILE */
		}
		if (!name) {
			if (!unrecognized)
				unrecognized = arg;
			continue;
		}
		shown = strcmp(name, "src") == 0 ? "-s/--src" :
			strcmp(name, "dest") == 0 ? "-d/--dest" :
			strcmp(name, "help") == 0 ? "-h/--help" :
			strcmp(name, "waivers") == 0 ? "--waivers" : "--reverse";
		if (strcmp(name, "help") == 0 || strcmp(name, "reverse") == 0) {
			if (value)
				usage_error("argument %s: ignored explicit argument", shown);
			if (strcmp(name, "help") == 0) {
				fputs(help_text, stdout);
				exit(0);
			}
			o->reverse = true;
			continue;
		}
		if (!value) {
			if (i + 1 >= argc || looks_like_option(argv[i + 1]))
				usage_error("argument %s: expected one argument", shown);
			value = argv[++i];
		}
		if (strcmp(name, "src") == 0)
			o->src = value;
		else if (strcmp(name, "dest") == 0)
			o->dest = value;
		else
			o->waivers = value;
	}
	if (!o->src && !o->dest)
		usage_error("the following arguments are required: -s/--src, -d/--dest");
	if (!o->src)
		usage_error("the following arguments are required: -s/--src");
	if (!o->dest)
		usage_error("the following arguments are required: -d/--dest");
	if (unrecognized)
		usage_error("unrecognized arguments: %s", unrecognized);
}

static const char *display_name(const char *path)
{
	return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int main(int argc, char **argv)
{
	struct options o = { 0 };
	if (vmw_requested(argc, argv))
		return vmw_main(argc, argv, PROG);
	parse_args(argc, argv, &o);

	static struct vc_strings strings;
	static struct vc_doc src, dest;
	struct vc_buf out = { 0 };
	jmp_buf on_error;
	vc_fail_target = &on_error;
	if (setjmp(on_error)) {
		fprintf(stderr, "%s\n", vc_fail_message());
		return EXIT_BAD_INPUT;
	}
	vc_json_load(&src, &strings, o.src, display_name(o.src));
	vc_json_load(&dest, &strings, o.dest, display_name(o.dest));
	vmc_require_dump_shape(&src);
	vmc_require_dump_shape(&dest);
	struct vmc_run run = { .out = &out };
	if (o.waivers) {
		char *error = NULL;
		run.waivers = vw_load(o.waivers, &error);
		if (!run.waivers) {
			fprintf(stderr, "%s\n", error);
			free(error);
			return EXIT_BAD_INPUT;
		}
	}
	int problems = o.reverse ? vmc_compare_dumps(&run, &dest, &src)
				 : vmc_compare_dumps(&run, &src, &dest);
	if (out.len && fwrite(out.data, 1, out.len, stdout) != out.len)
		vc_fail("<stdout>: error: cannot write the report");
	if (fflush(stdout) != 0)
		vc_fail("<stdout>: error: cannot write the report");
	/* Stale waivers are worth a warning, not a failure: the check itself passed. */
	if (run.waivers)
		vw_report_stale(run.waivers, stderr);
	/* The documents and the buffer go with the process. */
	return problems;
}
