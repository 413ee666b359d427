// SPDX-License-Identifier: GPL-2.0-or-later
/* The test harness of save and load (include/migration/harness.h). */
#include "qemu/osdep.h"
#include "migration/harness.h"

/* Far above any state struct of this tree; harness_state checks it. */
#define STATE_SIZE 65536
#define VARRAY_COUNT 2
#define VBUFFER_SIZE 512

size_t harness_count(const VMStateField *field, const void *opaque)
{
	const uint8_t *count = (const uint8_t *)opaque + field->num_offset;

	if (field->flags & VMS_VARRAY_INT32)
		return (size_t)*(const int32_t *)count;
	if (field->flags & VMS_VARRAY_UINT32)
		return *(const uint32_t *)count;
	if (field->flags & VMS_VARRAY_UINT16)
		return *(const uint16_t *)count;
	if (field->flags & VMS_VARRAY_UINT8)
		return *count;
	if (field->flags & VMS_ARRAY)
		return (size_t)field->num;
	return 1;
}

size_t harness_size(const VMStateField *field, const void *opaque)
{
	if (field->flags & VMS_VBUFFER)
		return *(const uint32_t *)((const uint8_t *)opaque + field->size_offset);
	return field->size;
}

static void set_count(const VMStateField *field, uint8_t *opaque)
{
	uint8_t *count = opaque + field->num_offset;

	if (field->flags & VMS_VARRAY_INT32)
		*(int32_t *)count = VARRAY_COUNT;
	else if (field->flags & VMS_VARRAY_UINT32)
		*(uint32_t *)count = VARRAY_COUNT;
	else if (field->flags & VMS_VARRAY_UINT16)
		*(uint16_t *)count = VARRAY_COUNT;
	else if (field->flags & VMS_VARRAY_UINT8)
		*count = VARRAY_COUNT;
	if (field->flags & VMS_VBUFFER)
		*(uint32_t *)(opaque + field->size_offset) = VBUFFER_SIZE;
}

/* A small value of the field's own, from its path (FNV-1a): both sides give a field
 * the same value, distinct fields almost always distinct ones, and checks such as
 * "count <= 256" hold. */
static uint8_t value_of(const char *path)
{
	uint32_t h = 2166136261u;

	for (; *path; path++)
		h = (h ^ (uint8_t)*path) * 16777619u;
	return (uint8_t)(h % 251 + 1);
}

/* Each element gets its value in its first byte; PATH is the prefix of its field path,
 * as savevm.c records it. */
static void populate(const VMStateDescription *vmsd, uint8_t *opaque, const char *path)
{
	char sub[512];

	for (const VMStateField *field = vmsd->fields; field && field->name; field++) {
		if ((field->flags & VMS_MUST_EXIST) || field->info == &vmstate_info_unused_buffer)
			continue;
		if (field->offset + sizeof(void *) > STATE_SIZE) {
			fprintf(stderr, "vmstate-src: error: \"%s\" lies beyond the harness's state\n",
				field->name);
			exit(1);
		}
		set_count(field, opaque);
		size_t n = harness_count(field, opaque), size = harness_size(field, opaque);
		uint8_t *base = opaque + field->offset;
		if (field->flags & VMS_POINTER) {
			uint8_t *target = vsrc_alloc0(n * size + 1);
			memcpy(base, &target, sizeof(target));
			base = target;
		}
		for (size_t i = 0; i < n; i++) {
			if (field->flags & VMS_STRUCT) {
				snprintf(sub, sizeof(sub), "%s%s[%zu].", path, field->name, i);
				populate(field->vmsd, base + i * size, sub);
				continue;
			}
			snprintf(sub, sizeof(sub), "%s%s#%zu", path, field->name, i);
			memset(base + i * size, 0, size);
			base[i * size] = value_of(sub);
		}
	}
	for (const VMStateDescription *const *s = vmsd->subsections; s && *s; s++) {
		snprintf(sub, sizeof(sub), "%s%s:", path, (*s)->name);
		populate(*s, opaque, sub);
	}
}

void harness_populate(const VMStateDescription *vmsd, void *opaque, const char *path)
{
	populate(vmsd, opaque, path);
}

void *harness_state(const VMStateDescription *vmsd)
{
	uint8_t *opaque = vsrc_alloc0(STATE_SIZE);

	populate(vmsd, opaque, "");
	return opaque;
}

struct harness_value {
	char *path;
	long offset;            /* where its bytes are in the stream */
	char *hex;
};

struct harness_values {
	struct harness_value *items;
	size_t n, cap;
};

struct harness_values *harness_values_new(void)
{
	return vsrc_alloc0(sizeof(struct harness_values));
}

static void values_append(struct harness_values *v, char *path, long offset, char *hex)
{
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 32;
		v->items = realloc(v->items, v->cap * sizeof(*v->items));
		if (!v->items) {
			fprintf(stderr, "vmstate-src: error: out of memory\n");
			exit(1);
		}
	}
	v->items[v->n++] = (struct harness_value){ path, offset, hex };
}

void harness_values_add(struct harness_values *v, const char *path, long offset,
			const void *bytes, size_t len)
{
	char *hex = vsrc_alloc0(2 * len + 1);

	for (size_t i = 0; i < len; i++)
		snprintf(hex + 2 * i, 3, "%02x", ((const uint8_t *)bytes)[i]);
	values_append(v, strcpy(vsrc_alloc0(strlen(path) + 1), path), offset, hex);
}

int harness_values_write(const struct harness_values *v, const char *path)
{
	FILE *f = fopen(path, "w");

	if (!f)
		return -1;
	for (size_t i = 0; i < v->n; i++)
		fprintf(f, "%s %ld %s\n", v->items[i].path, v->items[i].offset, v->items[i].hex);
	return fclose(f) == 0 ? 0 : -1;
}

/* Does the value loaded as ITEM take any of the LEN stream bytes at OFFSET? */
static bool overlaps(const struct harness_value *item, long offset, size_t len)
{
	long end = item->offset + (long)(strlen(item->hex) / 2);

	return item->offset < offset + (long)len && offset < end;
}

int harness_values_compare(const struct harness_values *v, const char *path, char *where,
			   size_t size)
{
	FILE *f = fopen(path, "r");
	char line[8192], zeros[512] = "";

	if (!f) {
		fprintf(stderr, "vmstate-src: error: cannot read '%s': %s\n", path, strerror(errno));
		return -1;
	}
	int rc = 0;
	while (!rc && fgets(line, sizeof(line), f)) {
		char sent_path[4096], hex[8192];
		long offset;
		if (sscanf(line, "%4095s %ld %8191s", sent_path, &offset, hex) != 3)
			continue;
		for (size_t i = 0; i < v->n; i++) {
			const struct harness_value *item = &v->items[i];
			/* Padding's zeros taken by a member (checked after every path). */
			if (strcmp(sent_path, HARNESS_PADDING) == 0) {
				if (!zeros[0] && overlaps(item, offset, strlen(hex) / 2))
					snprintf(zeros, sizeof(zeros), "\"%s\" loads %s from bytes the "
						 "source sent as padding", item->path, item->hex);
				continue;
			}
			if (strcmp(item->path, sent_path) != 0 || strcmp(item->hex, hex) == 0)
				continue;
			snprintf(where, size, "\"%s\" loads %s, the source sent %s", sent_path,
				 item->hex, hex);
			rc = 1;
			break;
		}
	}
	fclose(f);
	if (!rc && zeros[0]) {
		snprintf(where, size, "%s", zeros);
		rc = 2;
	}
	return rc;
}
