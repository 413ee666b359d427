/* SPDX-License-Identifier: GPL-2.0-or-later */
/* checker/common/alloc: results, and the one out-of-memory path (message and status). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/common/alloc.h"
#include "../../checker/common/diag.h"
#include "child.h"

static void test_strings(void **state)
{
	(void)state;
	char *s = xasprintf("%s-%d", "abc", 42);
	assert_string_equal(s, "abc-42");
	free(s);
	s = xstrndup("abcdef", 3);
	assert_string_equal(s, "abc");
	free(s);
	s = xstrdup("");
	assert_string_equal(s, "");
	free(s);
}

static void test_grow(void **state)
{
	(void)state;
	int *a = NULL;
	size_t cap = 0;
	for (size_t i = 0; i < 1000; i++) {
		xgrow(&a, &cap, i + 1, sizeof(*a));
		a[i] = (int)i;
	}
	assert_true(cap >= 1000);
	for (size_t i = 0; i < 1000; i++)
		assert_int_equal(a[i], (int)i);
	free(a);
}

static void huge_malloc(void *arg)
{
	static const struct diag_exits exits = { 2, 3, 77 };
	(void)arg;
	diag_init("tool", &exits);
	void *p = xmalloc(SIZE_MAX / 2);
	(void)p;
}

static void overflowing_array(void *arg)
{
	static const struct diag_exits exits = { 2, 3, 77 };
	(void)arg;
	diag_init("tool", &exits);
	void *p = xreallocarray(NULL, SIZE_MAX / 4, 8);
	(void)p;
}

static void test_out_of_memory(void **state)
{
	(void)state;
	struct child_result r;
	run_child(huge_malloc, NULL, &r);
	assert_int_equal(r.status, 77);
	char want[128];
	snprintf(want, sizeof(want), "tool: error: out of memory (%zu bytes)\n", SIZE_MAX / 2);
	assert_string_equal(r.err, want);
	run_child(overflowing_array, NULL, &r);
	assert_int_equal(r.status, 77);
	assert_non_null(strstr(r.err, "tool: error: out of memory"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_out_of_memory),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
