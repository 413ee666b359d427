/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_fail.h"
#include "../common/diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

jmp_buf *vc_fail_target;
static char where[1024], text[2048], line[3100];

_Noreturn void vc_fail_again(void)
{
	if (!vc_fail_target)
		diag_fatal_internal("%s: %s (no recovery point)", where, text);
	longjmp(*vc_fail_target, 1);
}

_Noreturn void vc_fail(const char *place, const char *fmt, ...)
{
	va_list ap;
	snprintf(where, sizeof(where), "%s", place);
	va_start(ap, fmt);
	vsnprintf(text, sizeof(text), fmt, ap);
	va_end(ap);
	vc_fail_again();
}

const char *vc_fail_where(void)
{
	return where;
}

const char *vc_fail_text(void)
{
	return text;
}

const char *vc_fail_message(void)
{
	snprintf(line, sizeof(line), "%s: error: %s", where, text);
	return line;
}
