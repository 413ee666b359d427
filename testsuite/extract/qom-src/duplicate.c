/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Conflicts: a type name that direct.c registers too, and a parent nobody registers. */
#include "qom-like.h"

static const TypeInfo dup_types[] = {
	{ .name = "timer", .parent = TYPE_DEVICE },
	{ .name = "orphan", .parent = "no-such-parent" },
};
REGISTER_TYPES(dup_types)
