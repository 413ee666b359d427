/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Saving and loading migration streams with QEMU's rules (migration/savevm.c), and
 * the list of sections the program can put on the wire. */
#ifndef VSRC_MIGRATION_SAVEVM_H
#define VSRC_MIGRATION_SAVEVM_H

#include "migration/vmstate.h"

/* One way a section comes to be: a device class's dc->vmsd, a CPU class's
 * legacy_vmsd, or a vmstate_register() call. */
typedef struct SectionSource {
	const char *kind;          /* "device", "cpu" or "register" */
	const char *type;          /* the QOM type, for device and cpu */
	int instance_id;           /* for register */
	bool user_creatable;       /* for device: DeviceClass.user_creatable */
} SectionSource;

typedef struct SaveSection {
	const VMStateDescription *vmsd;
	SectionSource sources[16];
	int nsources;
} SaveSection;

/* Every section the program can register, sorted by name: device classes, CPU
 * classes, then what start-up registered.  Returns the count; *OUT is static. */
int savevm_sections(const SaveSection **out);

/* The instance id SEC is saved and found under. */
int savevm_instance_id(const SaveSection *sec);
/* The type of SEC's first device class registration, or NULL. */
const char *savevm_device_type(const SaveSection *sec);

/* Writes a stream with the one section SEC, its state made up by the harness (see
 * savevm.c), into PATH; the values it sent go to PATH.values.  Writes nothing when
 * SEC's needed() says no.  0 or -1. */
int savevm_save_one(const SaveSection *sec, const char *path);

/* Loads the stream PATH into fresh state and prints one line for it:
 * "NAME: loads", "NAME: fails: WHY", "NAME: corrupts: FIELD" or "NAME: zeros: FIELD"
 * (loaded, but a member took the source's padding).  0 when loaded. */
int savevm_load_one(const char *path, FILE *report);

#endif
