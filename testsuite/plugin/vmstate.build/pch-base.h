/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Build-matrix: the header that pch-unit.c includes first, compiled to a .gch. */
#ifndef PCH_BASE_H
#define PCH_BASE_H
#include "qemu-like.h"

typedef enum { MODULE_INIT_MIGRATION, MODULE_INIT_QOM } module_init_type;
void register_module_init (void (*fn) (void), module_init_type type);
#endif
