/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Growable byte buffer: the report is built here and written only once it is complete. */
#ifndef VC_BUF_H
#define VC_BUF_H

#include <stddef.h>

struct vc_buf {
	char *data;
	size_t len;
	size_t cap;
};

void vc_buf_add(struct vc_buf *buf, const void *bytes, size_t len);
void vc_buf_adds(struct vc_buf *buf, const char *s);
void vc_buf_addc(struct vc_buf *buf, char c);
void vc_buf_printf(struct vc_buf *buf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void vc_buf_release(struct vc_buf *buf);

#endif
