/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A strict JSON (RFC 8259) parser that builds jansson values.  jansson's own parser
 * reads a character at a time through a stream; fragments of a whole emulator are
 * megabytes, and this one reads them several times faster. */
#ifndef VMSTATE_EXTRACT_JSON_PARSE_H
#define VMSTATE_EXTRACT_JSON_PARSE_H

#include <stddef.h>
#include <jansson.h>

struct json_parse_error {
	int line;          /* 1-based */
	int column;        /* 1-based, in bytes */
	size_t position;   /* byte offset of the error */
	char text[160];
	/* Also on success: bytes in strings that were not UTF-8, each B replaced by U+EF00 + B,
	 * and the offset of the first. */
	size_t replaced;
	size_t first_replaced;
};

/* Parses the one JSON value of TEXT (LEN bytes; surrounding white space allowed).
 * Objects with a repeated key, strings that contain NUL (or \u0000), and nesting deeper
 * than 2048 are errors; bytes in strings that are not UTF-8 are replaced (see above).
 * Returns a new reference, or NULL with *ERR filled. */
json_t *json_parse(const char *text, size_t len, struct json_parse_error *err);

#endif
