/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parse-time arena for jansson values (see arena.h).  Chunks are never returned:
 * the values parsed from the fragments live as long as the program. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <jansson.h>
#include "arena.h"
#include "util.h"

#define CHUNK_SIZE ((size_t)8 << 20)
#define HUGE_PAGE ((size_t)2 << 20)
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

/* A chunk in 2 MiB pages where the kernel offers them: tens of megabytes of small
 * values would otherwise cost a page fault per 4 KiB. */
static char *new_chunk(size_t size)
{
	size_t span = size + HUGE_PAGE;
	char *p = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	uintptr_t start;

	if (p == MAP_FAILED)
		return xmalloc(size);
	start = ((uintptr_t)p + HUGE_PAGE - 1) & ~(uintptr_t)(HUGE_PAGE - 1);
	if (start > (uintptr_t)p)
		munmap(p, start - (uintptr_t)p);
	munmap((char *)start + size, (uintptr_t)p + span - (start + size));
	madvise((char *)start, size, MADV_HUGEPAGE);
	return (char *)start;
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
		size_t chunk = need > CHUNK_SIZE ? (need + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1)
						  : CHUNK_SIZE;

		xgrow(&chunks, &chunk_cap, chunk_count + 1, sizeof(*chunks));
		next = new_chunk(chunk);
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
