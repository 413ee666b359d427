/* SPDX-License-Identifier: GPL-2.0-or-later */
/* vmstate-extract: links the vmstate fragments of a program into a dump in the layout
 * of QEMU's -dump-vmstate.  See docs/vmstate-extract.md and vmstate-extract(1). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "batch.h"
#include "coverage.h"
#include "../common/diag.h"
#include "../common/fileio.h"
#include "../common/version.h"
#include "dump.h"
#include "extended.h"
#include "fragment.h"
#include "input.h"
#include "link.h"
#include "qom.h"
#include "../common/strbuf.h"
#include "../common/alloc.h"

/* Exit statuses (docs/man/vmstate-extract.1). */
enum {
	VX_EXIT_OK = 0,
	VX_EXIT_PROBLEMS = 1,   /* conflicts or unknowns, under --strict */
	VX_EXIT_USAGE = 2,
	VX_EXIT_INPUT = 3,      /* an input cannot be read or is not valid */
	VX_EXIT_INTERNAL = 4,   /* output not written, out of memory */
};

struct options {
	const char *output;     /* NULL: stdout */
	struct dump_options dump;
	bool strict;
	bool list_units;
	bool extended;         /* docs/extended-dump.md instead of -dump-vmstate's layout */
};

static void usage(FILE *f)
{
	fprintf(f,
		"Usage: vmstate-extract [OPTION]... INPUT...\n"
		"Write the -dump-vmstate JSON of the program whose vmstate fragments are in\n"
		"INPUTs: ELF executables, shared objects, object files, static archives,\n"
		"*.vmfrag.json fragment files or directories of them.\n"
		"\n"
		"  -o, --output=FILE     write the dump to FILE instead of standard output\n"
		"  -M, --machine=NAME    name for \"vmschkmachine\" (default: none)\n"
		"      --layout=LAYOUT   8.1 (default): \"num\" for array fields, as QEMU 8.1\n"
		"                        and later print it; pre-8.1: no \"num\"\n"
		"      --extended        write the extended dump (every section the program can\n"
		"                        register, with wire facts; docs/extended-dump.md);\n"
		"                        -M and --layout shape the other layout only\n"
		"      --strict          conflicts and unknowns are fatal (exit status 1)\n"
		"      --list-units      list the units found (input, unit id, source) and\n"
		"                        report link conflicts, instead of writing a dump\n"
		"  -h, --help            print this help and exit\n"
		"      --version         print the version and exit\n"
		"\n"
		"Exit status: 0 dump written, 1 problems under --strict, 2 usage error,\n"
		"3 an input cannot be read or is not valid, 4 the dump cannot be written.\n");
}

static int parse_options(int argc, char **argv, struct options *opt)
{
	enum { OPT_LAYOUT = 256, OPT_STRICT, OPT_VERSION, OPT_LIST_UNITS, OPT_EXTENDED };
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "machine", required_argument, NULL, 'M' },
		{ "layout", required_argument, NULL, OPT_LAYOUT },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "list-units", no_argument, NULL, OPT_LIST_UNITS },
		{ "extended", no_argument, NULL, OPT_EXTENDED },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:M:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			opt->output = optarg;
			break;
		case 'M':
			opt->dump.machine = optarg;
			break;
		case OPT_LAYOUT:
			if (!strcmp(optarg, "8.1")) {
				opt->dump.layout = DUMP_LAYOUT_8_1;
			} else if (!strcmp(optarg, "pre-8.1")) {
				opt->dump.layout = DUMP_LAYOUT_PRE_8_1;
			} else {
				diag_error(NULL, "unknown layout '%s' (expected 8.1 or pre-8.1)",
					   optarg);
				return VX_EXIT_USAGE;
			}
			break;
		case OPT_STRICT:
			opt->strict = true;
			break;
		case OPT_LIST_UNITS:
			opt->list_units = true;
			break;
		case OPT_EXTENDED:
			opt->extended = true;
			break;
		case 'h':
			usage(stdout);
			exit(finish_stdout(VX_EXIT_OK));
		case OPT_VERSION:
			exit(print_version("vmstate-extract"));
		case ':':
			diag_error(NULL, "option '%s' needs an argument", argv[optind - 1]);
			return VX_EXIT_USAGE;
		default:
			if (optopt)
				diag_error(NULL, "unknown option '-%c'", optopt);
			else
				diag_error(NULL, "unknown option '%s'", argv[optind - 1]);
			return VX_EXIT_USAGE;
		}
	}
	if (optind >= argc) {
		diag_error(NULL, "no input given");
		fprintf(stderr, "Try 'vmstate-extract --help' for more information.\n");
		return VX_EXIT_USAGE;
	}
	return VX_EXIT_OK;
}

static void add_fragment(void *ctx, const char *input, json_t *fragment)
{
	vx_program_add(ctx, input, fragment);
}

