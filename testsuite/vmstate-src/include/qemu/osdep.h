/* SPDX-License-Identifier: GPL-2.0-or-later */
/* What every file of the example tree includes first, as in QEMU. */
#ifndef VSRC_OSDEP_H
#define VSRC_OSDEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/* Aborts with a message on an allocation failure: the tree never returns NULL. */
void *vsrc_alloc0(size_t size);

#endif
