/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Build-matrix unit A: a global description that main.c uses and a file-local one. */
#include "qemu-like.h"

typedef struct A { unsigned int x, y; } A;

static const VMStateDescription vmstate_a_sub = {
	.name = "a/sub",
	.fields = (const VMStateField[]) { F_UINT32 (A, y, 0), F_END () },
};

const VMStateDescription vmstate_a = {
	.name = "a",
	.version_id = 1,
	.fields = (const VMStateField[]) { F_UINT32 (A, x, 0), F_END () },
	.subsections = (const VMStateDescription *const[]) { &vmstate_a_sub, NULL },
};

int a_version (void);
int
a_version (void)
{
	return vmstate_a.version_id;
}
