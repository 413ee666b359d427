/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The reference checker's built-in knowledge of renames: sections whose name changed
 * between QEMU versions, and field / description names that changed within a section
 * or description without changing the wire format.  Data only, kept in renames.c. */
#ifndef VMSTATE_CHECK_RENAMES_H
#define VMSTATE_CHECK_RENAMES_H

#include <stddef.h>

struct vmc_field_renames {
	const char *scope;          /* section or description name */
	const char *const *names;   /* NULL-terminated: any two of them are the same field */
};

struct vmc_section_rename {
	const char *old_name;
	const char *new_name;
};

extern const struct vmc_field_renames vmc_field_renames[];
extern const size_t vmc_n_field_renames;
extern const struct vmc_section_rename vmc_section_renames[];
extern const size_t vmc_n_section_renames;

#endif
