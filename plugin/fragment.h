/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The unit's fragment (docs/fragment-format.md): its JSON text, embedded as top-level
 * assembly in section .vmstate_fragment, and written to the dump directory. */
#ifndef VMSTATE_PLUGIN_FRAGMENT_H
#define VMSTATE_PLUGIN_FRAGMENT_H

#include "gcc-compat.h"

/* The unit's fragment as compact JSON text, built once (on first call) from what the
 * collectors recorded. */
const char *fragment_text (void);

/* Queues TEXT as top-level assembly that puts it, NUL-terminated, into
 * .vmstate_fragment.  Must run before the symbol table writes top-level asm. */
void fragment_emit_asm (const char *text);

/* Writes TEXT to DIR/<unit-id>.vmfrag.json; reports an error and returns false when it
 * cannot. */
bool fragment_write_file (const char *dir, const char *text);

#endif
