/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "strbuf.h"
#include "alloc.h"
#include "diag.h"

#include <stdio.h>
#include <stdlib.h>

void sb_reserve(struct strbuf *sb, size_t more)
{
	if (sb->cap - sb->len > more)
		return;
	if (more >= (size_t)-1 - sb->len)
		diag_out_of_memory((size_t)-1);
	xgrow(&sb->data, &sb->cap, sb->len + more + 1, 1);
}

void sb_spaces(struct strbuf *sb, size_t n)
{
	sb_reserve(sb, n);
	memset(sb->data + sb->len, ' ', n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, fmt, again);
	va_end(again);
	if (n < 0)
		diag_fatal_internal("cannot format text (\"%s\")", fmt);
	sb_reserve(sb, (size_t)n);
	vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
	sb->len += (size_t)n;
}

void sb_printf(struct strbuf *sb, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sb_vprintf(sb, fmt, ap);
	va_end(ap);
}

void sb_truncate(struct strbuf *sb, size_t len)
{
	if (len > sb->len)
		diag_fatal_internal("strbuf: truncating %zu bytes to %zu", sb->len, len);
	sb->len = len;
	if (sb->data)
		sb->data[len] = '\0';
}

char *sb_take(struct strbuf *sb)
{
	sb_reserve(sb, 0);
	sb->data[sb->len] = '\0';
	char *data = sb->data;
	*sb = (struct strbuf)STRBUF_INIT;
	return data;
}

void sb_release(struct strbuf *sb)
{
	free(sb->data);
	*sb = (struct strbuf)STRBUF_INIT;
}

int str_ptr_cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}
