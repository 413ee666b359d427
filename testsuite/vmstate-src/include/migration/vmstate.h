/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Migration state descriptions: the part of QEMU's vmstate API that the plugin reads.
 *
 * Type and member names are QEMU's, since the plugin finds them by name.  Member order
 * and the VMStateFlags values are deliberately our own: nothing may depend on layout. */
#ifndef VSRC_VMSTATE_H
#define VSRC_VMSTATE_H

#include "qemu/osdep.h"

typedef struct VMStateInfo VMStateInfo;
typedef struct VMStateField VMStateField;
typedef struct VMStateDescription VMStateDescription;

/* How one field is transferred: a named pair of functions over a stream. */
struct VMStateInfo {
	const char *name;
	int (*get)(FILE *f, void *pv, size_t size, const VMStateField *field);
	int (*put)(FILE *f, void *pv, size_t size, const VMStateField *field);
};

enum VMStateFlags {
	VMS_END               = 0x00001, /* the entry that ends a fields array */
	VMS_MUST_EXIST        = 0x00002, /* a check, not data: field_exists must hold */
	VMS_SINGLE            = 0x00004, /* one element of .size bytes */
	VMS_ARRAY             = 0x00008, /* .num elements */
	VMS_POINTER           = 0x00010, /* the field holds a pointer to the data */
	VMS_STRUCT            = 0x00020, /* described by .vmsd */
	VMS_BUFFER            = 0x00040, /* raw bytes */
	VMS_VBUFFER           = 0x00080, /* raw bytes, count at .size_offset */
	VMS_MULTIPLY          = 0x00100, /* VBUFFER count times .size */
	VMS_ARRAY_OF_POINTER  = 0x00200, /* array of pointers to elements */
	VMS_VARRAY_INT32      = 0x00400, /* count is an int32_t at .num_offset */
	VMS_VARRAY_UINT32     = 0x00800, /* count is a uint32_t at .num_offset */
	VMS_VARRAY_UINT16     = 0x01000, /* count is a uint16_t at .num_offset */
	VMS_VARRAY_UINT8      = 0x02000, /* count is a uint8_t at .num_offset */
	VMS_ALLOC             = 0x04000, /* allocate the buffer on load */
	VMS_MULTIPLY_ELEMENTS = 0x08000, /* count times .num */
	VMS_VSTRUCT           = 0x10000, /* structure version at .struct_version_id */
};

struct VMStateField {
	const char *name;               /* NULL only in the terminator */
	int version_id;                 /* first version that carries the field */
	bool (*field_exists)(void *opaque, int version_id);
	size_t size;
	int num;
	size_t start;
	size_t offset;
	size_t num_offset;
	size_t size_offset;
	const VMStateInfo *info;
	enum VMStateFlags flags;
	const VMStateDescription *vmsd;
	int struct_version_id;
	const char *err_hint;
};

struct VMStateDescription {
	const char *name;
	int version_id;
	int minimum_version_id;
	bool unmigratable;
	const VMStateField *fields;
	/* NULL-terminated; each is sent only when its .needed says so. */
	const VMStateDescription * const *subsections;
	bool (*needed)(void *opaque);
	int (*pre_save)(void *opaque);
	int (*post_load)(void *opaque, int version_id);
};

extern const VMStateInfo vmstate_info_bool;
extern const VMStateInfo vmstate_info_int8;
extern const VMStateInfo vmstate_info_int16;
extern const VMStateInfo vmstate_info_int32;
extern const VMStateInfo vmstate_info_int64;
extern const VMStateInfo vmstate_info_uint8;
extern const VMStateInfo vmstate_info_uint16;
extern const VMStateInfo vmstate_info_uint32;
extern const VMStateInfo vmstate_info_uint64;
extern const VMStateInfo vmstate_info_buffer;
extern const VMStateInfo vmstate_info_unused_buffer;

/* 0, and a compile error unless expression E has type T. */
#define VMSTATE_TYPE_CHECK(t, e) \
	(0 * sizeof(char[1 - 2 * !__builtin_types_compatible_p(t, __typeof__(e))]))

#define VMSTATE_MEMBER(state, field) (((state *)0)->field)
#define VMSTATE_OFFSET(state, field, type) \
	(offsetof(state, field) + VMSTATE_TYPE_CHECK(type, VMSTATE_MEMBER(state, field)))
#define VMSTATE_SIZEOF(state, field) sizeof(VMSTATE_MEMBER(state, field))

