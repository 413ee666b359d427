/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Helpers shared by the cmocka tests of vmstate-extract: hand-made fragments as input,
 * and the text the code under test prints on stderr. */
#ifndef VMSTATE_EXTRACT_TEST_UTIL_H
#define VMSTATE_EXTRACT_TEST_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>
#include "../common/diag.h"
#include "fragment.h"
#include "link.h"
#include "../common/alloc.h"

/* Messages name the tool, as in vmstate-extract itself. */
__attribute__((constructor)) static void name_the_tool(void)
{
	diag_init("vmstate-extract", NULL);
}

/* stderr goes to a temporary file between capture_begin() and capture_end(), which
 * returns what was written (to be freed). */
static int captured_fd = -1;
static FILE *capture_file;

static inline void capture_begin(void)
{
	fflush(stderr);
	capture_file = tmpfile();
	assert_non_null(capture_file);
	captured_fd = dup(2);
	dup2(fileno(capture_file), 2);
}

static inline char *capture_end(void)
{
	long size;
	char *text;

	fflush(stderr);
	dup2(captured_fd, 2);
	close(captured_fd);
	size = ftell(capture_file);
	text = xcalloc(1, (size_t)size + 1);
	rewind(capture_file);
	assert_int_equal(fread(text, 1, (size_t)size, capture_file), (size_t)size);
	fclose(capture_file);
	return text;
}

/* Fails unless HAYSTACK contains NEEDLE, showing both. */
#define assert_contains(haystack, needle) do { \
	const char *h_ = (haystack), *n_ = (needle); \
	if (!strstr(h_, n_)) \
		fail_msg("expected to find\n  %s\nin\n  %s", n_, h_); \
} while (0)

/* A fragment of format version 1 around the given "vmstates" and "qom" members. */
static inline char *make_fragment(const char *source, const char *id,
				  const char *vmstates, const char *qom)
{
	return xasprintf("{\"vmstate-fragment\": 1,"
			 " \"producer\": {\"name\": \"test\", \"version\": \"0\", \"gcc\": \"12\"},"
			 " \"unit\": {\"source\": \"%s\", \"directory\": \"/t\", \"id\": \"%s\"},"
			 " \"vmstates\": [%s], \"infos\": [], \"unknowns\": [], \"qom\": %s}",
			 source, id, vmstates ? vmstates : "", qom ? qom : "{}");
}

/* One VMSD entry with FIELDS (a JSON array text or "null") and SUBSECTIONS. */
static inline char *make_vmsd(const char *symbol, const char *linkage, const char *loc,
			      const char *name, int version_id, int minimum_version_id,
			      const char *fields, const char *subsections)
{
	return xasprintf("{\"symbol\": \"%s\", \"linkage\": \"%s\", \"loc\": \"%s\","
			 " \"name\": %s, \"version_id\": %d, \"minimum_version_id\": %d,"
			 " \"fields\": %s, \"subsections\": %s}",
			 symbol, linkage, loc, name, version_id, minimum_version_id,
			 fields, subsections);
}

/* One FIELD entry. */
static inline char *make_field(const char *name, const char *loc, int version_id,
			       int size, int num, const char *flags, const char *vmsd)
{
	return xasprintf("{\"name\": %s, \"loc\": \"%s\", \"version_id\": %d,"
			 " \"field_exists\": false, \"size\": %d, \"num\": %d, \"start\": 0,"
			 " \"offset\": 0, \"struct_version_id\": 0, \"size_offset\": 0,"
			 " \"num_offset\": 0, \"flags\": %s, \"info\": null,"
			 " \"vmsd\": %s}",
			 name, loc, version_id, size, num, flags, vmsd);
}

/* A copy of S with the first FROM replaced by TO (which must be there). */
static inline char *replace_once(const char *s, const char *from, const char *to)
{
	const char *at = strstr(s, from);

	if (!at)
		fail_msg("'%s' not in '%s'", from, s);
	return xasprintf("%.*s%s%s", (int)(at - s), s, to, at + strlen(from));
}

/* Parses TEXT as fragment INDEX of INPUT; asserts that it is valid. */
static inline json_t *parse_ok(const char *input, const char *text)
{
	struct fragment_origin origin = { .input = input, .index = 0, .offset = 0 };
	json_t *fragment = fragment_parse(&origin, text, strlen(text));

	if (!fragment)
		fail_msg("fragment rejected: %s", text);
	return fragment;
}

#endif
