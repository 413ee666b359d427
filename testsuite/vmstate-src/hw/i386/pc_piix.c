// SPDX-License-Identifier: GPL-2.0-or-later
/* The i440FX machine types; the newest is the default. */
#include "qemu/osdep.h"
#include "machine.h"

const char *const pc_machine_types[] = {
	"pc-i440fx-2.0",
	"pc-i440fx-2.1",
	NULL
};

const char *const pc_default_machine = "pc-i440fx-2.1";
