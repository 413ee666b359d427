/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fragments collected from all inputs, then parsed on every CPU at once and checked in
 * input order: parsing is most of vmstate-extract's work. */
#ifndef VMSTATE_EXTRACT_BATCH_H
#define VMSTATE_EXTRACT_BATCH_H

#include <stdbool.h>
#include <stddef.h>
#include <jansson.h>
#include "fragment.h"

struct batch;

struct batch *batch_new(void);

/* A fragment_sink (input.h): records the text, which must stay valid until
 * batch_finish() (see input_keep_files()). */
bool batch_add(void *batch, const struct fragment_origin *origin, const char *text,
	       size_t len);

/* Parses every recorded fragment on up to THREADS threads (1: on this one), then, in
 * the order they were added, reports each bad one (as fragment_parse does) and hands
 * each valid one to ADD (which takes the reference).  A fragment whose bytes were
 * replaced (not UTF-8) is warned about and counted in *PROBLEMS.  Frees the batch.
 * Returns false when some fragment was bad. */
bool batch_finish(struct batch *batch, int threads,
		  void (*add)(void *ctx, const char *input, json_t *fragment), void *ctx,
		  unsigned *problems);

/* How many threads are worth starting here: the CPUs online, at most 4. */
int batch_default_threads(void);

#endif
