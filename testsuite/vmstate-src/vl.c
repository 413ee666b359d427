// SPDX-License-Identifier: GPL-2.0-or-later
/* The emulator's command line.  It writes its migration state layout, and saves and
 * loads migration streams (one per section) with QEMU's rules:
 *   vmstate-src [-M MACHINE] [--layout 8.1|pre-8.1] -dump-vmstate FILE
 *   vmstate-src --dump-extended FILE
 *   vmstate-src [--condition on|off] --save DIR
 *   vmstate-src [--condition on|off] --load STREAM...
 * Exit status: 0 done, 1 error (unknown machine, cannot write FILE, a load that fails
 * or corrupts), 2 usage. */
#include "qemu/osdep.h"
#include <stdarg.h>
#include "qemu/module.h"
#include "migration/dump.h"
#include "migration/savevm.h"
#include "hw/core/cpu.h"
#include "machine.h"

void pc_cpus_init(void);
void wire_scenarios_init(void);

static const char *prog = "vmstate-src";

static void usage(FILE *to)
{
	fprintf(to,
		"usage: %s [-M|--machine MACHINE] [--layout 8.1|pre-8.1]\n"
		"           -dump-vmstate|--dump-vmstate FILE\n"
		"       %s -M help     list the machine types (default: %s)\n"
		"       %s --dump-extended FILE\n"
		"       %s [--condition on|off] --save DIR | --load STREAM...\n"
		"--layout: the dump as QEMU 8.1 and later print it (the default: \"num\" for\n"
		"arrays) or as earlier versions do (no \"num\"). FILE \"-\" is standard output.\n"
		"--save writes DIR/NAME.bin (and its .values) for every section; --load loads\n"
		"each and prints \"NAME: loads\", \"NAME: fails: WHY\", \"NAME: corrupts: WHAT\"\n"
		"or \"NAME: zeros: WHAT\" (a member loaded the source's padding).\n"
		"--condition: what every needed() and field_exists() of the tree returns.\n",
		prog, prog, pc_default_machine, prog, prog);
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

/* One stream per section, named after it ('/' becomes '%'). */
static int save_all(const char *dir)
{
	const SaveSection *secs;
	int n = savevm_sections(&secs);
	char path[4096];

	for (int i = 0; i < n; i++) {
		int len = snprintf(path, sizeof(path), "%s/", dir);
		for (const char *c = secs[i].vmsd->name; *c && len < (int)sizeof(path) - 8; c++)
			path[len++] = *c == '/' ? '%' : *c;
		snprintf(path + len, sizeof(path) - (size_t)len, ".bin");
		if (savevm_save_one(&secs[i], path) != 0) {
			fprintf(stderr, "%s: error: cannot save '%s'\n", prog, path);
			return 1;
		}
	}
	return 0;
}

static int load_all(int argc, char **argv)
{
	int status = 0;

	for (int i = 0; i < argc; i++) {
		int rc = savevm_load_one(argv[i], stdout);
		if (rc < 0)
			return 1;
		status |= rc;
	}
	return fflush(stdout) == 0 ? status : 1;
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
	const char *extended_file = NULL, *save_dir = NULL;
	int load_from = 0;
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

		if (strcmp(opt, "--load") == 0) {
			load_from = i + 1;
			break;
		}
		if (strcmp(opt, "--condition") == 0 || strcmp(opt, "--save") == 0 ||
		    strcmp(opt, "--dump-extended") == 0) {
			if (i + 1 >= argc)
				return usage_error("option '%s' needs an argument", opt);
			const char *value = argv[++i];
			if (strcmp(opt, "--save") == 0)
				save_dir = value;
			else if (strcmp(opt, "--dump-extended") == 0)
				extended_file = value;
			else if (strcmp(value, "on") == 0 || strcmp(value, "off") == 0)
				vmstate_test_condition = strcmp(value, "on") == 0;
			else
				return usage_error("--condition takes on or off, not '%s'", value);
			continue;
		}
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
	if (!dump_file && !extended_file && !save_dir && !load_from)
		return usage_error("nothing to do: give -dump-vmstate FILE");

	module_call_init(MODULE_INIT_QOM);
	/* The machine: what start-up and realizing its CPU register. */
	cpu_timers_init();
	pc_cpus_init();
	wire_scenarios_init();
	if (save_dir)
		return save_all(save_dir);
	if (load_from)
		return load_all(argc - load_from, argv + load_from);
	if (extended_file) {
		out = strcmp(extended_file, "-") == 0 ? stdout : fopen(extended_file, "w");
		if (!out || dump_extended_json(out) != 0 || (out != stdout && fclose(out) != 0)) {
			fprintf(stderr, "%s: error: cannot write '%s'\n", prog, extended_file);
			return 1;
		}
		if (!dump_file)
			return 0;
	}

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
