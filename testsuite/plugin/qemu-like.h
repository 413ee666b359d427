/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A tiny stand-in for an emulator's migration header: the type, member and enumerator
 * names the plugin looks for, with a layout and values of our own (see
 * qemu-like-reordered.h for another layout of the same names). */
#ifndef QEMU_LIKE_H
#define QEMU_LIKE_H

#include <stddef.h>
#include <stdbool.h>

typedef struct VMStateInfo VMStateInfo;
typedef struct VMStateField VMStateField;
typedef struct VMStateDescription VMStateDescription;

struct VMStateInfo {
	const char *name;
	int (*get) (void *f, void *pv, size_t size, const VMStateField *field);
	int (*put) (void *f, void *pv, size_t size, const VMStateField *field);
};

enum VMStateFlags {
	VMS_SINGLE = 0x1,
	VMS_POINTER = 0x2,
	VMS_ARRAY = 0x4,
	VMS_STRUCT = 0x8,
	VMS_VARRAY_INT32 = 0x10,
	VMS_BUFFER = 0x20,
	VMS_MUST_EXIST = 0x1000,
	VMS_END = 0x10000,
};

struct VMStateField {
	const char *name;
	const char *err_hint;
	size_t offset;
	size_t size;
	size_t start;
	int num;
	size_t num_offset;
	size_t size_offset;
	const VMStateInfo *info;
	enum VMStateFlags flags;
	const VMStateDescription *vmsd;
	int version_id;
	int struct_version_id;
	bool (*field_exists) (void *opaque, int version_id);
};

struct VMStateDescription {
	const char *name;
	bool unmigratable;
	int version_id;
	int minimum_version_id;
	int (*pre_load) (void *opaque);
	int (*post_load) (void *opaque, int version_id);
	bool (*needed) (void *opaque);
	const VMStateField *fields;
	const VMStateDescription *const *subsections;
};

extern const VMStateInfo vmstate_info_uint32;
extern const VMStateInfo vmstate_info_bool;
extern const VMStateDescription vmstate_pci_device;

/* Our own short-hands, in the spirit of the emulator's macros. */
#define F_UINT32(st, member, ver) {                                     \
	.name = #member, .version_id = (ver),                           \
	.size = sizeof (unsigned int), .info = &vmstate_info_uint32,    \
	.flags = VMS_SINGLE, .offset = offsetof (st, member) }
#define F_UINT32_ARRAY(st, member, n) {                                 \
	.name = #member, .num = (n), .size = sizeof (unsigned int),     \
	.info = &vmstate_info_uint32, .flags = VMS_ARRAY,               \
	.offset = offsetof (st, member) }
#define F_STRUCT(st, member, desc, type) {                              \
	.name = #member, .size = sizeof (type), .vmsd = &(desc),        \
	.flags = VMS_STRUCT, .offset = offsetof (st, member) }
#define F_VALIDATE(test, hint) {                                        \
	.name = "check", .err_hint = (hint), .field_exists = (test),    \
	.flags = VMS_MUST_EXIST | VMS_ARRAY, .num = 0 }
#define F_END() { .flags = VMS_END }
#define F_END_EMPTY() { }

#endif
