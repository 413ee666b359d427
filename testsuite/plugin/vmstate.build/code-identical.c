/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Code-identity subject: functions, statics inside functions, compound literals, strings
 * and descriptions, so that any change of numbering, order or data would show. */
#include "qemu-like.h"

typedef struct S { unsigned int a, b[4]; } S;

static bool s_needed (void *opaque) { return opaque != 0; }

static const VMStateDescription vmstate_s_sub = {
	.name = "s/sub",
	.needed = s_needed,
	.fields = (const VMStateField[]) { F_UINT32 (S, a, 0), F_END () },
};

const VMStateDescription vmstate_s = {
	.name = "s",
	.version_id = 2,
	.fields = (VMStateField[]) { F_UINT32 (S, a, 0), F_UINT32_ARRAY (S, b, 4), F_END () },
	.subsections = (const VMStateDescription *[]) { &vmstate_s_sub, NULL },
};

int counter (int step);
int
counter (int step)
{
	static int total;
	static const VMStateDescription vmstate_in_function = { .name = "in-function" };
	total += step;
	return total + vmstate_in_function.version_id;
}

int other (void);
int
other (void)
{
	static int total;
	static const char *names[] = { "x", "y" };
	return total++ + (int) names[total & 1][0];
}
