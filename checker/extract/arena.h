/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A bump allocator for jansson while the fragments are parsed: millions of small values
 * that live until the program ends, so that neither malloc nor free is paid per value. */
#ifndef VMSTATE_EXTRACT_ARENA_H
#define VMSTATE_EXTRACT_ARENA_H

/* Installs the allocator into jansson (once; first call on the main thread before
 * others start).  On the calling thread, between json_arena_begin() and
 * json_arena_end(), new jansson values come from the arena; freeing them does nothing.
 * Outside, jansson uses malloc and free as usual. */
void json_arena_begin(void);
void json_arena_end(void);

#endif
