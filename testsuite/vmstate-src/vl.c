// SPDX-License-Identifier: GPL-2.0-or-later
/* The emulator's command line.  All it can do is write its migration state layout:
 *   vmstate-src [-M MACHINE] [--layout 8.1|pre-8.1] -dump-vmstate FILE
 * Exit status: 0 done, 1 error (unknown machine, cannot write FILE), 2 usage. */
#include "qemu/osdep.h"
#include <stdarg.h>
#include "qemu/module.h"
#include "migration/dump.h"
#include "machine.h"

static const char *prog = "vmstate-src";

static void usage(FILE *to)
{
	fprintf(to,
		"usage: %s [-M|--machine MACHINE] [--layout 8.1|pre-8.1]\n"
		"           -dump-vmstate|--dump-vmstate FILE\n"
		"       %s -M help     list the machine types (default: %s)\n"
		"--layout: the dump as QEMU 8.1 and later print it (the default: \"num\" for\n"
		"arrays) or as earlier versions do (no \"num\"). FILE \"-\" is standard output.\n",
		prog, prog, pc_default_machine);
}

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static int usage_error(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "%s: error: ", prog);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	usage(stderr);
	return 2;
}

static bool machine_known(const char *name)
{
	for (const char *const *m = pc_machine_types; *m; m++)
		if (strcmp(*m, name) == 0)
			return true;
	return false;
}

static int list_machines(void)
{
	for (const char *const *m = pc_machine_types; *m; m++)
		printf("%s%s\n", *m, strcmp(*m, pc_default_machine) == 0 ? " (default)" : "");
	return 0;
}

int main(int argc, char **argv)
{
	const char *machine = pc_default_machine;
	const char *dump_file = NULL;
	const char *layout_name = "8.1";
	enum dump_layout layout;
	FILE *out;
	int i;

	for (i = 1; i < argc; i++) {
		const char *opt = argv[i];

		if (strcmp(opt, "-h") == 0 || strcmp(opt, "--help") == 0) {
			usage(stdout);
			return 0;
		}
		bool is_machine = strcmp(opt, "-M") == 0 || strcmp(opt, "--machine") == 0;
		bool is_dump = strcmp(opt, "-dump-vmstate") == 0 ||
			       strcmp(opt, "--dump-vmstate") == 0;
		bool is_layout = strcmp(opt, "--layout") == 0;

		if (is_machine || is_dump || is_layout) {
			if (i + 1 >= argc)
				return usage_error("option '%s' needs an argument", opt);
			if (is_machine)
				machine = argv[++i];
			else if (is_dump)
				dump_file = argv[++i];
			else
				layout_name = argv[++i];
			continue;
		}
		return usage_error("unknown argument '%s'", opt);
	}
	if (strcmp(machine, "help") == 0)
		return list_machines();
	if (!machine_known(machine)) {
		fprintf(stderr, "%s: error: unknown machine type '%s' (try -M help)\n", prog,
			machine);
		return 1;
	}
	if (strcmp(layout_name, "8.1") == 0)
		layout = DUMP_LAYOUT_8_1;
	else if (strcmp(layout_name, "pre-8.1") == 0)
		layout = DUMP_LAYOUT_PRE_8_1;
	else
		return usage_error("unknown layout '%s' (expected 8.1 or pre-8.1)", layout_name);
	if (!dump_file)
		return usage_error("nothing to do: give -dump-vmstate FILE");

	module_call_init(MODULE_INIT_QOM);

	out = strcmp(dump_file, "-") == 0 ? stdout : fopen(dump_file, "w");
	if (!out) {
		fprintf(stderr, "%s: error: cannot write '%s': %s\n", prog, dump_file,
			strerror(errno));
		return 1;
	}
	if (dump_vmstate_json(out, machine, layout) != 0 || (out != stdout && fclose(out) != 0) ||
	    (out == stdout && fflush(out) != 0)) {
		fprintf(stderr, "%s: error: cannot write '%s'\n", prog, dump_file);
		return 1;
	}
	return 0;
}
