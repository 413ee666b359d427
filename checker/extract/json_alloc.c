/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parse-time allocator of jansson values (json_alloc.h).  Arenas are never
 * released: the values parsed from the fragments live as long as the program.  Each
 * thread bumps through its own arena; a registry of the address ranges the arenas
 * handed out tells arena memory from malloc's on free.  It is shared, appended under a
 * lock and read without one. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdlib.h>
#include <jansson.h>
#include "../common/arena.h"
#include "json_alloc.h"

/* Ranges: a chunk each (64 KiB to 4 MiB), and blocks too big for their chunk. */
#define MAX_RANGES 65536

struct range {
	const char *start, *end;
};

static struct range registry[MAX_RANGES];
static atomic_size_t registry_count;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool installed;
static atomic_bool registry_full;   /* from then on, malloc only */

static _Thread_local struct arena arena;
static _Thread_local const char *chunk_start;   /* of the arena's current chunk */
static _Thread_local bool active;

static bool in_arena(const void *p)
{
	size_t i = atomic_load_explicit(&registry_count, memory_order_acquire);

	/* Newest first: most frees are of recent values. */
	while (i-- > 0)
		if ((const char *)p >= registry[i].start && (const char *)p < registry[i].end)
			return true;
	return false;
}

/* False when the registry is full: the block is then not the arena's to hand out. */
static bool record(const char *start, const char *end)
{
	size_t n;

	pthread_mutex_lock(&registry_lock);
	n = atomic_load_explicit(&registry_count, memory_order_relaxed);
	if (n == MAX_RANGES) {
		atomic_store(&registry_full, true);
		pthread_mutex_unlock(&registry_lock);
		return false;
	}
	if (n == MAX_RANGES - 1)
		atomic_store(&registry_full, true);
	registry[n].start = start;
	registry[n].end = end;
	atomic_store_explicit(&registry_count, n + 1, memory_order_release);
	pthread_mutex_unlock(&registry_lock);
	return true;
}

static void *alloc_value(size_t size)
{
	const char *end_before = arena.end;
	char *p;

	if (!active || atomic_load_explicit(&registry_full, memory_order_relaxed))
		return malloc(size);
	/* Megabytes of values per thread: start at the arena's largest chunk, the size
	 * that gets 2 MiB pages, rather than growing from 64 KiB through small ones. */
	if (!arena.chunks)
		arena.chunk_size = (size_t)4 << 20;
	p = arena_take(&arena, size ? size : 1);
	if (arena.end != end_before) {
		/* A new chunk: P is its first block, and it ends where the arena does. */
		chunk_start = p;
		if (!record(p, arena.end))
			return malloc(size);   /* the chunk stays unused: registry_full */
	} else if (p < chunk_start || p >= arena.end) {
		/* A block in a chunk of its own. */
		if (!record(p, p + size))
			return malloc(size);   /* likewise */
	}
	return p;
}

static void free_value(void *p)
{
	if (p && !in_arena(p))
		free(p);
}

void json_alloc_begin(void)
{
	/* The first call is on the main thread, before any worker starts. */
	if (!atomic_load(&installed)) {
		json_set_alloc_funcs(alloc_value, free_value);
		atomic_store(&installed, true);
	}
	active = true;
}

void json_alloc_end(void)
{
	active = false;
}
