/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fatal input errors.  The checker mirrors a script that stops at the first exception,
 * so an error unwinds straight to the caller's vc_try point with one message, which the
 * caller prints in GCC's form through diag_error(vc_fail_where(), "%s", vc_fail_text()). */
#ifndef VC_FAIL_H
#define VC_FAIL_H

#include <setjmp.h>

/* The innermost recovery point; vc_fail() jumps there.  Set it with setjmp before
 * calling anything that can fail, and restore the previous one afterwards. */
extern jmp_buf *vc_fail_target;

/* Records the place WHERE ("FILE", "FILE:LINE:COL") and the message (printf format) and
 * jumps to vc_fail_target. */
_Noreturn void vc_fail(const char *where, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Jumps to vc_fail_target again with the current message (after cleaning up). */
_Noreturn void vc_fail_again(void);
/* The place and the message of the last vc_fail(). */
const char *vc_fail_where(void);
const char *vc_fail_text(void);
/* Both as one line "WHERE: error: TEXT", without a trailing newline. */
const char *vc_fail_message(void);

#endif
