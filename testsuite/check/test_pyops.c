/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the Python operations on values: each expectation is what Python 3
 * evaluates for the same expression (noted beside it). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../checker/check/vc_fail.h"
#include "../../checker/check/vc_json.h"
#include "../../checker/check/vc_pyops.h"
#include "../../checker/check/vc_pystr.h"

static struct vc_strings strings;
static struct vc_doc docs[256];
static unsigned n_docs;
static struct arena arena;  /* unused by the operations: computed values are views */

static const struct vc_value *val(const char *text)
{
	struct vc_doc *doc = &docs[n_docs++ % 256];
	vc_doc_release(doc);
	jmp_buf on_error;
	vc_fail_target = &on_error;
	if (setjmp(on_error))
		fail_msg("%s", vc_fail_message());
	vc_json_parse(doc, &strings, "t.json", text, strlen(text));
	vc_fail_target = NULL;
	return vc_root(doc);
}

static bool raises(int (*op)(const struct vc_value *, const struct vc_value *),
		   const struct vc_value *a, const struct vc_value *b)
{
	jmp_buf on_error;
	vc_fail_target = &on_error;
	if (setjmp(on_error)) {
		vc_fail_target = NULL;
		return true;
	}
	op(a, b);
	vc_fail_target = NULL;
	return false;
}

static int op_lt(const struct vc_value *a, const struct vc_value *b) { return vc_lt(a, b); }
static int op_mul(const struct vc_value *a, const struct vc_value *b) { return vc_mul(&arena, a, b) != NULL; }
static int op_sub(const struct vc_value *a, const struct vc_value *b) { return vc_sub(&arena, a, b) != NULL; }

static void equality(void **state)
{
	(void)state;
	assert_true(vc_eq(val("1"), val("1.0")));            /* 1 == 1.0 */
	assert_true(vc_eq(val("true"), val("1")));           /* True == 1 */
	assert_false(vc_eq(val("NaN"), val("NaN")));         /* nan == nan is False */
	assert_true(vc_eq(val("[NaN]"), val("[NaN]")));      /* one NaN object: identity */
	assert_true(vc_eq(val("{\"a\": [1, {\"b\": null}]}"), val("{\"a\": [1.0, {\"b\": null}]}")));
	assert_false(vc_eq(val("\"1\""), val("1")));
	assert_true(vc_eq(val("9007199254740993"), val("9007199254740993")));
	assert_false(vc_eq(val("9007199254740993"), val("9007199254740992.0")));
	assert_true(vc_eq(val("123456789012345678901234567890"), val("123456789012345678901234567890")));
	assert_false(vc_eq(val("{\"a\": 1}"), val("{\"a\": 1, \"b\": 2}")));
}

static void ordering(void **state)
{
	(void)state;
	assert_true(vc_lt(val("false"), val("true")));
	assert_true(vc_lt(val("9007199254740992.0"), val("9007199254740993")));
	assert_true(vc_lt(val("-1e400"), val("-99999999999999999999999999")));
	assert_false(vc_lt(val("NaN"), val("1")));
	assert_false(vc_lt(val("1"), val("NaN")));
	assert_true(vc_lt(val("\"a\""), val("\"b\"")));
	assert_true(vc_lt(val("\"\\uffff\""), val("\"\\ud83d\\ude00\"")));  /* code point order */
	assert_true(vc_lt(val("[1, 2]"), val("[1, 2, 0]")));
	assert_true(vc_lt(val("[1, \"a\"]"), val("[2, 0]")));
	assert_true(raises(op_lt, val("null"), val("null")));
	assert_true(raises(op_lt, val("\"1\""), val("1")));
	assert_true(raises(op_lt, val("{}"), val("{}")));
	assert_true(raises(op_lt, val("[1]"), val("[\"a\"]")));
}

