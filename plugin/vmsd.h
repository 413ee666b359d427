/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Records the unit's VMStateDescription and VMStateInfo definitions (fragment-format.md:
 * VMSD, FIELD, INFO). */
#ifndef VMSTATE_PLUGIN_VMSD_H
#define VMSTATE_PLUGIN_VMSD_H

#include "gcc-compat.h"

/* PLUGIN_FINISH_DECL: records DECL when it is a static-storage VMStateDescription or
 * VMStateInfo with an initializer. */
void vmsd_finish_decl (tree decl);

/* PLUGIN_FINISH_TYPE: remembers the VMStateFlags enum. */
void vmsd_finish_type (tree type);

/* VALUE, a pointer to a description, as a reference (a symbol string), or an UNKNOWN
 * at LOC belonging to CONTEXT when it is not the address of a static description (or of
 * an extern one, defined in another unit). */
json_t *vmsd_reference (tree value, const char *context, location_t loc);

/* The unit's "vmstates" and "infos" arrays (new references). */
json_t *vmsd_unit_vmstates (void);
json_t *vmsd_unit_infos (void);

#endif
