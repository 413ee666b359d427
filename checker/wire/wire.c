/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The command line of the wire mode: read both extended dumps, compare, render, and
 * return the bit-field exit status. */
#include "wire.h"
#include "render.h"
#include "../common/diag.h"
#include "../common/version.h"

#include "../common/alloc.h"
#include "../waiver/waiver.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage_text[] =
	"usage: %s --wire -s OLD -d NEW [--format=text|json|sarif|gitlab] [--benign]\n"
	"       [--direction=both|forward|backward] [--waivers FILE]\n"
	"       [--suggest-waivers FILE] [-o FILE] [--color[=WHEN]]\n";

static const char help_text[] =
	"\n"
	"Compare two extended dumps (vmstate-extract --extended) by what QEMU puts on the\n"
	"wire and how its load reads it, in both directions (docs/wire-rules.md).\n"
	"\n"
	"options:\n"
	"  -s OLD, --src OLD     the old version's extended dump\n"
	"  -d NEW, --dest NEW    the new version's extended dump\n"
	"  --format=FORMAT       text (GCC-style, the default), json, sarif (SARIF 2.1.0)\n"
	"                        or gitlab (GitLab code quality)\n"
	"  --benign              show wire-compatible differences too\n"
	"  --direction=DIR       both (the default), forward (old to new) or backward\n"
	"  --waivers FILE        accept the differences FILE's waive-wire records name:\n"
	"                        not printed, not counted (marked in json and sarif);\n"
	"                        warn about records that match nothing (docs/waivers.md)\n"
	"  --suggest-waivers FILE\n"
	"                        write a waiver file to FILE with a record for each\n"
	"                        finding shown, each reason left to fill in\n"
	"  -o FILE, --output FILE  write the report to FILE instead of standard output\n"
	"  --color[=WHEN]        colour the text: never, always or auto (the default),\n"
	"                        as GCC (GCC_COLORS, NO_COLOR)\n"
	"  -h, --help            show this help and exit\n"
	"  --version             print the version and exit\n"
	"\n"
	"exit status: a bit field: 1 error (with 2: usage error), 4 a difference needs\n"
	"review, 8 a difference breaks migration (waived ones left out); 0 none of these.\n";

bool vmw_requested(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			return false;
		if (strcmp(argv[i], "--wire") == 0)
			return true;
	}
	return false;
}

static int usage_error(const char *prog, const char *what, const char *arg)
{
	fprintf(stderr, usage_text, prog);
	diag_error(NULL, "%s%s%s", what, arg ? ": " : "", arg ? arg : "");
	return VMW_EXIT_ERROR | VMW_EXIT_USAGE;
}

struct wire_options {
	const char *old_path, *new_path, *output, *waivers, *suggest;
	struct vmw_render_options render;
	enum vmw_direction direction;
};

