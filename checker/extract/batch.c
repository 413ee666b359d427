/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Parses and checks collected fragments on several threads.  Workers have no side
 * effects besides allocating from their own arena: messages and linking happen
 * afterwards on the calling thread, in input order, so that the output and the messages
 * never depend on the number of threads. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "json_alloc.h"
#include "batch.h"
#include "input_names.h"
#include "json_parse.h"
#include "../common/alloc.h"

/* Below this many fragments a thread costs more than it saves. */
#define MIN_PER_THREAD 64

struct item {
	struct fragment_origin origin;
	const char *text;
	size_t len;
	json_t *root;
	bool valid;
	struct json_parse_error err;
};

struct batch {
	struct item *items;
	size_t count, cap;
	struct input_names inputs;
	atomic_size_t next;       /* the next item a worker takes */
};

struct batch *batch_new(void)
{
	return xcalloc(1, sizeof(struct batch));
}

bool batch_add(void *batch, const struct fragment_origin *origin, const char *text,
	       size_t len)
{
	struct batch *b = batch;
	struct item *it;

	xgrow(&b->items, &b->cap, b->count + 1, sizeof(*b->items));
	it = &b->items[b->count++];
	memset(it, 0, sizeof(*it));
	it->origin = *origin;
	/* Input names of archive members are transient: keep a copy, once per input. */
	it->origin.input = input_names_intern(&b->inputs, origin->input);
	it->text = text;
	it->len = len;
	return true;
}

static void parse_items(struct batch *b)
{
	size_t i;

	while ((i = atomic_fetch_add(&b->next, 1)) < b->count) {
		struct item *it = &b->items[i];

		it->root = json_parse(it->text, it->len, &it->err);
		it->valid = it->root && fragment_valid(it->root);
	}
}

static void *worker(void *arg)
{
	json_alloc_begin();
	parse_items(arg);
	json_alloc_end();
	return NULL;
}

int batch_default_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 4 ? 4 : (int)n;
}

bool batch_finish(struct batch *b, int threads,
		  void (*add)(void *ctx, const char *input, json_t *fragment), void *ctx,
		  unsigned *problems)
{
	pthread_t tids[8];
	int started = 0, i;
	bool ok = true;
	size_t k;

	if (threads > 8)
		threads = 8;
	if ((size_t)threads > b->count / MIN_PER_THREAD)
		threads = (int)(b->count / MIN_PER_THREAD);
	/* The allocator and jansson's hash seed are set up before any worker runs. */
	json_alloc_begin();
	json_object_seed(0);
	for (i = 1; i < threads; i++)
		if (pthread_create(&tids[started], NULL, worker, b) == 0)
			started++;
	parse_items(b);
	for (i = 0; i < started; i++)
		pthread_join(tids[i], NULL);
	json_alloc_end();

	for (k = 0; k < b->count; k++) {
		struct item *it = &b->items[k];

		if (!it->root) {
			fragment_report_parse_error(&it->origin, it->text, it->len, &it->err);
			ok = false;
		} else if (!it->valid) {
			/* Checked again here for the message, in input order. */
			fragment_check(&it->origin, it->root);
			json_decref(it->root);
			ok = false;
		} else {
			if (fragment_report_replaced(&it->origin, it->text, it->len, &it->err))
				(*problems)++;
			add(ctx, it->origin.input, it->root);
		}
	}
	input_names_free(&b->inputs);
	free(b->items);
	free(b);
	return ok;
}