/* One scalar of TYPE, transferred by INFO, present from version VERSION on. */
#define VMSTATE_SINGLE_TEST(field, state, test, version, info_, type) {         \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.field_exists = (test),                                               \
	.size = sizeof(type),                                                 \
	.info = &(info_),                                                      \
	.flags = VMS_SINGLE,                                                  \
	.offset = VMSTATE_OFFSET(state, field, type),                         \
}
#define VMSTATE_SINGLE(field, state, version, info_, type) \
	VMSTATE_SINGLE_TEST(field, state, NULL, version, info_, type)

/* NUM elements of TYPE. */
#define VMSTATE_ARRAY(field, state, n, version, info_, type) {                 \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.num = (n),                                                           \
	.size = sizeof(type),                                                 \
	.info = &(info_),                                                      \
	.flags = VMS_ARRAY,                                                   \
	.offset = VMSTATE_OFFSET(state, field, type[n]),                      \
}

#define VMSTATE_BOOL_V(f, s, v)    VMSTATE_SINGLE(f, s, v, vmstate_info_bool, bool)
#define VMSTATE_INT8_V(f, s, v)    VMSTATE_SINGLE(f, s, v, vmstate_info_int8, int8_t)
#define VMSTATE_INT16_V(f, s, v)   VMSTATE_SINGLE(f, s, v, vmstate_info_int16, int16_t)
#define VMSTATE_INT32_V(f, s, v)   VMSTATE_SINGLE(f, s, v, vmstate_info_int32, int32_t)
#define VMSTATE_INT64_V(f, s, v)   VMSTATE_SINGLE(f, s, v, vmstate_info_int64, int64_t)
#define VMSTATE_UINT8_V(f, s, v)   VMSTATE_SINGLE(f, s, v, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT16_V(f, s, v)  VMSTATE_SINGLE(f, s, v, vmstate_info_uint16, uint16_t)
#define VMSTATE_UINT32_V(f, s, v)  VMSTATE_SINGLE(f, s, v, vmstate_info_uint32, uint32_t)
#define VMSTATE_UINT64_V(f, s, v)  VMSTATE_SINGLE(f, s, v, vmstate_info_uint64, uint64_t)

#define VMSTATE_BOOL(f, s)    VMSTATE_BOOL_V(f, s, 0)
#define VMSTATE_INT8(f, s)    VMSTATE_INT8_V(f, s, 0)
#define VMSTATE_INT16(f, s)   VMSTATE_INT16_V(f, s, 0)
#define VMSTATE_INT32(f, s)   VMSTATE_INT32_V(f, s, 0)
#define VMSTATE_INT64(f, s)   VMSTATE_INT64_V(f, s, 0)
#define VMSTATE_UINT8(f, s)   VMSTATE_UINT8_V(f, s, 0)
#define VMSTATE_UINT16(f, s)  VMSTATE_UINT16_V(f, s, 0)
#define VMSTATE_UINT32(f, s)  VMSTATE_UINT32_V(f, s, 0)
#define VMSTATE_UINT64(f, s)  VMSTATE_UINT64_V(f, s, 0)

/* Present only when TEST(opaque, version) holds. */
#define VMSTATE_UINT32_TEST(f, s, t) \
	VMSTATE_SINGLE_TEST(f, s, t, 0, vmstate_info_uint32, uint32_t)

#define VMSTATE_BOOL_ARRAY(f, s, n)     VMSTATE_ARRAY(f, s, n, 0, vmstate_info_bool, bool)
#define VMSTATE_UINT8_ARRAY(f, s, n)    VMSTATE_ARRAY(f, s, n, 0, vmstate_info_uint8, uint8_t)
#define VMSTATE_UINT16_ARRAY(f, s, n)   VMSTATE_ARRAY(f, s, n, 0, vmstate_info_uint16, uint16_t)
#define VMSTATE_UINT32_ARRAY(f, s, n)   VMSTATE_ARRAY(f, s, n, 0, vmstate_info_uint32, uint32_t)
#define VMSTATE_UINT64_ARRAY(f, s, n)   VMSTATE_ARRAY(f, s, n, 0, vmstate_info_uint64, uint64_t)
#define VMSTATE_INT32_ARRAY_V(f, s, n, v) \
	VMSTATE_ARRAY(f, s, n, v, vmstate_info_int32, int32_t)

