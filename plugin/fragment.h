/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The unit's fragment (docs/fragment-format.md): its JSON text, embedded as top-level
 * assembly in section .vmstate_fragment, and written to the dump directory. */
#ifndef VMSTATE_PLUGIN_FRAGMENT_H
#define VMSTATE_PLUGIN_FRAGMENT_H

#include "gcc-compat.h"

/* The section the fragment lives in (docs/fragment-format.md). */
#define VX_FRAGMENT_SECTION ".vmstate_fragment"

/* True, after saying so, when the unit itself puts something into VX_FRAGMENT_SECTION
 * (a section attribute or top-level asm): the assembler would refuse the fragment's
 * section flags, so the object gets no fragment. */
bool fragment_section_taken (void);

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
