/* SPDX-License-Identifier: GPL-2.0-or-later */
/* First difference between two JSON values, depth first in the left value's order. */
#include "jsondiff.h"

#include <stdio.h>
#include <string.h>

static void path_append(char *path, size_t size, const char *text)
{
	size_t used = strlen(path);
	size_t len = strlen(text);

	if (used + len < size) {
		memcpy(path + used, text, len + 1);
		return;
	}
	/* Keep the path a valid string and say that it was cut. */
	if (size >= 4 && used <= size - 4)
		strcpy(path + size - 4, "...");
}

static bool is_plain_key(const char *key)
{
	if (!*key || (*key >= '0' && *key <= '9'))
		return false;
	for (const char *p = key; *p; p++) {
		char c = *p;
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '_' || c == '-'))
			return false;
	}
	return true;
}

void jsondiff_path_key(char *path, size_t size, const char *key)
{
	if (is_plain_key(key)) {
		path_append(path, size, ".");
		path_append(path, size, key);
		return;
	}
	/* Quoted form, with " and \ escaped so that the path stays unambiguous. */
	path_append(path, size, "[\"");
	for (const char *p = key; *p; p++) {
		char one[3] = { 0 };
		if (*p == '"' || *p == '\\') {
			one[0] = '\\';
			one[1] = *p;
		} else {
			one[0] = *p;
		}
		path_append(path, size, one);
	}
	path_append(path, size, "\"]");
}

static void path_index(char *path, size_t size, size_t index)
{
	char step[32];

	snprintf(step, sizeof(step), "[%zu]", index);
	path_append(path, size, step);
}

static bool found(struct jsondiff *out, const json_t *a, const json_t *b)
{
	out->left = a;
	out->right = b;
	return true;
}

static bool keys_in_same_order(const json_t *a, const json_t *b)
{
	void *ia = json_object_iter((json_t *)a);
	void *ib = json_object_iter((json_t *)b);

	while (ia && ib) {
		if (strcmp(json_object_iter_key(ia), json_object_iter_key(ib)) != 0)
			return false;
		ia = json_object_iter_next((json_t *)a, ia);
		ib = json_object_iter_next((json_t *)b, ib);
	}
	return !ia && !ib;
}

static bool diff_at(const json_t *a, const json_t *b, int flags, struct jsondiff *out);

static bool diff_objects(const json_t *a, const json_t *b, int flags, struct jsondiff *out)
{
	size_t base = strlen(out->path);
	const char *key;
	json_t *va;
	json_t *vb;

	json_object_foreach((json_t *)a, key, va) {
		jsondiff_path_key(out->path, sizeof(out->path), key);
		vb = json_object_get(b, key);
		if (!vb)
			return found(out, va, NULL);
		if (diff_at(va, vb, flags, out))
			return true;
		out->path[base] = '\0';
	}
	json_object_foreach((json_t *)b, key, vb) {
		if (!json_object_get(a, key)) {
			jsondiff_path_key(out->path, sizeof(out->path), key);
			return found(out, NULL, vb);
		}
	}
	if ((flags & JSONDIFF_KEY_ORDER) && !keys_in_same_order(a, b)) {
		out->key_order = true;
		return found(out, a, b);
	}
	return false;
}

static bool diff_arrays(const json_t *a, const json_t *b, int flags, struct jsondiff *out)
{
	size_t base = strlen(out->path);
	size_t na = json_array_size(a);
	size_t nb = json_array_size(b);

	for (size_t i = 0; i < na || i < nb; i++) {
		path_index(out->path, sizeof(out->path), i);
		if (i >= na)
			return found(out, NULL, json_array_get(b, i));
		if (i >= nb)
			return found(out, json_array_get(a, i), NULL);
		if (diff_at(json_array_get(a, i), json_array_get(b, i), flags, out))
			return true;
		out->path[base] = '\0';
	}
	return false;
}

static bool diff_at(const json_t *a, const json_t *b, int flags, struct jsondiff *out)
{
	if (json_typeof(a) != json_typeof(b))
		return found(out, a, b);
	switch (json_typeof(a)) {
	case JSON_OBJECT:
		return diff_objects(a, b, flags, out);
	case JSON_ARRAY:
		return diff_arrays(a, b, flags, out);
	default:
		return json_equal((json_t *)a, (json_t *)b) ? false : found(out, a, b);
	}
}

bool jsondiff_first(const json_t *a, const json_t *b, int flags, struct jsondiff *out)
{
	memset(out, 0, sizeof(*out));
	if (!a || !b)
		return a == b ? false : found(out, a, b);
	return diff_at(a, b, flags, out);
}
