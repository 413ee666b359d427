/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fatal input errors.  The checker mirrors a script that stops at the first exception,
 * so an error unwinds straight to the caller's vc_try point with one message line. */
#ifndef VC_FAIL_H
#define VC_FAIL_H

#include <setjmp.h>

/* The innermost recovery point; vc_fail() jumps there.  Set it with setjmp before
 * calling anything that can fail, and restore the previous one afterwards. */
extern jmp_buf *vc_fail_target;

/* Records the message (printf format) and jumps to vc_fail_target. */
_Noreturn void vc_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Jumps to vc_fail_target again with the current message (after cleaning up). */
_Noreturn void vc_fail_again(void);
/* The message of the last vc_fail(), without a trailing newline. */
const char *vc_fail_message(void);

#endif
