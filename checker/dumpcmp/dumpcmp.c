/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * vmstate-dumpcmp: compare two -dump-vmstate files (a runtime truth and a static dump)
 * section by section, and say how far apart they are.
 *
 *   vmstate-dumpcmp [--key-order] [--quiet] [--list-identical] TRUTH STATIC
 *
 * Exit status: 0 when every section is identical and the machine entries agree,
 * 1 when the dumps differ, 2 on bad usage or unreadable input.
 */
#include "jsondiff.h"
#include "../common/alloc.h"
#include "../common/diag.h"
#include "../common/fileio.h"
#include "../common/version.h"
#include "../common/strbuf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PROG "vmstate-dumpcmp"
/* The top-level entry that names the machine; every other entry is a section. */
#define MACHINE_KEY "vmschkmachine"
/* Longest value printed in a difference line; longer ones are cut with "...". */
#define VALUE_PRINT_MAX 200

struct options {
	int diff_flags;
	int quiet;
	int list_identical;
	const char *truth_path;
	const char *static_path;
};

struct counts {
	size_t truth, statics, identical, differing, missing, extra;
	int machine_same;
};

/* Usage and bad input share status 2 (docs/man/vmstate-dumpcmp.1). */
static const struct diag_exits exits = { .usage = 2, .input = 2, .internal = 2 };

static void usage(FILE *to)
{
	fprintf(to, "usage: " PROG " [--key-order] [--quiet] [--list-identical] [--color=WHEN]\n"
		"       TRUTH STATIC\n"
		"       " PROG " --version\n"
		"  Compare two -dump-vmstate JSON files section by section.\n"
		"  --key-order       object keys must also be in the same order\n"
		"  --quiet           print only the summary line\n"
		"  --list-identical  also print one line per identical section\n"
		"  --color=WHEN      colour the diagnostics: never, always or auto\n"
		"Exit status: 0 identical, 1 different, 2 usage or input error.\n");
}

static json_t *load_dump(const char *path)
{
	json_error_t err;
	FILE *f = fopen(path, "rb");
	json_t *root;

	if (!f) {
		diag_error(path, "cannot open: %s", strerror(errno));
		return NULL;
	}
	root = json_loadf(f, 0, &err);
	fclose(f);
	if (!root) {
		if (err.line > 0)
			diag_error_at(path, (unsigned long)err.line, (unsigned long)err.column, "%s",
				      err.text);
		else
			diag_error(path, "%s", err.text);
		return NULL;
	}
	if (!json_is_object(root)) {
		diag_error_at(path, 1, 1, "top level is not a JSON object (not a -dump-vmstate file)");
		json_decref(root);
		return NULL;
	}
	return root;
}

/* All section names of both dumps, sorted, each once. */
static const char **section_names(const json_t *a, const json_t *b, size_t *count)
{
	size_t cap = json_object_size(a) + json_object_size(b);
	const char **names = xreallocarray(NULL, cap ? cap : 1, sizeof(*names));
	size_t n = 0, kept = 0;
	const char *key;
	json_t *value;

	json_object_foreach((json_t *)a, key, value)
		if (strcmp(key, MACHINE_KEY) != 0)
			names[n++] = key;
	json_object_foreach((json_t *)b, key, value)
		if (strcmp(key, MACHINE_KEY) != 0)
			names[n++] = key;
	qsort(names, n, sizeof(*names), str_ptr_cmp);
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || strcmp(names[kept - 1], names[i]) != 0)
			names[kept++] = names[i];
	*count = kept;
	return names;
}

static void print_value(const json_t *v)
{
	char *text;
	size_t len;

	if (!v) {
		fputs("(absent)", stdout);
		return;
	}
	text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY | JSON_PRESERVE_ORDER);
	if (!text) {
		fputs("(unprintable)", stdout);
		return;
	}
	len = strlen(text);
	if (len > VALUE_PRINT_MAX)
		printf("%.*s...", VALUE_PRINT_MAX, text);
	else
		fputs(text, stdout);
	free(text);
}

