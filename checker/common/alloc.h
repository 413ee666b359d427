/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation that never returns NULL.
 *
 * Contract: every function here either succeeds or ends the program through the one
 * out-of-memory path, diag_out_of_memory() (diag.h): one line "PROG: error: out of memory
 * (N bytes)" on stderr and the tool's internal-error exit status (diag_init).  Callers
 * need no error path.  Sizes that overflow (count * size, growth) take the same path.
 * Memory is released with free(). */
#ifndef VMSTATE_COMMON_ALLOC_H
#define VMSTATE_COMMON_ALLOC_H

#include <stdarg.h>
#include <stddef.h>

void *xmalloc(size_t size);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *ptr, size_t size);
/* reallocarray(): COUNT elements of SIZE bytes, overflow checked. */
void *xreallocarray(void *ptr, size_t count, size_t size);
char *xstrdup(const char *s);
/* The first LEN bytes of S (which need not be NUL-terminated) plus a NUL. */
char *xstrndup(const char *s, size_t len);
/* An allocated, NUL-terminated printf result; a format error is fatal too. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));
/* Grows *ARRAY (a pointer to an array of *CAPACITY elements of SIZE bytes) so that it
 * holds at least NEEDED elements, doubling; the new elements are not initialised. */
void xgrow(void *array, size_t *capacity, size_t needed, size_t size);

#endif
