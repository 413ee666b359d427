/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "alloc.h"
#include "diag.h"
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void *xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		diag_out_of_memory(size);
	return p;
}

void *xcalloc(size_t count, size_t size)
{
	void *p = calloc(count ? count : 1, size ? size : 1);
	if (!p)
		diag_out_of_memory(count * size);
	return p;
}

void *xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		diag_out_of_memory(size);
	return p;
}

void *xreallocarray(void *ptr, size_t count, size_t size)
{
	if (size && count > (size_t)-1 / size)
		diag_out_of_memory((size_t)-1);
	return xrealloc(ptr, count * size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t len)
{
	if (len == (size_t)-1)
		diag_out_of_memory(len);
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *xvasprintf(const char *fmt, va_list ap)
{
	struct strbuf sb = STRBUF_INIT;
	sb_vprintf(&sb, fmt, ap);
	return sb_take(&sb);
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

void xgrow(void *array, size_t *capacity, size_t needed, size_t size)
{
	void **slot = array;
	if (needed <= *capacity)
		return;
	size_t cap = *capacity ? *capacity : 16;
	while (cap < needed) {
		if (cap > (size_t)-1 / 2)
			diag_out_of_memory((size_t)-1);
		cap *= 2;
	}
	*slot = xreallocarray(*slot, cap, size);
	*capacity = cap;
}