static void print_difference(const char *what, const struct jsondiff *d)
{
	printf("%s %s: ", what, d->path[0] ? d->path : "(whole)");
	if (d->key_order) {
		fputs("same members in another key order\n", stdout);
		return;
	}
	fputs("truth ", stdout);
	print_value(d->left);
	fputs(", static ", stdout);
	print_value(d->right);
	putchar('\n');
}

static void compare(const json_t *truth, const json_t *stat, const struct options *o,
		   struct counts *c)
{
	size_t n;
	const char **names = section_names(truth, stat, &n);
	struct jsondiff d;
	char what[JSONDIFF_PATH_MAX + 16];

	c->truth = json_object_size(truth) - (json_object_get(truth, MACHINE_KEY) != NULL);
	c->statics = json_object_size(stat) - (json_object_get(stat, MACHINE_KEY) != NULL);
	for (size_t i = 0; i < n; i++) {
		const json_t *t = json_object_get(truth, names[i]);
		const json_t *s = json_object_get(stat, names[i]);

		if (!s) {
			c->missing++;
			if (!o->quiet)
				printf("missing %s\n", names[i]);
		} else if (!t) {
			c->extra++;
			if (!o->quiet)
				printf("extra %s\n", names[i]);
		} else if (jsondiff_first(t, s, o->diff_flags, &d)) {
			c->differing++;
			if (!o->quiet) {
				snprintf(what, sizeof(what), "differs %s", names[i]);
				print_difference(what, &d);
			}
		} else {
			c->identical++;
			if (o->list_identical && !o->quiet)
				printf("identical %s\n", names[i]);
		}
	}
	free(names);

	c->machine_same = !jsondiff_first(json_object_get(truth, MACHINE_KEY),
					  json_object_get(stat, MACHINE_KEY), o->diff_flags, &d);
	if (!c->machine_same && !o->quiet)
		print_difference("machine " MACHINE_KEY, &d);
}

static int parse_options(int argc, char **argv, struct options *o)
{
	int i;

	memset(o, 0, sizeof(*o));
	for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strcmp(argv[i], "--") == 0) {
			i++;
			break;
		} else if (strcmp(argv[i], "--key-order") == 0) {
			o->diff_flags |= JSONDIFF_KEY_ORDER;
		} else if (strcmp(argv[i], "--quiet") == 0) {
			o->quiet = 1;
		} else if (strcmp(argv[i], "--list-identical") == 0) {
			o->list_identical = 1;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			usage(stdout);
			exit(finish_stdout(0));
		} else if (strcmp(argv[i], "--version") == 0) {
			exit(print_version(PROG));
		} else if (diag_color_option(argv[i])) {
			continue;
		} else {
			diag_error(NULL, "unknown option '%s'", argv[i]);
			usage(stderr);
			return -1;
		}
	}
	if (argc - i != 2) {
		diag_error(NULL, "expected two files, TRUTH and STATIC");
		usage(stderr);
		return -1;
	}
	o->truth_path = argv[i];
	o->static_path = argv[i + 1];
	return 0;
}

int main(int argc, char **argv)
{
	struct options o;
	struct counts c = { 0 };
	json_t *truth, *stat;

	diag_init(PROG, &exits);
	if (parse_options(argc, argv, &o) < 0)
		return 2;
	truth = load_dump(o.truth_path);
	if (!truth)
		return 2;
	stat = load_dump(o.static_path);
	if (!stat) {
		json_decref(truth);
		return 2;
	}
	compare(truth, stat, &o, &c);
	json_decref(truth);
	json_decref(stat);
	printf("summary truth=%zu static=%zu identical=%zu differing=%zu missing=%zu extra=%zu machine=%s\n",
	       c.truth, c.statics, c.identical, c.differing, c.missing, c.extra,
	       c.machine_same ? "same" : "different");
	return finish_stdout((c.differing || c.missing || c.extra || !c.machine_same) ? 1 : 0);
}