/* A nested structure of TYPE described by VMSD. */
#define VMSTATE_STRUCT(field, state, version, vmsd_, type) {                 \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.vmsd = &(vmsd_),                                                     \
	.size = sizeof(type),                                                 \
	.flags = VMS_STRUCT,                                                  \
	.offset = VMSTATE_OFFSET(state, field, type),                         \
}

/* N nested structures of TYPE. */
#define VMSTATE_STRUCT_ARRAY(field, state, n, version, vmsd_, type) {        \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.num = (n),                                                           \
	.vmsd = &(vmsd_),                                                     \
	.size = sizeof(type),                                                 \
	.flags = VMS_STRUCT | VMS_ARRAY,                                      \
	.offset = VMSTATE_OFFSET(state, field, type[n]),                      \
}

/* A structure of TYPE that the field points to. */
#define VMSTATE_STRUCT_POINTER(field, state, vmsd_, type) {                  \
	.name = #field,                                                       \
	.vmsd = &(vmsd_),                                                     \
	.size = sizeof(type),                                                 \
	.flags = VMS_STRUCT | VMS_POINTER,                                    \
	.offset = VMSTATE_OFFSET(state, field, type *),                       \
}

/* A variable number of TYPE elements that the field points to; the count is the
 * uint32_t member NUMFIELD. */
#define VMSTATE_VARRAY_UINT32(field, state, numfield, version, info_, type) { \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.num_offset = VMSTATE_OFFSET(state, numfield, uint32_t),              \
	.info = &(info_),                                                     \
	.size = sizeof(type),                                                 \
	.flags = VMS_VARRAY_UINT32 | VMS_POINTER,                             \
	.offset = VMSTATE_OFFSET(state, field, type *),                       \
}

/* The bytes of an array member, whatever its element type. */
#define VMSTATE_BUFFER(field, state) {                                        \
	.name = #field,                                                       \
	.size = VMSTATE_SIZEOF(state, field),                                 \
	.info = &vmstate_info_buffer,                                         \
	.flags = VMS_BUFFER,                                                  \
	.offset = offsetof(state, field),                                     \
}

/* SIZE raw bytes at FIELD, with no type check: for members migrated as opaque data. */
#define VMSTATE_BUFFER_UNSAFE(field, state, version, size_) {                 \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.size = (size_),                                                      \
	.info = &vmstate_info_buffer,                                         \
	.flags = VMS_BUFFER,                                                  \
	.offset = offsetof(state, field),                                     \
}

/* A buffer the field points to; its length is the uint32_t member SIZEFIELD. */
#define VMSTATE_VBUFFER_UINT32(field, state, version, test, sizefield) {      \
	.name = #field,                                                       \
	.version_id = (version),                                              \
	.field_exists = (test),                                               \
	.size_offset = VMSTATE_OFFSET(state, sizefield, uint32_t),            \
	.info = &vmstate_info_buffer,                                         \
	.flags = VMS_VBUFFER | VMS_POINTER,                                   \
	.offset = offsetof(state, field),                                     \
}

/* SIZE bytes that were state once and are now sent as padding. */
#define VMSTATE_UNUSED_V(version, size_) {                                    \
	.name = "unused",                                                     \
	.version_id = (version),                                              \
	.size = (size_),                                                      \
	.info = &vmstate_info_unused_buffer,                                  \
	.flags = VMS_BUFFER,                                                  \
}
#define VMSTATE_UNUSED(size_) VMSTATE_UNUSED_V(0, size_)

/* A check run on load: fails the migration unless TEST holds.  It carries no data,
 * so dumps leave it out. */
#define VMSTATE_VALIDATE(name_, test) {                                       \
	.name = (name_),                                                      \
	.field_exists = (test),                                               \
	.flags = VMS_ARRAY | VMS_MUST_EXIST,                                  \
	.num = 0,                                                             \
}

#define VMSTATE_END_OF_LIST() { .flags = VMS_END }

/* State outside QOM's dc->vmsd: registered by a call, as QEMU's vmstate_register()
 * does for CPUs and timers.  OBJ is unused here (QEMU's VMStateIf). */
#define VMSTATE_INSTANCE_ID_ANY -1
int vmstate_register(void *obj, int instance_id, const VMStateDescription *vmsd,
		     void *opaque);
int vmstate_register_any(void *obj, const VMStateDescription *vmsd, void *opaque);

/* The test harness's run-time condition (vmstate-src --condition on|off).  The tree's
 * needed() and field_exists() predicates return it, so that a migration can be run
 * with each of them true and false. */
extern bool vmstate_test_condition;

#endif
