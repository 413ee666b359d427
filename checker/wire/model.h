/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The extended dump (docs/extended-dump.md) as the wire rules see it: sections by
 * name, descriptions once each, fields with what decides their place on the wire. */
#ifndef VMW_MODEL_H
#define VMW_MODEL_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* A function named by the dump: .needed, .field_exists.  NULL pointers mean none. */
struct vmw_func {
	const char *symbol;
	const char *loc;        /* FILE:LINE:COL, or NULL */
};

/* A number the tools may not have evaluated. */
struct vmw_num {
	long long value;
	const char *unknown;    /* why it is unknown, or NULL when VALUE holds */
	const char *unknown_loc;
};

struct vmw_desc;

/* What a field of the VMStateInfo "virtio" saves after the common virtio state, in
 * order (docs/extended-dump.md, "VIRTIO"). */
struct vmw_virtio {
	const char *by_hand;        /* why the device's own state is not known, or NULL */
	struct vmw_desc *vmsd;      /* the device class's description, or NULL */
	const char *vmsd_unknown;
	struct vmw_desc *common;    /* vmstate_virtio, or NULL */
	const char *common_unknown;
};

struct vmw_field {
	const char *name;
	const char *loc;
	const char *info;       /* VMStateInfo name, or NULL */
	unsigned flags;         /* VMW_F_* */
	struct vmw_num size, num, version_id;
	const char *num_field;
	struct vmw_func exists; /* .field_exists */
	const char *exists_unknown;  /* field_exists present but not evaluated */
	struct vmw_desc *vmsd;  /* nested description, or NULL */
	const char *unknown;    /* why its name, info or flags are not known, or NULL */
	struct vmw_virtio *virtio;   /* its "virtio" key, or NULL */
};

enum {
	VMW_F_ARRAY = 1u << 0,
	VMW_F_POINTER = 1u << 1,
	VMW_F_STRUCT = 1u << 2,
	VMW_F_VBUFFER = 1u << 3,
	VMW_F_MULTIPLY = 1u << 4,
	VMW_F_VARRAY = 1u << 5,      /* any VMS_VARRAY_* */
	VMW_F_MUST_EXIST = 1u << 6,
	VMW_F_ARRAY_OF_POINTER = 1u << 7,
	VMW_F_MULTIPLY_ELEMENTS = 1u << 8,
	VMW_F_VSTRUCT = 1u << 9,
};

struct vmw_desc {
	const char *id;         /* the key in "descriptions" */
	const char *symbol;
	const char *loc;
	const char *name;
	struct vmw_num version_id, minimum_version_id;
	struct vmw_func needed;
	const char *needed_unknown;
	bool has_fields;
	struct vmw_field *fields;
	size_t nfields;
	bool has_subsections;
	struct vmw_desc **subsections;
	size_t nsubsections;
	const char *unknown;    /* why its name, fields or a subsection are not known */
};

struct vmw_section {
	const char *name;
	struct vmw_desc *desc;
	const char *registered;  /* a short account of its registrations, for notes */
	/* The instance id of its first vmstate_register() registration: QEMU finds a
	 * section by name and instance id.  Devices' ids are computed at run time. */
	enum { VMW_INSTANCE_NONE, VMW_INSTANCE_CONSTANT, VMW_INSTANCE_ANY } instance_kind;
	long long instance_id;
	const char *register_loc;  /* where that call is, or NULL */
	/* Every registration is a device class whose user_creatable is false: -device
	 * cannot create it, so it is on the wire only where a machine creates it. */
	bool not_user_creatable;
	/* Its device registrations' types (NULL-terminated; none for other sections). */
	const char **device_types;
};

struct vmw_dump {
	const char *path;        /* as given on the command line */
	json_t *root;            /* owns every string above */
	const char *program;
	struct vmw_section *sections;
	size_t nsections;
	struct vmw_desc *descs;
	size_t ndescs;
	/* The program's concrete device types ("devices"), sorted; NULL when the dump does
	 * not say (an older writer). */
	const char **devices;
	size_t ndevices;
};

/* Does DUMP say that its program has device type NAME? */
bool vmw_dump_has_device(const struct vmw_dump *dump, const char *name);

/* What is wrong with a dump, and where: PLACE is "LINE:COL" when JSON itself is bad,
 * else NULL and MESSAGE starts with the JSON path.  Both malloc'd. */
struct vmw_load_error {
	char *place;
	char *message;
};

/* Reads PATH into DUMP.  On bad input returns false and fills *ERROR. */
bool vmw_dump_load(struct vmw_dump *dump, const char *path, struct vmw_load_error *error);
void vmw_dump_free(struct vmw_dump *dump);

/* The NTH section of DUMP named NAME (counting from 0), or NULL.  Different
 * descriptions with one name are matched in the dump's order. */
const struct vmw_section *vmw_dump_section(const struct vmw_dump *dump, const char *name,
					  size_t nth);
/* How many sections of DUMP before S have its name. */
size_t vmw_section_rank(const struct vmw_dump *dump, const struct vmw_section *s);

#endif
