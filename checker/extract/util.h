/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation that never returns NULL: out of memory ends the program with status 4
 * after one line on stderr, so callers need no error path for it. */
#ifndef VMSTATE_EXTRACT_UTIL_H
#define VMSTATE_EXTRACT_UTIL_H

#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
char *xstrdup(const char *s);
/* An allocated, NUL-terminated printf result. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Grows *ARRAY (of *CAPACITY elements of SIZE bytes) to hold at least NEEDED. */
void xgrow(void *array, size_t *capacity, size_t needed, size_t size);

#endif
