/* SPDX-License-Identifier: GPL-2.0-or-later */
/* checker/common/strbuf: contents, binary data, growth, take, and that a format error is
 * reported, never dropped. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/common/diag.h"
#include "../../checker/common/strbuf.h"
#include "child.h"

static void test_contents(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	sb_puts(&sb, "ab");
	sb_putc(&sb, 'c');
	sb_add(&sb, "\0d", 2);
	sb_spaces(&sb, 3);
	sb_printf(&sb, "%d|%s", 7, "x");
	assert_int_equal(sb.len, 11);
	assert_memory_equal(sb.data, "abc\0d   7|x", 12);  /* with the NUL after it */
	sb_truncate(&sb, 2);
	assert_string_equal(sb.data, "ab");
	sb_release(&sb);
	assert_null(sb.data);
	assert_int_equal(sb.len, 0);
}

static void test_growth(void **state)
{
	(void)state;
	struct strbuf sb = STRBUF_INIT;
	for (int i = 0; i < 100000; i++)
		sb_printf(&sb, "%05d", i % 100000);
	assert_int_equal(sb.len, 500000);
	assert_memory_equal(sb.data + 5 * 12345, "12345", 5);
	char big[70000];
	memset(big, 'z', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	sb_printf(&sb, "%s", big);
	assert_int_equal(sb.len, 500000 + sizeof(big) - 1);
	char *taken = sb_take(&sb);
	assert_null(sb.data);
	assert_int_equal(taken[500000], 'z');
	free(taken);
	taken = sb_take(&sb);  /* an empty buffer gives an empty string */
	assert_string_equal(taken, "");
	free(taken);
}

static void bad_format(void *arg)
{
	static const struct diag_exits exits = { 2, 3, 9 };
	(void)arg;
	diag_init("tool", &exits);
	struct strbuf sb = STRBUF_INIT;
	/* A wide string that the C locale cannot encode: vsnprintf fails with EILSEQ. */
	sb_printf(&sb, "%ls", L"\x2603");
}

static void test_format_error_is_fatal(void **state)
{
	(void)state;
	struct child_result r;
	run_child(bad_format, NULL, &r);
	assert_int_equal(r.status, 9);
	assert_non_null(strstr(r.err, "tool: error: cannot format text"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contents),
		cmocka_unit_test(test_growth),
		cmocka_unit_test(test_format_error_is_fatal),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
