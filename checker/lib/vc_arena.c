/* SPDX-License-Identifier: GPL-2.0-or-later */
#include "vc_arena.h"
#include "vc_fail.h"

#include <stdlib.h>
#include <string.h>

struct vc_arena_chunk {
	struct vc_arena_chunk *next;
	size_t size;
	max_align_t align[];
};

/* Chunks grow from small (many tiny documents, as under the fuzzer) to large. */
enum { FIRST_CHUNK = 1 << 16, LAST_CHUNK = 1 << 22 };

void *vc_arena_alloc(struct vc_arena *arena, size_t size)
{
	size = (size + _Alignof(max_align_t) - 1) & ~(size_t)(_Alignof(max_align_t) - 1);
	if ((size_t)(arena->end - arena->cur) < size) {
		size_t chunk_size = arena->chunk_size ? arena->chunk_size : FIRST_CHUNK;
		size_t payload = size > chunk_size / 4 ? size : chunk_size;
		struct vc_arena_chunk *chunk = malloc(sizeof(*chunk) + payload);
		if (!chunk)
			vc_fail("out of memory (%zu bytes)", payload);
		chunk->size = payload;
		char *base = (char *)chunk->align;
		if (payload != chunk_size) {
			/* Oversized block: keep the current chunk's free tail for later. */
			if (arena->chunks) {
				chunk->next = arena->chunks->next;
				arena->chunks->next = chunk;
			} else {
				chunk->next = NULL;
				arena->chunks = chunk;
			}
			memset(base, 0, size);
			return base;
		}
		chunk->next = arena->chunks;
		arena->chunks = chunk;
		if (chunk_size < LAST_CHUNK)
			arena->chunk_size = chunk_size * 2;
		arena->cur = base;
		arena->end = base + payload;
	}
	void *p = arena->cur;
	arena->cur += size;
	memset(p, 0, size);
	return p;
}

char *vc_arena_strndup(struct vc_arena *arena, const char *s, size_t len)
{
	char *p = vc_arena_alloc(arena, len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void vc_arena_reset(struct vc_arena *arena)
{
	struct vc_arena_chunk *keep = arena->chunks;
	if (!keep)
		return;
	struct vc_arena_chunk *chunk = keep->next;
	while (chunk) {
		struct vc_arena_chunk *next = chunk->next;
		free(chunk);
		chunk = next;
	}
	keep->next = NULL;
	arena->cur = (char *)keep->align;
	arena->end = arena->cur + keep->size;
}

void vc_arena_release(struct vc_arena *arena)
{
	struct vc_arena_chunk *chunk = arena->chunks;
	while (chunk) {
		struct vc_arena_chunk *next = chunk->next;
		free(chunk);
		chunk = next;
	}
	arena->chunks = NULL;
	arena->cur = arena->end = NULL;
	arena->chunk_size = 0;
}
