/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The machine types this emulator offers; the dump names the one selected. */
#ifndef VSRC_MACHINE_H
#define VSRC_MACHINE_H

/* NULL-terminated, oldest first. */
extern const char *const pc_machine_types[];
extern const char *const pc_default_machine;

#endif