/* Writes the dump to PATH (NULL: standard output) as common/fileio.h's write_atomic
 * does: never a partial file, and otherwise what a shell redirect would do. */
static int write_output(const char *path, const struct strbuf *dump)
{
	if (!path) {
		if (dump->len && fwrite(dump->data, 1, dump->len, stdout) != dump->len)
			return finish_stdout(VX_EXIT_INTERNAL);
		return finish_stdout(VX_EXIT_OK);
	}
	bool existed = access(path, F_OK) == 0;

	if (!write_atomic(path, dump->data ? dump->data : "", dump->len)) {
		diag_error(path, "cannot %s: %s", existed ? "write" : "create", strerror(errno));
		return VX_EXIT_INTERNAL;
	}
	return VX_EXIT_OK;
}

static int strict_failure(unsigned problems)
{
	diag_error(NULL, "%u problem%s reported; with --strict no dump is written",
		   problems, problems == 1 ? "" : "s");
	return VX_EXIT_PROBLEMS;
}

/* --list-units: what was read, one unit a line, in input order. */
static int list_units(const struct vx_program *prog, const struct options *opt,
		      unsigned problems)
{
	struct strbuf out = STRBUF_INIT;
	size_t i;
	int status;

	if (problems && opt->strict)
		return strict_failure(problems);
	for (i = 0; i < vx_unit_count(prog); i++) {
		const struct vx_unit *u = vx_unit_at(prog, i);

		sb_printf(&out, "%s\t%s\t%s\n", u->input, u->id, u->source);
	}
	status = write_output(opt->output, &out);
	sb_release(&out);
	return status;
}

/* The dump OPT asks for, into OUT; FIRST_INPUT names the program.  Returns how many
 * problems (unknowns in the extended dump) it reported. */
static unsigned write_dump(struct strbuf *out, const struct vx_program *prog,
			   const struct qom_types *types, const struct options *opt,
			   const char *first_input)
{
	const char *slash = strrchr(first_input, '/');
	struct extended_options ext = {
		.program = slash ? slash + 1 : first_input, .producer_version = VMSTATE_PLUGIN_VERSION,
	};

	if (opt->extended)
		return extended_write(out, prog, types, &ext);
	return dump_write(out, prog, types, &opt->dump);
}

int main(int argc, char **argv)
{
	struct options opt = { .dump = { .machine = "none", .layout = DUMP_LAYOUT_8_1 } };
	struct qom_types types = { NULL, 0 };
	struct strbuf dump = STRBUF_INIT;
	struct vx_program *prog;
	struct coverage coverage = { 0 };
	struct input_walk walk;
	struct batch *batch;
	unsigned problems, read_problems = 0, qom_problems = 0;
	int status, i;

	diag_init("vmstate-extract", &(struct diag_exits){
		.usage = VX_EXIT_USAGE, .input = VX_EXIT_INPUT, .internal = VX_EXIT_INTERNAL,
	});
	status = parse_options(argc, argv, &opt);
	if (status != VX_EXIT_OK)
		return status;

	/* All fragment texts first, then parsed together on every CPU. */
	prog = vx_program_new();
	batch = batch_new();
	walk = (struct input_walk){
		.sink = batch_add, .ctx = batch, .keep_texts = true,
		.member_without_fragment = coverage_member, .file_symbol = coverage_file_symbol,
		.units_ctx = &coverage,
	};
	for (i = optind; i < argc; i++)
		input_read(&walk, argv[i]);
	batch_finish(batch, batch_default_threads(), add_fragment, prog, &read_problems);
	input_walk_end(&walk);
	/* Here and below, the program's values are not freed one by one: the process
	 * ends with them. */
	if (diag_error_count())
		return VX_EXIT_INPUT;

	problems = read_problems + vx_program_link(prog);
	if (opt.list_units)
		return list_units(prog, &opt, problems);
	/* Which types exist and their final vmsd: the QOM evaluator's job (qom.h). */
	if (qom_evaluate(prog, &types, &qom_problems) != 0)
		return VX_EXIT_INTERNAL;
	problems += qom_problems;
	problems += write_dump(&dump, prog, &types, &opt, argv[optind]);
	coverage_note(&coverage, prog);
	coverage_free(&coverage);

	if (problems && opt.strict) {
		status = strict_failure(problems);
	} else {
		if (problems && opt.extended)
			diag_note(NULL, "%u problem%s: conflicts reported above, and unknowns "
				  "written in the extended dump with their places", problems,
				  problems == 1 ? "" : "s");
		else if (problems)
			diag_note(NULL, "%u problem%s reported: the dump may differ from what "
				  "the program's -dump-vmstate prints", problems,
				  problems == 1 ? "" : "s");
		status = write_output(opt.output, &dump);
	}
	sb_release(&dump);
	qom_types_free(&types);
	return status;
}
