/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A growing text buffer: the dump is built in memory and written in one go, so that a
 * failed run never leaves half a dump behind. */
#ifndef VMSTATE_EXTRACT_STRBUF_H
#define VMSTATE_EXTRACT_STRBUF_H

#include <stddef.h>

struct strbuf {
	char *data;     /* NUL-terminated once anything was added */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

void sb_add(struct strbuf *sb, const char *s, size_t n);
void sb_puts(struct strbuf *sb, const char *s);
void sb_spaces(struct strbuf *sb, int n);
void sb_printf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void sb_free(struct strbuf *sb);

#endif
