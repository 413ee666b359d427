/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Bump allocator: a parsed document is thousands of small nodes freed all at once. */
#ifndef VC_ARENA_H
#define VC_ARENA_H

#include <stddef.h>

struct vc_arena_chunk;

struct vc_arena {
	struct vc_arena_chunk *chunks;
	char *cur;
	char *end;
	size_t chunk_size;  /* of the next chunk; 0 before the first */
};

/* Zeroed storage for SIZE bytes, aligned for any object; fails (vc_fail) when out of
 * memory, so it never returns NULL. */
void *vc_arena_alloc(struct vc_arena *arena, size_t size);
/* The same, not zeroed, with the common case (room in the current chunk) inline: for
 * callers that make millions of small objects and fill them whole. */
static inline void *vc_arena_take(struct vc_arena *arena, size_t size)
{
	size = (size + _Alignof(max_align_t) - 1) & ~(size_t)(_Alignof(max_align_t) - 1);
	if ((size_t)(arena->end - arena->cur) >= size) {
		void *p = arena->cur;
		arena->cur += size;
		return p;
	}
	return vc_arena_alloc(arena, size);
}
/* Copy of LEN bytes plus a terminating NUL. */
char *vc_arena_strndup(struct vc_arena *arena, const char *s, size_t len);
/* Drops everything allocated but keeps the newest chunk for reuse. */
void vc_arena_reset(struct vc_arena *arena);
void vc_arena_release(struct vc_arena *arena);

#endif
