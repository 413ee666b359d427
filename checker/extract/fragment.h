/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parsing and validating one fragment (docs/fragment-format.md), so that everything
 * after it can trust the fragment's shape. */
#ifndef VMSTATE_EXTRACT_FRAGMENT_H
#define VMSTATE_EXTRACT_FRAGMENT_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

#define FRAGMENT_VERSION 1
#define FRAGMENT_SECTION ".vmstate_fragment"

/* Where a fragment's text came from, for messages. */
struct fragment_origin {
	const char *input;  /* "FILE", or "ARCHIVE(MEMBER)" for an archive member */
	int index;          /* 0-based position among the input's embedded fragments;
			       -1 for a fragment file */
	size_t offset;      /* byte offset of the text in the input's section */
};

/* Parses and validates TEXT (LEN bytes, no NUL needed).  Returns a new reference, or
 * NULL after printing one error that names the input and the place.  Bytes in strings
 * that are not UTF-8 become U+EF00 + B, with one warning for the fragment. */
json_t *fragment_parse(const struct fragment_origin *origin, const char *text,
		       size_t len);

/* The two halves of fragment_parse, for parsing on several threads (batch.c). */
struct json_parse_error;
void fragment_report_parse_error(const struct fragment_origin *origin, const char *text,
				 size_t len, const struct json_parse_error *err);
/* Warns when the parser replaced bytes that were not UTF-8 (ERR of a successful
 * parse); returns whether it did. */
bool fragment_report_replaced(const struct fragment_origin *origin, const char *text,
			      size_t len, const struct json_parse_error *err);
/* Checks the parsed ROOT; prints one error and returns false when it is not valid. */
bool fragment_check(const struct fragment_origin *origin, const json_t *root);
/* The same check without a message; safe on any thread. */
bool fragment_valid(const json_t *root);

/* True when V stands for a value the plugin could not evaluate: {"unknown", "loc"}. */
bool fragment_is_unknown(const json_t *v);

/* The string member KEY of OBJ, or NULL when it is absent or not a string. */
const char *fragment_string(const json_t *obj, const char *key);

#endif
