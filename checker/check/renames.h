/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The reference checker's built-in knowledge of renames: sections whose name changed
 * between QEMU versions, and field / description names that changed within a section
 * or description without changing the wire format.  Data only, kept in renames.c. */
#ifndef VMSTATE_CHECK_RENAMES_H
#define VMSTATE_CHECK_RENAMES_H

#include <stddef.h>

/* Which release of QEMU's script a table entry comes from: the tables in use are those
 * of a release (vmstate-check --renames). */
enum vmc_renames {
	VMC_RENAMES_10_0,    /* QEMU 10.0's script: the reference of the difftest */
	VMC_RENAMES_NEWEST,  /* the newest upstream release's script (the default) */
};

struct vmc_field_renames {
	const char *scope;          /* section or description name */
	const char *const *names;   /* NULL-terminated: any two of them are the same field */
	enum vmc_renames since;     /* the first release in use whose script has it */
};

struct vmc_section_rename {
	const char *old_name;
	const char *new_name;
};

extern const struct vmc_field_renames vmc_field_renames[];
extern const size_t vmc_n_field_renames;
extern const struct vmc_section_rename vmc_section_renames[];
extern const size_t vmc_n_section_renames;

/* "10.0" or "newest"; -1 for another word. */
int vmc_renames_from_name(const char *name);

#endif
