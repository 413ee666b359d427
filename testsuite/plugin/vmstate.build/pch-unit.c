/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Build-matrix: a unit read after a precompiled header, which restores GCC's identifier
 * table; the QOM registration below is found by the names of the callee and enumerator. */
#include "pch-base.h"

typedef struct P { unsigned int x; } P;

const VMStateDescription vmstate_p = {
	.name = "p",
	.version_id = 2,
	.fields = (const VMStateField[]) { F_UINT32 (P, x, 0), F_END () },
};

static void
p_register_types (void)
{
}

static void __attribute__ ((constructor))
do_p_init (void)
{
	register_module_init (p_register_types, MODULE_INIT_QOM);
}
