/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Build-matrix unit B: nothing else refers to it, so --gc-sections and LTO may drop its
 * code and data; its fragment must stay. */
#include "qemu-like.h"

typedef struct B { unsigned int z; } B;

static int b_counter;

const VMStateDescription vmstate_b = {
	.name = "b",
	.version_id = 2,
	.fields = (const VMStateField[]) { F_UINT32 (B, z, 0), F_END () },
};

void b_tick (void);
void
b_tick (void)
{
	b_counter++;
}
