/* SPDX-License-Identifier: GPL-2.0-or-later */
/* libFuzzer target: any bytes as one input file of vmstate-extract (ELF, archive or
 * fragment), then linking, and a dump of every description found as if each were a
 * device's vmsd.  The tool must report bad input, never crash or leak.
 * Built and run by `make fuzz-extract` (not part of `make check`). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "dump.h"
#include "fragment.h"
#include "input.h"
#include "link.h"
#include "qom.h"
#include "strbuf.h"
#include "util.h"

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

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct vx_program *prog = vx_program_new();
	struct qom_type *types = NULL;
	struct strbuf out = STRBUF_INIT;
	struct input_walk walk = { .sink = add, .ctx = prog };
	size_t count = 0, cap = 0, u, i;
	/* A private, writable copy: the readers take the bytes as a mapped file. */
	char *copy = xmalloc(size + 1);

	memcpy(copy, data, size);
	/* Thin-archive members resolve under a folder that does not exist. */
	if (input_read_bytes(&walk, "fuzz", "/nonexistent/fuzz", copy, size)) {
		vx_program_link(prog);
		for (u = 0; u < vx_unit_count(prog); u++) {
			const struct vx_unit *unit = vx_unit_at(prog, u);
			json_t *list = json_object_get(unit->fragment, "vmstates"), *v;

			json_array_foreach(list, i, v) {
				const char *symbol = fragment_string(v, "symbol");

				xgrow(&types, &cap, count + 1, sizeof(*types));
				types[count] = (struct qom_type){
					.name = symbol, .loc = "fuzz", .is_device = true,
					.vmsd = vx_lookup_kind(prog, unit, symbol, VX_DEF_VMSTATE),
				};
				count++;
			}
		}
		struct qom_types list = { types, count };
		struct dump_options opt = { "none", DUMP_LAYOUT_8_1 };

		dump_write(&out, prog, &list, &opt);
	}
	sb_free(&out);
	free(types);
	free(copy);
	vx_program_free(prog);
	return 0;
}
