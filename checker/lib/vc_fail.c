/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_fail.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

jmp_buf *vc_fail_target;
static char message[2048];

_Noreturn void vc_fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	if (!vc_fail_target) {
		fprintf(stderr, "%s\n", message);
		abort();
	}
	longjmp(*vc_fail_target, 1);
}

_Noreturn void vc_fail_again(void)
{
	if (!vc_fail_target) {
		fprintf(stderr, "%s\n", message);
		abort();
	}
	longjmp(*vc_fail_target, 1);
}

const char *vc_fail_message(void)
{
	return message;
}
