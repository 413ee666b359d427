/* SPDX-License-Identifier: GPL-2.0-or-later */
/* A bump allocator: many small objects that are freed all at once.
 *
 * Contract: allocation never fails (out of memory goes through diag_out_of_memory()).
 * Every block is aligned for any object (max_align_t).  Blocks live until
 * arena_reset() or arena_release(); there is no per-block free.  A zeroed struct is an
 * empty arena.  Chunks grow from 64 KiB to 4 MiB; a block larger than a quarter of the
 * next chunk gets a chunk of its own and leaves the current one's free tail in use. */
#ifndef VMSTATE_COMMON_ARENA_H
#define VMSTATE_COMMON_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *chunks;
	char *cur;
	char *end;
	size_t chunk_size;  /* of the next chunk; 0 before the first */
};

/* SIZE zeroed bytes. */
void *arena_alloc(struct arena *arena, size_t size);
/* SIZE bytes, not zeroed, with the common case (room in the current chunk) inline: for
 * callers that make millions of small objects and fill them whole. */
static inline void *arena_take(struct arena *arena, size_t size)
{
	size_t rounded = (size + _Alignof(max_align_t) - 1) & ~(size_t)(_Alignof(max_align_t) - 1);
	if (rounded >= size && (size_t)(arena->end - arena->cur) >= rounded) {
		void *p = arena->cur;
		arena->cur += rounded;
		return p;
	}
	return arena_alloc(arena, size);
}
/* A copy of the LEN bytes at S plus a NUL. */
char *arena_strndup(struct arena *arena, const char *s, size_t len);
/* Drops every block but keeps the newest chunk for reuse. */
void arena_reset(struct arena *arena);
/* Frees everything; the arena is empty (and usable) again. */
void arena_release(struct arena *arena);

#endif
