/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Text of values as Python's print() writes it: str() at the top, repr() inside lists
 * and dicts, floats in shortest round-trip form, and the output encoder's rule for lone
 * surrogates (surrogateescape, as under the C.UTF-8 locale). */
#ifndef VC_PYSTR_H
#define VC_PYSTR_H

#include <stddef.h>

#include "../common/strbuf.h"
#include "vc_value.h"

/* Appends str(V).  Fails (vc_fail_at) where printing it would raise UnicodeEncodeError. */
void vc_py_str(struct strbuf *out, const struct vc_value *v);
/* Appends repr(V). */
void vc_py_repr(struct strbuf *out, const struct vc_value *v);
/* Appends the string S (LEN bytes) as print() encodes it; WHERE names it in a failure. */
void vc_py_write_text(struct strbuf *out, const char *s, size_t len,
		      const struct vc_value *where);
/* Appends repr(F). */
void vc_py_float_repr(struct strbuf *out, double f);

#endif
