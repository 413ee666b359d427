/* SPDX-License-Identifier: GPL-2.0-or-later */
/* cmocka tests of jsondiff_first: where the first difference is and what it reports. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "jsondiff.h"

static json_t *parse(const char *text)
{
	json_error_t err;
	json_t *v = json_loads(text, JSON_DECODE_ANY, &err);

	if (!v)
		fail_msg("bad test JSON '%s': %s", text, err.text);
	return v;
}

/* Compare two JSON texts; return whether they differ and leave the result in *d. */
static bool differ(const char *a, const char *b, int flags, struct jsondiff *d)
{
	json_t *ja = parse(a), *jb = parse(b);
	bool r = jsondiff_first(ja, jb, flags, d);

	/* ja and jb stay alive (leaked) so that the caller can check d->left/right. */
	return r;
}

static void test_equal_values(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_false(differ("{\"a\":[1,{\"b\":\"x\"}],\"c\":null}",
			    "{\"a\":[1,{\"b\":\"x\"}],\"c\":null}", 0, &d));
	assert_false(differ("3", "3", 0, &d));
	assert_false(differ("[]", "[]", 0, &d));
}

static void test_nested_scalar_difference(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_true(differ(
		"{\"Description\":{\"Fields\":[{\"size\":1},{\"size\":2},{\"size\":4},{\"size\":4}]}}",
		"{\"Description\":{\"Fields\":[{\"size\":1},{\"size\":2},{\"size\":4},{\"size\":8}]}}",
		0, &d));
	assert_string_equal(d.path, ".Description.Fields[3].size");
	assert_int_equal(json_integer_value(d.left), 4);
	assert_int_equal(json_integer_value(d.right), 8);
	assert_false(d.key_order);
}

static void test_member_only_on_one_side(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_true(differ("{\"a\":1,\"Subsections\":[]}", "{\"a\":1}", 0, &d));
	assert_string_equal(d.path, ".Subsections");
	assert_non_null(d.left);
	assert_null(d.right);

	assert_true(differ("{\"a\":1}", "{\"a\":1,\"num\":3}", 0, &d));
	assert_string_equal(d.path, ".num");
	assert_null(d.left);
	assert_int_equal(json_integer_value(d.right), 3);
}

static void test_array_lengths(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_true(differ("[1,2,3]", "[1,2]", 0, &d));
	assert_string_equal(d.path, "[2]");
	assert_int_equal(json_integer_value(d.left), 3);
	assert_null(d.right);

	assert_true(differ("[1]", "[1,\"x\"]", 0, &d));
	assert_string_equal(d.path, "[1]");
	assert_null(d.left);
	assert_string_equal(json_string_value(d.right), "x");
}

static void test_type_difference(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_true(differ("{\"v\":1}", "{\"v\":\"1\"}", 0, &d));
	assert_string_equal(d.path, ".v");
	assert_true(json_is_integer(d.left));
	assert_true(json_is_string(d.right));
	/* An integer and a real of the same value are not the same JSON value. */
	assert_true(differ("1", "1.0", 0, &d));
	assert_string_equal(d.path, "");
	assert_true(differ("true", "false", 0, &d));
}

static void test_key_order(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_false(differ("{\"s\":{\"a\":1,\"b\":2}}", "{\"s\":{\"b\":2,\"a\":1}}", 0, &d));
	assert_true(differ("{\"s\":{\"a\":1,\"b\":2}}", "{\"s\":{\"b\":2,\"a\":1}}",
			   JSONDIFF_KEY_ORDER, &d));
	assert_string_equal(d.path, ".s");
	assert_true(d.key_order);
	/* A value difference is reported before an order difference of the same object. */
	assert_true(differ("{\"a\":1,\"b\":2}", "{\"b\":3,\"a\":1}", JSONDIFF_KEY_ORDER, &d));
	assert_string_equal(d.path, ".b");
	assert_false(d.key_order);
}

static void test_first_in_left_order(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_true(differ("{\"z\":1,\"a\":1}", "{\"a\":2,\"z\":2}", 0, &d));
	assert_string_equal(d.path, ".z");
}

static void test_quoted_keys(void **state)
{
	struct jsondiff d;
	(void)state;
	assert_true(differ("{\"a b\":{\"q\\\"x\":1}}", "{\"a b\":{\"q\\\"x\":2}}", 0, &d));
	assert_string_equal(d.path, "[\"a b\"][\"q\\\"x\"]");
	assert_true(differ("{\"0abc\":1}", "{\"0abc\":2}", 0, &d));
	assert_string_equal(d.path, "[\"0abc\"]");
	assert_true(differ("{\"pci-bridge.x\":1}", "{\"pci-bridge.x\":2}", 0, &d));
	assert_string_equal(d.path, "[\"pci-bridge.x\"]");
}

static void test_long_path_is_cut(void **state)
{
	struct jsondiff d;
	char a[8192], b[8192];
	const char *step = "{\"a_rather_long_member_name\":";
	size_t depth = 40, i;
	(void)state;

	a[0] = b[0] = '\0';
	for (i = 0; i < depth; i++) {
		strcat(a, step);
		strcat(b, step);
	}
	strcat(a, "1");
	strcat(b, "2");
	for (i = 0; i < depth; i++) {
		strcat(a, "}");
		strcat(b, "}");
	}
	assert_true(differ(a, b, 0, &d));
	assert_true(strlen(d.path) < JSONDIFF_PATH_MAX);
	assert_string_equal(d.path + strlen(d.path) - 3, "...");
	assert_int_equal(json_integer_value(d.left), 1);
	assert_int_equal(json_integer_value(d.right), 2);
}

static void test_null_inputs(void **state)
{
	struct jsondiff d;
	json_t *one = json_integer(1);
	(void)state;
	assert_false(jsondiff_first(NULL, NULL, 0, &d));
	assert_true(jsondiff_first(one, NULL, 0, &d));
	assert_ptr_equal(d.left, one);
	assert_null(d.right);
	json_decref(one);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_equal_values),
		cmocka_unit_test(test_nested_scalar_difference),
		cmocka_unit_test(test_member_only_on_one_side),
		cmocka_unit_test(test_array_lengths),
		cmocka_unit_test(test_type_difference),
		cmocka_unit_test(test_key_order),
		cmocka_unit_test(test_first_in_left_order),
		cmocka_unit_test(test_quoted_keys),
		cmocka_unit_test(test_long_path_is_cut),
		cmocka_unit_test(test_null_inputs),
	};
	return cmocka_run_group_tests_name("jsondiff", tests, NULL, NULL);
}
