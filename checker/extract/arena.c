/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The parse-time arena for jansson values (see arena.h).  Chunks are never returned:
 * the values parsed from the fragments live as long as the program.  Each thread bumps
 * through its own chunk; the registry of chunks (to tell arena memory on free) is
 * shared, appended under a lock and read without one. */
#include <pthread.h>
#include <stdatomic.h>
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

/* 8 MiB each: far more than any program's fragments need. */
#define MAX_CHUNKS 65536

struct chunk {
	char *start, *end;
};

static struct chunk registry[MAX_CHUNKS];
static atomic_size_t registry_count;
static pthread_mutex_t registry_lock = PTHREAD_MUTEX_INITIALIZER;
static atomic_bool installed;

static _Thread_local char *next, *limit;
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
		size_t n;

		pthread_mutex_lock(&registry_lock);
		n = atomic_load_explicit(&registry_count, memory_order_relaxed);
		if (n == MAX_CHUNKS) {
			pthread_mutex_unlock(&registry_lock);
			return malloc(size);
		}
		next = new_chunk(chunk);
		limit = next + chunk;
		registry[n].start = next;
		registry[n].end = limit;
		atomic_store_explicit(&registry_count, n + 1, memory_order_release);
		pthread_mutex_unlock(&registry_lock);
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
	/* The first call is on the main thread, before any worker starts. */
	if (!atomic_load(&installed)) {
		json_set_alloc_funcs(arena_alloc, arena_free);
		atomic_store(&installed, true);
	}
	active = true;
}

void json_arena_end(void)
{
	active = false;
}
