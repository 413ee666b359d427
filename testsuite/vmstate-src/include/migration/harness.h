/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The test harness of save and load: state made up for a section, element counts and
 * sizes as QEMU computes them, and the values sent and loaded, by field path. */
#ifndef VSRC_MIGRATION_HARNESS_H
#define VSRC_MIGRATION_HARNESS_H

#include "migration/vmstate.h"

/* Fresh state for VMSD: every member a description names gets a value of its own,
 * the same on both sides; pointers point at buffers, variable counts are small. */
void *harness_state(const VMStateDescription *vmsd);
/* The same for VMSD's members in OPAQUE, their paths prefixed with PATH: state that a
 * hand-written VMStateInfo saves through another description. */
void harness_populate(const VMStateDescription *vmsd, void *opaque, const char *path);

/* Elements of FIELD in OPAQUE, and the size of each (QEMU's vmstate_n_elems and
 * vmstate_size). */
size_t harness_count(const VMStateField *field, const void *opaque);
size_t harness_size(const VMStateField *field, const void *opaque);

/* The values sent or loaded: each field's bytes by field path, with their offset in the
 * stream.  The source records its padding too, under the path HARNESS_PADDING. */
#define HARNESS_PADDING "(padding)"
struct harness_values;
struct harness_values *harness_values_new(void);
void harness_values_add(struct harness_values *v, const char *path, long offset,
			const void *bytes, size_t len);
int harness_values_write(const struct harness_values *v, const char *path);
/* Compares the values loaded (V) with those the source sent (in file PATH), for every
 * field path both have.  0 when all agree; 1 and the first path that differs in WHERE;
 * 2 when they agree but a member loaded bytes the source sent as padding (zeros: a
 * member the source no longer has), and which in WHERE; -1 when PATH cannot be read. */
int harness_values_compare(const struct harness_values *v, const char *path, char *where,
			   size_t size);

#endif
