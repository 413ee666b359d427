// SPDX-License-Identifier: GPL-2.0-or-later
/* The glib string helpers of glib-lite.h. */
#include "qemu/osdep.h"
#include "glib-lite.h"
#include <stdarg.h>

gchar *g_strdup(const gchar *s)
{
	size_t len;
	gchar *copy;

	if (!s)
		return NULL;
	len = strlen(s) + 1;
	copy = vsrc_alloc0(len);
	memcpy(copy, s, len);
	return copy;
}

gchar *g_strdup_printf(const gchar *format, ...)
{
	va_list ap;
	int len;
	gchar *s;

	va_start(ap, format);
	len = vsnprintf(NULL, 0, format, ap);
	va_end(ap);
	if (len < 0) {
		fprintf(stderr, "vmstate-src: error: bad format \"%s\"\n", format);
		exit(1);
	}
	s = vsrc_alloc0((size_t)len + 1);
	va_start(ap, format);
	vsnprintf(s, (size_t)len + 1, format, ap);
	va_end(ap);
	return s;
}

void g_free(void *p)
{
	free(p);
}
