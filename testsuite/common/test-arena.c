/* SPDX-License-Identifier: GPL-2.0-or-later */
/* checker/common/arena: alignment, zeroing, big blocks, reset and release. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/common/arena.h"

#include <string.h>

static void test_alignment_and_zero(void **state)
{
	(void)state;
	struct arena a = { 0 };
	for (size_t size = 1; size < 300; size += 7) {
		unsigned char *p = arena_alloc(&a, size);
		assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
		for (size_t i = 0; i < size; i++)
			assert_int_equal(p[i], 0);
		memset(p, 0xff, size);
		void *q = arena_take(&a, size);
		assert_int_equal((uintptr_t)q % _Alignof(max_align_t), 0);
	}
	arena_release(&a);
}

static void test_big_blocks_keep_the_chunk(void **state)
{
	(void)state;
	struct arena a = { 0 };
	char *small = arena_alloc(&a, 16);
	char *big = arena_alloc(&a, 1 << 20);
	big[(1 << 20) - 1] = 1;
	char *next = arena_alloc(&a, 16);
	/* The big block had its own chunk: the next small one follows the first. */
	assert_ptr_equal(next, small + 16);
	char *s = arena_strndup(&a, "hello world", 5);
	assert_string_equal(s, "hello");
	arena_reset(&a);
	char *again = arena_alloc(&a, 16);
	assert_ptr_equal(again, small);
	arena_release(&a);
	assert_null(a.chunks);
	assert_non_null(arena_alloc(&a, 8));  /* usable after release */
	arena_release(&a);
}

static void test_many(void **state)
{
	(void)state;
	struct arena a = { 0 };
	int **v = arena_alloc(&a, 100000 * sizeof(*v));
	for (int i = 0; i < 100000; i++) {
		v[i] = arena_take(&a, sizeof(int));
		*v[i] = i;
	}
	for (int i = 0; i < 100000; i++)
		assert_int_equal(*v[i], i);
	arena_release(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alignment_and_zero),
		cmocka_unit_test(test_big_blocks_keep_the_chunk),
		cmocka_unit_test(test_many),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
