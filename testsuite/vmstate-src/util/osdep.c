// SPDX-License-Identifier: GPL-2.0-or-later
/* Allocation that never returns NULL. */
#include "qemu/osdep.h"

void *vsrc_alloc0(size_t size)
{
	void *p = calloc(1, size ? size : 1);

	if (!p) {
		fprintf(stderr, "vmstate-src: error: out of memory\n");
		exit(1);
	}
	return p;
}
