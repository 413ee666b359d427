/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Units of the inputs that have no fragment (built without the plugin), whose
 * descriptions are therefore missing from the dump: said in one note. */
#ifndef VMSTATE_EXTRACT_COVERAGE_H
#define VMSTATE_EXTRACT_COVERAGE_H

#include <stddef.h>
#include "link.h"

struct coverage {
	char **members;           /* archive members without a fragment */
	size_t member_count, member_cap;
	struct coverage_file {    /* the STT_FILE names of linked programs */
		char *file;
		char *shown;      /* "FILE (in INPUT)" */
	} *files;
	size_t file_count, file_cap;
};

/* The callbacks of struct input_walk, with CTX a struct coverage. */
void coverage_member(void *ctx, const char *member);
void coverage_file_symbol(void *ctx, const char *input, const char *file);

/* Prints one note listing the units without a fragment: the archive members, and the
 * C and C++ source files a linked program names that no unit of PROG has as its source
 * (matched by base name; the compiler's own startup files aside).  Returns how many. */
size_t coverage_note(const struct coverage *cov, const struct vx_program *prog);
void coverage_free(struct coverage *cov);

#endif
