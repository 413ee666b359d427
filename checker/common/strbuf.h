/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A growing byte buffer: reports and dumps are built here and written once complete.
 *
 * Contract: no function fails.  Growth that cannot be had ends the program through
 * diag_out_of_memory(), and a printf format error ends it through diag_fatal_internal():
 * nothing is dropped silently.  After the first addition DATA is NUL-terminated (the
 * NUL is not counted in LEN); before it DATA may be NULL.  Binary data (NUL bytes) is
 * fine.  A zeroed struct (STRBUF_INIT) is an empty buffer. */
#ifndef VMSTATE_COMMON_STRBUF_H
#define VMSTATE_COMMON_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

struct strbuf {
	char *data;
	size_t len;
	size_t cap;
};

#define STRBUF_INIT { NULL, 0, 0 }

/* Room for MORE bytes and the NUL after them. */
void sb_reserve(struct strbuf *sb, size_t more);

static inline void sb_add(struct strbuf *sb, const void *bytes, size_t n)
{
	if (sb->cap - sb->len <= n)
		sb_reserve(sb, n);
	if (n)
		memcpy(sb->data + sb->len, bytes, n);
	sb->len += n;
	sb->data[sb->len] = '\0';
}

static inline void sb_puts(struct strbuf *sb, const char *s)
{
	sb_add(sb, s, strlen(s));
}

static inline void sb_putc(struct strbuf *sb, char c)
{
	sb_add(sb, &c, 1);
}

void sb_spaces(struct strbuf *sb, size_t n);
void sb_printf(struct strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sb_vprintf(struct strbuf *sb, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Cuts the buffer back to LEN bytes (LEN <= sb->len). */
void sb_truncate(struct strbuf *sb, size_t len);
/* The data as an allocated string (never NULL; free() it); the buffer is left empty. */
/* qsort() and bsearch() order for arrays of C strings (char * elements). */
int str_ptr_cmp(const void *a, const void *b);

char *sb_take(struct strbuf *sb);
void sb_release(struct strbuf *sb);

#endif
