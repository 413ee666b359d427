/* SPDX-License-Identifier: GPL-2.0-or-later */
/* JSON reader that accepts exactly what Python's json.load accepts (with the default
 * settings of the reference checker) and yields the same values: see docs/vmstate-check.md,
 * "Reading JSON".  Errors go through vc_fail() as "FILE:LINE:COL: error: MESSAGE". */
#ifndef VC_JSON_H
#define VC_JSON_H

#include <stddef.h>

#include "vc_value.h"

/* Containers nested deeper than this make Python's decoder raise RecursionError when it
 * is called from the reference script (measured with Python 3.11). */
#define VC_JSON_MAX_DEPTH 993
/* Python refuses to convert longer integer literals (sys.int_info.default_max_str_digits). */
#define VC_JSON_MAX_INT_DIGITS 4300

/* Input that is not a regular file (a pipe, a terminal) is read whole up to this size:
 * a real dump is about a megabyte, and an endless pipe must end. */
#define VC_JSON_MAX_STREAM ((size_t)1 << 30)

/* Parses TEXT (LEN bytes) into DOC (zero-initialized; release it with vc_doc_release,
 * also after a failure), named NAME in messages, interning strings in STRINGS.  The text
 * is not referenced afterwards. */
void vc_json_parse(struct vc_doc *doc, struct vc_strings *strings, const char *name,
		   const char *text, size_t len);
/* Reads and parses file PATH ("-" is standard input, from where it stands).  Refuses
 * what is not a regular file, a pipe or a terminal (/dev/zero). */
void vc_json_load(struct vc_doc *doc, struct vc_strings *strings, const char *path,
		  const char *name);

#endif
