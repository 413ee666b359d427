/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The same names as qemu-like.h with another member order, other enumerator values and
 * the older spelling of .subsections: the plugin must read both headers alike. */
#ifndef QEMU_LIKE_REORDERED_H
#define QEMU_LIKE_REORDERED_H

#include <stddef.h>
#include <stdbool.h>

struct VMStateDescription;

typedef struct VMStateInfo {
	int (*put) (void *f, void *pv, size_t size);
	long reserved;
	const char *name;
} VMStateInfo;

enum VMStateFlags {
	VMS_END = 0x1,
	VMS_MUST_EXIST = 0x2,
	VMS_BUFFER = 0x40,
	VMS_STRUCT = 0x80,
	VMS_ARRAY = 0x100,
	VMS_POINTER = 0x200,
	VMS_SINGLE = 0x400,
};

typedef struct VMStateField {
	bool (*field_exists) (void *opaque, int version_id);
	int struct_version_id;
	int version_id;
	const struct VMStateDescription *vmsd;
	enum VMStateFlags flags;
	const VMStateInfo *info;
	size_t size_offset;
	size_t num_offset;
	int num;
	size_t start;
	size_t size;
	size_t offset;
	const char *err_hint;
	const char *name;
} VMStateField;

typedef struct VMStateDescription {
	const struct VMStateDescription **subsections;
	const VMStateField *fields;
	int minimum_version_id;
	int version_id;
	int priority;
	const char *name;
} VMStateDescription;

extern const VMStateInfo vmstate_info_uint32;

#endif
