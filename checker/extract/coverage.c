/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Which units have no fragment.  An archive member without one is certain; a linked
 * program keeps a STT_FILE symbol per unit (the source's base name, as GCC's .file
 * directive gives it), which is compared with the units' sources by base name. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "coverage.h"
#include "../common/diag.h"
#include "../common/alloc.h"
#include "../common/strbuf.h"

/* At most this many units are named; the rest are counted. */
#define NAMED 5

void coverage_member(void *ctx, const char *member)
{
	struct coverage *cov = ctx;

	xgrow(&cov->members, &cov->member_cap, cov->member_count + 1, sizeof(*cov->members));
	cov->members[cov->member_count++] = xstrdup(member);
}

void coverage_file_symbol(void *ctx, const char *input, const char *file)
{
	struct coverage *cov = ctx;
	struct coverage_file *f;

	xgrow(&cov->files, &cov->file_cap, cov->file_count + 1, sizeof(*cov->files));
	f = &cov->files[cov->file_count++];
	f->file = xstrdup(file);
	f->shown = xasprintf("%s (in %s)", file, input);
}

static const char *base_name(const char *path)
{
	const char *slash = strrchr(path, '/');

	return slash ? slash + 1 : path;
}

/* A unit the plugin would have compiled: C or C++, and not the compiler's runtime. */
static bool plugin_source(const char *file)
{
	static const char *const suffixes[] = { ".c", ".cc", ".cpp", ".cxx", ".C" };
	static const char *const runtime[] = { "crtstuff.c", "libgcc2.c" };
	size_t n = strlen(file), i, k;

	for (i = 0; i < sizeof(runtime) / sizeof(runtime[0]); i++)
		if (!strcmp(base_name(file), runtime[i]))
			return false;
	for (i = 0; i < sizeof(suffixes) / sizeof(suffixes[0]); i++) {
		k = strlen(suffixes[i]);
		if (n > k && !strcmp(file + n - k, suffixes[i]))
			return true;
	}
	return false;
}

size_t coverage_note(const struct coverage *cov, const struct vx_program *prog)
{
	const char **missing = xcalloc(cov->member_count + cov->file_count + 1, sizeof(char *));
	size_t count = 0, i, sorted_count, len = 0;
	const char **sources;
	char text[2048];

	/* The units' base names, sorted, for the STT_FILE names to be looked up in. */
	sorted_count = vx_unit_count(prog);
	sources = xcalloc(sorted_count + 1, sizeof(*sources));
	for (i = 0; i < sorted_count; i++)
		sources[i] = base_name(vx_unit_at(prog, i)->source);
	qsort(sources, sorted_count, sizeof(*sources), str_ptr_cmp);
	for (i = 0; i < cov->member_count; i++)
		missing[count++] = cov->members[i];
	for (i = 0; i < cov->file_count; i++) {
		const char *base = base_name(cov->files[i].file);

		if (plugin_source(base) &&
		    !bsearch(&base, sources, sorted_count, sizeof(*sources), str_ptr_cmp))
			missing[count++] = cov->files[i].shown;
	}
	text[0] = '\0';
	for (i = 0; i < count && i < NAMED && len < sizeof(text); i++)
		len += (size_t)snprintf(text + len, sizeof(text) - len, "%s%s", i ? ", " : "",
					missing[i]);
	if (count > NAMED && len < sizeof(text))
		snprintf(text + len, sizeof(text) - len, " and %zu more", count - NAMED);
	if (count)
		diag_note(NULL, "%zu unit%s of the input%s no vmstate fragment, so any "
			  "description defined there is missing from the dump (built without "
			  "-fplugin=vmstate.so?): %s", count, count == 1 ? "" : "s",
			  count == 1 ? " has" : "s have", text);
	free(sources);
	free(missing);
	return count;
}

void coverage_free(struct coverage *cov)
{
	size_t i;

	for (i = 0; i < cov->member_count; i++)
		free(cov->members[i]);
	for (i = 0; i < cov->file_count; i++) {
		free(cov->files[i].file);
		free(cov->files[i].shown);
	}
	free(cov->members);
	free(cov->files);
	memset(cov, 0, sizeof(*cov));
}
