/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Find the first difference between two JSON values, as a path into them. */
#ifndef VMSTATE_JSONDIFF_H
#define VMSTATE_JSONDIFF_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>

enum {
	/* Object keys must also come in the same order (default: order is ignored). */
	JSONDIFF_KEY_ORDER = 1,
};

#define JSONDIFF_PATH_MAX 512

struct jsondiff {
	/* JSONPath-like, relative to the compared values: ".Description.Fields[3].size";
	 * "" for the values themselves. Ends in "..." when it did not fit. */
	char path[JSONDIFF_PATH_MAX];
	/* The values found there; NULL where one side has no such member or element. */
	const json_t *left;
	const json_t *right;
	/* True when the values are equal but the object's keys are in another order. */
	bool key_order;
};

/* Return true and fill *out when a and b differ; false when they are equal. */
bool jsondiff_first(const json_t *a, const json_t *b, int flags, struct jsondiff *out);

/* Append one path step for object key `key` to path (how it is spelled in a path). */
void jsondiff_path_key(char *path, size_t size, const char *key);

#endif
