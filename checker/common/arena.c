/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "arena.h"
#include "alloc.h"
#include "diag.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct arena_chunk {
	struct arena_chunk *next;
	size_t size;
	max_align_t align[];
};

/* Chunks grow from small (many tiny documents, as under the fuzzer) to large. */
enum { FIRST_CHUNK = 1 << 16, LAST_CHUNK = 1 << 22 };

enum { HUGE_PAGE = 2 << 20 };

/* A chunk of 2 MiB or more starts on a 2 MiB boundary, with the kernel asked for huge
 * pages over it: tens of megabytes of small objects (vmstate-extract's parsed values)
 * would otherwise cost a page fault per 4 KiB.  Advice only: a refusal costs speed. */
static struct arena_chunk *new_chunk(size_t payload)
{
	if (payload > (size_t)-1 - sizeof(struct arena_chunk) - HUGE_PAGE)
		diag_out_of_memory(payload);
	size_t bytes = sizeof(struct arena_chunk) + payload;
	struct arena_chunk *chunk;
	if (payload >= HUGE_PAGE) {
		bytes = (bytes + HUGE_PAGE - 1) & ~(size_t)(HUGE_PAGE - 1);
		chunk = aligned_alloc(HUGE_PAGE, bytes);
		if (!chunk)
			diag_out_of_memory(bytes);
		madvise(chunk, bytes, MADV_HUGEPAGE);
	} else {
		chunk = xmalloc(bytes);
	}
	chunk->size = payload;
	return chunk;
}

void *arena_alloc(struct arena *arena, size_t size)
{
	size_t rounded = (size + _Alignof(max_align_t) - 1) & ~(size_t)(_Alignof(max_align_t) - 1);
	if (rounded < size)
		diag_out_of_memory(size);
	size = rounded;
	if ((size_t)(arena->end - arena->cur) < size) {
		size_t chunk_size = arena->chunk_size ? arena->chunk_size : FIRST_CHUNK;
		if (size > chunk_size / 4) {
			/* Oversized block: keep the current chunk's free tail for later. */
			struct arena_chunk *chunk = new_chunk(size);
			if (arena->chunks) {
				chunk->next = arena->chunks->next;
				arena->chunks->next = chunk;
			} else {
				chunk->next = NULL;
				arena->chunks = chunk;
			}
			memset(chunk->align, 0, size);
			return chunk->align;
		}
		struct arena_chunk *chunk = new_chunk(chunk_size);
		chunk->next = arena->chunks;
		arena->chunks = chunk;
		if (chunk_size < LAST_CHUNK)
			arena->chunk_size = chunk_size * 2;
		arena->cur = (char *)chunk->align;
		arena->end = arena->cur + chunk_size;
	}
	void *p = arena->cur;
	arena->cur += size;
	memset(p, 0, size);
	return p;
}

char *arena_strndup(struct arena *arena, const char *s, size_t len)
{
	if (len == (size_t)-1)
		diag_out_of_memory(len);
	char *p = arena_take(arena, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

static void free_chunks(struct arena_chunk *chunk)
{
	while (chunk) {
		struct arena_chunk *next = chunk->next;
		free(chunk);
		chunk = next;
	}
}

void arena_reset(struct arena *arena)
{
	struct arena_chunk *keep = arena->chunks;
	if (!keep)
		return;
	free_chunks(keep->next);
	keep->next = NULL;
	arena->cur = (char *)keep->align;
	arena->end = arena->cur + keep->size;
}

void arena_release(struct arena *arena)
{
	free_chunks(arena->chunks);
	arena->chunks = NULL;
	arena->cur = arena->end = NULL;
	arena->chunk_size = 0;
}