static void arithmetic(void **state)
{
	(void)state;
	/* 99999999999999999999 * 99999999999999999999 - 1 */
	const struct vc_value *p = vc_mul(&arena, val("99999999999999999999"), val("99999999999999999999"));
	assert_true(vc_eq(vc_sub(&arena, p, val("1")), val("9999999999999999999800000000000000000000")));
	assert_true(vc_eq(vc_mul(&arena, val("9223372036854775807"), val("2")), val("18446744073709551614")));
	assert_true(vc_eq(vc_sub(&arena, val("-9223372036854775808"), val("1")), val("-9223372036854775809")));
	assert_true(vc_eq(vc_mul(&arena, val("2.5"), val("2")), val("5")));
	assert_true(vc_eq(vc_mul(&arena, val("\"ab\""), val("3")), val("\"ababab\"")));
	assert_true(vc_eq(vc_mul(&arena, val("2"), val("[1, NaN]")), val("[1, NaN, 1, NaN]")));
	assert_true(vc_eq(vc_mul(&arena, val("\"ab\""), val("-3")), val("\"\"")));
	assert_true(vc_eq(vc_mul(&arena, val("true"), val("true")), val("1")));
	assert_true(raises(op_mul, val("\"ab\""), val("1.0")));
	assert_true(raises(op_mul, val("\"ab\""), val("\"c\"")));
	assert_true(raises(op_mul, val("null"), val("1")));
	assert_true(raises(op_mul, val("\"ab\""), val("99999999999999999999")));
	assert_true(raises(op_sub, val("\"ab\""), val("\"a\"")));
	assert_true(raises(op_mul, val("1.5"), val("1" "000000000000000000000000000000000000000000000000000000000000"
					   "000000000000000000000000000000000000000000000000000000000000"
					   "000000000000000000000000000000000000000000000000000000000000"
					   "000000000000000000000000000000000000000000000000000000000000"
					   "000000000000000000000000000000000000000000000000000000000000"
					   "0000000000000000000000000")));
}

static void truthiness(void **state)
{
	(void)state;
	assert_false(vc_truthy(val("\"\"")));
	assert_false(vc_truthy(val("0")));
	assert_false(vc_truthy(val("-0.0")));
	assert_false(vc_truthy(val("[]")));
	assert_false(vc_truthy(val("{}")));
	assert_false(vc_truthy(val("null")));
	assert_true(vc_truthy(val("NaN")));
	assert_true(vc_truthy(val("\"0\"")));
}

static void expect_str(const char *json, const char *text)
{
	struct strbuf out = { 0 };
	sb_puts(&out, "");
	vc_py_str(&out, val(json));
	assert_string_equal(out.data, text);
	sb_release(&out);
}

static void text_forms(void **state)
{
	(void)state;
	expect_str("1.5", "1.5");                         /* str(1.5) */
	expect_str("1e16", "1e+16");
	expect_str("1e15", "1000000000000000.0");
	expect_str("0.0001", "0.0001");
	expect_str("0.00001", "1e-05");
	expect_str("-0.0", "-0.0");
	expect_str("0.1", "0.1");
	expect_str("123456789012345678.0", "1.2345678901234568e+17");
	expect_str("5e-324", "5e-324");
	expect_str("1e400", "inf");
	expect_str("NaN", "nan");
	expect_str("true", "True");
	expect_str("null", "None");
	expect_str("\"it's\"", "it's");
	expect_str("[\"it's\", \"a\\\"b\", \"both'\\\"\", \"\\n\\u0001\\u007f\\u0085\\u00e9\\u2028\\ud800\"]",
		   "[\"it's\", 'a\"b', 'both\\'\"', '\\n\\x01\\x7f\\x85\xc3\xa9\\u2028\\ud800']");
	expect_str("{\"k\": [1, 2.0, {}], \"\\ud83d\\ude00\": \"\\udb40\\udc01\"}",
		   "{'k': [1, 2.0, {}], '\xf0\x9f\x98\x80': '\\U000e0001'}");
	expect_str("\"\\udc80\\udcff\"", "\x80\xff");     /* surrogateescape */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(equality),
		cmocka_unit_test(ordering),
		cmocka_unit_test(arithmetic),
		cmocka_unit_test(truthiness),
		cmocka_unit_test(text_forms),
	};
	int failed = cmocka_run_group_tests_name("vmstate-check Python semantics", tests, NULL, NULL);
	for (unsigned i = 0; i < 256; i++)
		vc_doc_release(&docs[i]);
	vc_strings_release(&strings);
	vc_views_reset();
	return failed;
}
