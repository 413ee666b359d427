/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Allocation helpers: out of memory is reported once and ends the program. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "diag.h"
#include "util.h"

static void out_of_memory(void)
{
	diag_error(NULL, "out of memory");
	exit(VX_EXIT_INTERNAL);
}

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);

	if (!p)
		out_of_memory();
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		out_of_memory();
	s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

void xgrow(void *array, size_t *capacity, size_t needed, size_t size)
{
	void **p = array;
	size_t cap = *capacity;

	if (needed <= cap)
		return;
	if (cap < 8)
		cap = 8;
	while (cap < needed) {
		if (cap > ((size_t)-1 / 2) / size)
			out_of_memory();
		cap *= 2;
	}
	*p = xrealloc(*p, cap * size);
	*capacity = cap;
}
