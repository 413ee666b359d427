/* SPDX-License-Identifier: GPL-2.0-or-later */
/* jansson's allocator while the fragments are parsed: millions of small values that
 * live until the program ends come from a per-thread arena (checker/common/arena.h),
 * so that neither malloc nor free is paid per value. */
#ifndef VMSTATE_EXTRACT_JSON_ALLOC_H
#define VMSTATE_EXTRACT_JSON_ALLOC_H

/* Installs the allocator into jansson (once; first call on the main thread before
 * others start).  On the calling thread, between json_alloc_begin() and
 * json_alloc_end(), new jansson values come from its arena; freeing them does nothing.
 * Outside, jansson uses malloc and free as usual. */
void json_alloc_begin(void);
void json_alloc_end(void);

#endif
