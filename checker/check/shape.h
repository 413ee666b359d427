/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What a dump must look like before any rule runs (docs/vmstate-check.md, "Bad input"):
 * the reference would run through some of these inputs, but they are not dumps. */
#ifndef VMSTATE_CHECK_SHAPE_H
#define VMSTATE_CHECK_SHAPE_H

#include "vc_value.h"

/* Fails (vc_fail_at) at the first value of ROOT that breaks the shape of a dump. */
void vmc_require_dump_shape(const struct vc_doc *doc);

#endif
