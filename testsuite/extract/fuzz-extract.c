/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer target: any bytes as the inputs of vmstate-extract, through the real path:
 * fragments read (an ELF file, an archive, a fragment file, or, when the bytes start
 * with '{' and hold NULs, the NUL-separated texts of a .vmstate_fragment section),
 * checked, linked, the QOM IR evaluated by the real evaluator, and both dumps written
 * (legacy and extended);
 * then a dump of every description found, as if each were a device's vmsd, so that the
 * writer sees descriptions the QOM code never reaches.  The tool must report bad
 * input, never crash, hang or leak.  Built and run by `make fuzz-extract`. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "../common/diag.h"
#include "dump.h"
#include "extended.h"
#include "fragment.h"
#include "input.h"
#include "link.h"
#include "qom.h"
#include "../common/strbuf.h"
#include "../common/alloc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	/* Every bad input prints one line; that is not what is measured here. */
	FILE *null = fopen("/dev/null", "w");

	if (!null)
		abort();
	diag_set_stream(null);
	return 0;
}

static bool add(void *ctx, const struct fragment_origin *origin, const char *text,
		size_t len)
{
	json_t *fragment = fragment_parse(origin, text, len);

	if (!fragment)
		return false;
	vx_program_add(ctx, origin->input, fragment);
	return true;
}

/* The texts of a section: split at NULs, as elf_fragments.c does. */
static bool read_section_texts(struct vx_program *prog, const char *data, size_t size)
{
	size_t start = 0, index = 0;
	bool ok = true;

	while (start < size) {
		const char *nul = memchr(data + start, '\0', size - start);
		size_t end = nul ? (size_t)(nul - data) : size;

		if (end > start) {
			struct fragment_origin origin = {
				.input = "fuzz", .index = (int)index++, .offset = start,
			};

			if (!add(prog, &origin, data + start, end - start))
				ok = false;
		}
		start = end + 1;
	}
	return ok;
}

/* The legacy dump and the extended dump. */
static void dump_types(const struct vx_program *prog, const struct qom_types *types)
{
	struct dump_options opt = { "none", DUMP_LAYOUT_8_1 };
	struct extended_options ext = { "fuzz", "0" };
	struct strbuf out = STRBUF_INIT;

	dump_write(&out, prog, types, &opt);
	sb_release(&out);
	extended_write(&out, prog, types, &ext);
	sb_release(&out);
}

/* Every recorded description as a device of its own. */
static void dump_every_description(const struct vx_program *prog)
{
	struct qom_type *types = NULL;
	size_t count = 0, cap = 0, u, i;
	json_t *v;

	for (u = 0; u < vx_unit_count(prog); u++) {
		const struct vx_unit *unit = vx_unit_at(prog, u);

		json_array_foreach(json_object_get(unit->fragment, "vmstates"), i, v) {
			const char *symbol = fragment_string(v, "symbol");

			xgrow(&types, &cap, count + 1, sizeof(*types));
			types[count++] = (struct qom_type){
				.name = symbol, .loc = "fuzz", .is_device = true,
				.vmsd = vx_lookup_kind(prog, unit, symbol, VX_DEF_VMSTATE),
			};
		}
	}
	dump_types(prog, &(struct qom_types){ types, count });
	free(types);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vx_program *prog = vx_program_new();
	struct input_walk walk = { .sink = add, .ctx = prog };
	struct qom_types types = { NULL, 0 };
	unsigned problems = 0;
	/* A private, writable copy: the readers take the bytes as a mapped file. */
	char *copy = xmalloc(size + 1);
	bool ok;

	memcpy(copy, data, size);
	if (size && copy[0] == '{' && memchr(copy, '\0', size))
		ok = read_section_texts(prog, copy, size);
	else	/* thin-archive members resolve under a folder that does not exist */
		ok = input_read_bytes(&walk, "fuzz", "/nonexistent/fuzz", copy, size);
	if (ok) {
		vx_program_link(prog);
		if (qom_evaluate(prog, &types, &problems) == 0)
			dump_types(prog, &types);
		qom_types_free(&types);
		dump_every_description(prog);
	}
	input_walk_end(&walk);
	free(copy);
	vx_program_free(prog);
	return 0;
}
