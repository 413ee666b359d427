/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parse-time arena for jansson values (see arena.h).  Chunks are never returned:
 * the values parsed from the fragments live as long as the program. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <jansson.h>
#include "arena.h"
#include "util.h"

#define CHUNK_SIZE ((size_t)8 << 20)
#define ALIGN 16

struct chunk {
	char *start, *end;
};

static struct chunk *chunks;
static size_t chunk_count, chunk_cap;
static char *next, *limit;
static bool active, installed;

static bool in_arena(const void *p)
{
	size_t i;

	/* Newest first: most frees are of recent values. */
	for (i = chunk_count; i-- > 0;)
		if ((const char *)p >= chunks[i].start && (const char *)p < chunks[i].end)
			return true;
	return false;
}

static void *arena_alloc(size_t size)
{
	size_t need = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	void *p;

	if (!active)
		return malloc(size);
	if (!need)
		need = ALIGN;
	if ((size_t)(limit - next) < need) {
		size_t chunk = need > CHUNK_SIZE ? need : CHUNK_SIZE;

		xgrow(&chunks, &chunk_cap, chunk_count + 1, sizeof(*chunks));
		next = xmalloc(chunk);
		limit = next + chunk;
		chunks[chunk_count].start = next;
		chunks[chunk_count].end = limit;
		chunk_count++;
	}
	p = next;
	next += need;
	return p;
}

static void arena_free(void *p)
{
	if (p && !in_arena(p))
		free(p);
}

void json_arena_begin(void)
{
	if (!installed) {
		json_set_alloc_funcs(arena_alloc, arena_free);
		installed = true;
	}
	active = true;
}

void json_arena_end(void)
{
	active = false;
}
