/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Progress on standard error: on a terminal one status line, rewritten in place (the
 * phase, units done of the total, the time spent); elsewhere plain lines, one when a
 * phase starts and one each tenth of a long phase.  Off with -q. */
#ifndef VD_PROGRESS_H
#define VD_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* QUIET: no progress at all (and no notes). */
void vd_progress_init(bool quiet);
bool vd_progress_quiet(void);
/* A new phase of WHO ("src", "dest", a commit): configure, generated headers, compile,
 * extract, check.  TOTAL: the steps it has (0: not counted). */
void vd_progress_phase(const char *who, const char *phase, size_t total);
/* One more step of the phase done. */
void vd_progress_step(void);
/* Redraws the time on a terminal (called while waiting for a long command). */
void vd_progress_tick(void);
/* Clears the status line before another message is written to standard error. */
void vd_progress_clear(void);

#endif
