/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_buf.h"
#include "vc_fail.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void reserve(struct vc_buf *buf, size_t more)
{
	if (buf->cap - buf->len > more)
		return;
	size_t cap = buf->cap ? buf->cap : 256;
	while (cap - buf->len <= more) {
		if (cap > ((size_t)-1) / 2)
			vc_fail("out of memory (output buffer)");
		cap *= 2;
	}
	char *data = realloc(buf->data, cap);
	if (!data)
		vc_fail("out of memory (%zu bytes of output)", cap);
	buf->data = data;
	buf->cap = cap;
}

void vc_buf_add(struct vc_buf *buf, const void *bytes, size_t len)
{
	reserve(buf, len);
	memcpy(buf->data + buf->len, bytes, len);
	buf->len += len;
	buf->data[buf->len] = '\0';
}

void vc_buf_adds(struct vc_buf *buf, const char *s)
{
	vc_buf_add(buf, s, strlen(s));
}

void vc_buf_addc(struct vc_buf *buf, char c)
{
	vc_buf_add(buf, &c, 1);
}

void vc_buf_printf(struct vc_buf *buf, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		vc_fail("cannot format output");
	reserve(buf, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(buf->data + buf->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf->len += (size_t)n;
}

void vc_buf_release(struct vc_buf *buf)
{
	free(buf->data);
	buf->data = NULL;
	buf->len = buf->cap = 0;
}