/* Returns -1 to go on, else the exit status. */
static int parse(int argc, char **argv, const char *prog, struct wire_options *o)
{
	enum { OPT_FORMAT = 256, OPT_BENIGN, OPT_DIRECTION, OPT_VERSION, OPT_WIRE, OPT_COLOR,
	       OPT_WAIVERS, OPT_SUGGEST };
	static const struct option longopts[] = {
		{ "src", required_argument, NULL, 's' }, { "dest", required_argument, NULL, 'd' },
		{ "output", required_argument, NULL, 'o' },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "benign", no_argument, NULL, OPT_BENIGN },
		{ "direction", required_argument, NULL, OPT_DIRECTION },
		{ "wire", no_argument, NULL, OPT_WIRE }, { "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "color", optional_argument, NULL, OPT_COLOR },
		{ "colour", optional_argument, NULL, OPT_COLOR },
		{ "waivers", required_argument, NULL, OPT_WAIVERS },
		{ "suggest-waivers", required_argument, NULL, OPT_SUGGEST }, { NULL, 0, NULL, 0 },
	};
	static const char *const formats[] = { "text", "json", "sarif", "gitlab" };
	static const char *const directions[] = { "both", "forward", "backward" };
	int opt;

	opterr = 0;
	optind = 1;
	o->render.direction_name = "both";
	while ((opt = getopt_long(argc, argv, ":s:d:o:h", longopts, NULL)) != -1) {
		switch (opt) {
		case 's': o->old_path = optarg; break;
		case 'd': o->new_path = optarg; break;
		case 'o': o->output = optarg; break;
		case OPT_BENIGN: o->render.show_benign = true; break;
		case OPT_WAIVERS: o->waivers = optarg; break;
		case OPT_SUGGEST: o->suggest = optarg; break;
		case OPT_WIRE: break;
		case 'h':
			printf(usage_text, prog);
			fputs(help_text, stdout);
			return 0;
		case OPT_VERSION:
			return print_version(prog) == 0 ? 0 : VMW_EXIT_ERROR;
		case OPT_COLOR: {
			enum diag_color mode = DIAG_COLOR_ALWAYS;
			if (optarg && !diag_parse_color(optarg, &mode))
				return usage_error(prog, "--color takes never, always or auto", optarg);
			diag_set_color(mode);
			break;
		}
		case OPT_FORMAT:
		case OPT_DIRECTION: {
			const char *const *names = opt == OPT_FORMAT ? formats : directions;
			int n = opt == OPT_FORMAT ? 4 : 3, k;
			for (k = 0; k < n && strcmp(names[k], optarg) != 0; k++)
				;
			if (k == n)
				return usage_error(prog, opt == OPT_FORMAT ? "unknown --format"
					: "unknown --direction", optarg);
			if (opt == OPT_FORMAT) {
				o->render.format = (enum vmw_format)k;
			} else {
				o->direction = (enum vmw_direction)k;
				o->render.direction_name = directions[k];
			}
			break;
		}
		case ':':
			return usage_error(prog, "an option needs an argument", argv[optind - 1]);
		default:
			return usage_error(prog, "unknown option", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return usage_error(prog, "unexpected argument", argv[optind]);
	if (!o->old_path || !o->new_path)
		return usage_error(prog, "both -s OLD and -d NEW are required", NULL);
	return -1;
}

static bool load(struct vmw_dump *dump, const char *path)
{
	struct vmw_load_error e;

	if (vmw_dump_load(dump, path, &e))
		return true;
	if (e.place) {
		char *where = xasprintf("%s:%s", path, e.place);
		diag_error(where, "%s", e.message);
		free(where);
	} else {
		diag_error(path, "%s", e.message);
	}
	free(e.place);
	free(e.message);
	return false;
}

/* --suggest-waivers: a record for each finding shown and not waived. */
static bool write_suggestions(const struct vmw_report *report, const struct vmw_run_options *run)
{
	struct vw_message *msgs = xcalloc(report->n + 1, sizeof(*msgs));
	size_t n = 0;
	for (size_t i = 0; i < report->n; i++) {
		const struct vmw_finding *f = &report->items[i];
		if (f->waiver >= 0 || (f->severity == FINDING_BENIGN && !run->show_benign))
			continue;
		msgs[n++] = (struct vw_message){
			.kind = f->kind, .description = f->description, .field = f->field,
			.sections = (const char *const *)f->sections, .nsections = f->nsections,
		};
	}
	bool ok = vw_save_suggestions(run->suggest, msgs, n,
				      run->suggest_by ? run->suggest_by : run->prog);
	free(msgs);
	return ok;
}

int vmw_run(const char *old_path, const char *new_path, const struct vmw_run_options *run)
{
	struct vmw_render_options render = {
		.format = (enum vmw_format)run->format, .show_benign = run->show_benign,
		.prog = run->prog, .version = VMSTATE_PLUGIN_VERSION,
		.direction_name = run->direction == VMW_DIR_FORWARD ? "forward"
				  : run->direction == VMW_DIR_BACKWARD ? "backward" : "both",
	};
	struct vmw_dump old_dump, new_dump;
	struct vmw_report report;
	int status;

	if (!load(&old_dump, old_path))
		return VMW_EXIT_ERROR;
	if (!load(&new_dump, new_path)) {
		vmw_dump_free(&old_dump);
		return VMW_EXIT_ERROR;
	}
	vmw_compare(&report, &old_dump, &new_dump);
	vmw_finalize(&report, run->direction, run->waivers);
	if (run->waivers)
		vmw_note_sections(run->waivers, &old_dump, &new_dump);
	FILE *out = run->output ? fopen(run->output, "w") : stdout;
	if (!out) {
		diag_error(run->output, "cannot write: %s", strerror(errno));
		status = VMW_EXIT_ERROR;
	} else if (vmw_render(out, &report, &render) != 0 ||
		   (out == stdout ? fflush(out) : fclose(out)) != 0) {
		diag_error(run->output ? run->output : "<stdout>", "cannot write the report");
		status = VMW_EXIT_ERROR;
	} else {
		status = (report.count[FINDING_REVIEW] ? VMW_EXIT_REVIEW : 0) |
			 (report.count[FINDING_BREAKS] ? VMW_EXIT_INCOMPATIBLE : 0);
	}
	if (run->suggest && !(status & VMW_EXIT_ERROR) && !write_suggestions(&report, run))
		status = VMW_EXIT_ERROR;
	vmw_report_free(&report);
	vmw_dump_free(&old_dump);
	vmw_dump_free(&new_dump);
	return status;
}

int vmw_main(int argc, char **argv, const char *prog)
{
	static const struct diag_exits exits = {
		.usage = VMW_EXIT_ERROR | VMW_EXIT_USAGE,
		.input = VMW_EXIT_ERROR,
		.internal = VMW_EXIT_ERROR,
	};
	struct wire_options o = { .render = { .prog = prog, .version = VMSTATE_PLUGIN_VERSION } };

	diag_init(prog, &exits);
	int status = parse(argc, argv, prog, &o);
	if (status >= 0)
		return status;
	struct vmw_run_options run = {
		.prog = prog, .format = (int)o.render.format, .show_benign = o.render.show_benign,
		.direction = o.direction, .output = o.output, .suggest = o.suggest,
	};
	if (o.waivers && !(run.waivers = vw_load_or_report(o.waivers)))
		return VMW_EXIT_ERROR;
	char *by = xasprintf("Suggested by %s --wire -s %s -d %s%s%s", prog, o.old_path,
			     o.new_path, o.direction ? " --direction=" : "",
			     o.direction ? o.render.direction_name : "");
	run.suggest_by = by;
	status = vmw_run(o.old_path, o.new_path, &run);
	/* Stale records are worth a warning, not a failure: the comparison itself ran.  The
	 * findings were matched in both directions, whatever --direction shows. */
	if (run.waivers && !(status & VMW_EXIT_ERROR))
		vw_report_stale(run.waivers, stderr);
	vw_free(run.waivers);
	free(by);
	return status;
}
