/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of the JSON reader: Python's json.load values and limits, error places,
 * and agreement with jansson on every golden fixture jansson can read. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../checker/check/vc_fail.h"
#include "../../checker/check/vc_json.h"

static struct vc_strings strings;
static struct vc_doc docs[64];
static unsigned n_docs;
static char failure[2048];

static const struct vc_value *parse_n(const char *text, size_t len)
{
	failure[0] = '\0';
	struct vc_doc *doc = &docs[n_docs++ % 64];
	vc_doc_release(doc);
	jmp_buf on_error;
	vc_fail_target = &on_error;
	if (setjmp(on_error)) {
		snprintf(failure, sizeof(failure), "%s", vc_fail_message());
		vc_fail_target = NULL;
		return NULL;
	}
	vc_json_parse(doc, &strings, "t.json", text, len);
	vc_fail_target = NULL;
	return vc_root(doc);
}

static const struct vc_value *parse(const char *text)
{
	return parse_n(text, strlen(text));
}

static void duplicate_key_keeps_first_position_last_value(void **state)
{
	(void)state;
	const struct vc_value *v = parse("{\"a\": 1, \"b\": 2, \"a\": 3}");
	assert_non_null(v);
	uint32_t len;
	assert_int_equal(v->len, 2);
	assert_memory_equal(vc_member_key(v, 0, &len), "a", 1);
	assert_int_equal(vc_member_value(v, 0)->u.i, 3);
	assert_memory_equal(vc_member_key(v, 1, &len), "b", 1);
	/* The same with a hashed (large) object. */
	char big[4096];
	size_t n = (size_t)snprintf(big, sizeof(big), "{");
	for (int i = 0; i < 40; i++)
		n += (size_t)snprintf(big + n, sizeof(big) - n, "\"k%d\": %d, ", i, i);
	snprintf(big + n, sizeof(big) - n, "\"k0\": 99}");
	v = parse(big);
	assert_int_equal(v->len, 40);
	assert_int_equal(vc_member_value(v, 0)->u.i, 99);
	assert_int_equal(vc_dict_gets(v, "k39")->u.i, 39);
	assert_null(vc_dict_gets(v, "k40"));
}

static void python_number_forms(void **state)
{
	(void)state;
	const struct vc_value *v = parse("[NaN, Infinity, -Infinity, 1e400, -0, -0.0, 1E2, "
					 "9223372036854775807, -9223372036854775808, 9223372036854775808]");
	assert_non_null(v);
	assert_true(isnan(vc_item(v, 0)->u.f));
	assert_true(isinf(vc_item(v, 1)->u.f) && vc_item(v, 1)->u.f > 0);
	assert_true(isinf(vc_item(v, 2)->u.f) && vc_item(v, 2)->u.f < 0);
	assert_true(isinf(vc_item(v, 3)->u.f));
	assert_int_equal(vc_item(v, 4)->kind, VC_INT);
	assert_int_equal(vc_item(v, 4)->u.i, 0);
	assert_int_equal(vc_item(v, 5)->kind, VC_FLOAT);
	assert_true(signbit(vc_item(v, 5)->u.f));
	assert_int_equal(vc_item(v, 6)->kind, VC_FLOAT);
	assert_int_equal(vc_item(v, 7)->u.i, INT64_MAX);
	assert_int_equal(vc_item(v, 8)->u.i, INT64_MIN);
	assert_int_equal(vc_item(v, 9)->kind, VC_BIGINT);
	assert_int_equal(vc_item(v, 9)->len, 19);
	assert_null(parse("[nan]"));
	assert_null(parse("[-Inf]"));
	assert_null(parse("[01]"));
	assert_null(parse("[1.]"));
	assert_null(parse("[.5]"));
}

static void integer_digit_limit(void **state)
{
	(void)state;
	static char text[5000];
	text[0] = '-';
	memset(text + 1, '7', 4300);
	text[4301] = '\0';
	const struct vc_value *v = parse(text);
	assert_non_null(v);
	assert_int_equal(v->kind, VC_BIGINT);
	assert_true(v->negative);
	assert_int_equal(v->len, 4300);
	memset(text + 1, '7', 4301);
	text[4302] = '\0';
	assert_null(parse(text));
	assert_string_equal(failure, "t.json:1:1: error: integer with more than 4300 digits "
			    "(Python refuses to convert it)");
}

static void string_escapes_as_python(void **state)
{
	(void)state;
	const struct vc_value *v = parse("[\"\\ud83d\\ude00\", \"\\ud800x\", \"a\\u0000b\", \"\\/\\\"\\\\\\b\\f\\n\\r\\t\", \"\\udc80\\ud800\"]");
	assert_non_null(v);
	assert_int_equal(vc_item(v, 0)->len, 4);
	assert_memory_equal(vc_item(v, 0)->u.s, "\xf0\x9f\x98\x80", 4);
	assert_int_equal(vc_item(v, 1)->len, 4);
	assert_memory_equal(vc_item(v, 1)->u.s, "\xed\xa0\x80x", 4);
	assert_int_equal(vc_item(v, 2)->len, 3);
	assert_memory_equal(vc_item(v, 2)->u.s, "a\0b", 3);
	assert_memory_equal(vc_item(v, 3)->u.s, "/\"\\\b\f\n\r\t", 8);
	/* A low surrogate before a high one does not pair. */
	assert_int_equal(vc_item(v, 4)->len, 6);
}

static void errors_name_line_and_column(void **state)
{
	(void)state;
	assert_null(parse("{\n  \"a\": [1,\n  2,,]\n}"));
	assert_string_equal(failure, "t.json:3:5: error: expecting value");
	assert_null(parse("{\"\xc3\xa9\xc3\xa9\": tru}"));
	assert_string_equal(failure, "t.json:1:8: error: expecting value");
	assert_null(parse_n("", 0));
	assert_string_equal(failure, "t.json:1:1: error: expecting value");
	assert_null(parse("\"\xc0\x80\""));
	assert_string_equal(failure, "t.json:1:2: error: invalid UTF-8 byte");
	assert_null(parse("{} x"));
	assert_string_equal(failure, "t.json:1:4: error: extra data after the JSON value");
}

static void nesting_limit(void **state)
{
	(void)state;
	static char text[2 * 1000 + 1];
	memset(text, '[', VC_JSON_MAX_DEPTH);
	memset(text + VC_JSON_MAX_DEPTH, ']', VC_JSON_MAX_DEPTH);
	text[2 * VC_JSON_MAX_DEPTH] = '\0';
	assert_non_null(parse(text));
	memset(text, '[', VC_JSON_MAX_DEPTH + 1);
	memset(text + VC_JSON_MAX_DEPTH + 1, ']', VC_JSON_MAX_DEPTH + 1);
	text[2 * VC_JSON_MAX_DEPTH + 2] = '\0';
	assert_null(parse(text));
}

static void parents_give_paths(void **state)
{
	(void)state;
	const struct vc_value *v = parse("{\"a\": {\"b\\\"\": [0, {\"c\": 1}]}}");
	const struct vc_value *c = vc_dict_gets(vc_item(vc_dict_get(vc_dict_gets(v, "a"), "b\"", 2), 1), "c");
	char path[256];
	vc_value_path(c, path, sizeof(path));
	assert_string_equal(path, "\"a\".\"b\\\"\"[1].\"c\"");
	assert_string_equal(vc_value_file(c), "t.json");
}

/* Same tree as jansson's, member order included. */
static void assert_same_tree(const struct vc_value *v, json_t *j)
{
	switch (v->kind) {
	case VC_NULL: assert_true(json_is_null(j)); break;
	case VC_BOOL: assert_true(json_is_boolean(j)); assert_int_equal(v->boolean, json_is_true(j)); break;
	case VC_INT: assert_true(json_is_integer(j)); assert_true(v->u.i == json_integer_value(j)); break;
	case VC_FLOAT: assert_true(json_is_real(j)); assert_true(v->u.f == json_real_value(j)); break;
	case VC_STR:
		assert_true(json_is_string(j));
		assert_int_equal(v->len, json_string_length(j));
		assert_memory_equal(v->u.s, json_string_value(j), v->len);
		break;
	case VC_LIST:
		assert_true(json_is_array(j));
		assert_int_equal(v->len, json_array_size(j));
		for (uint32_t i = 0; i < v->len; i++)
			assert_same_tree(vc_item(v, i), json_array_get(j, i));
		break;
	case VC_DICT: {
		assert_true(json_is_object(j));
		assert_int_equal(v->len, json_object_size(j));
		uint32_t i = 0;
		const char *key;
		json_t *value;
		json_object_foreach(j, key, value) {
			uint32_t len;
			const char *ours = vc_member_key(v, i, &len);
			assert_int_equal(len, strlen(key));
			assert_memory_equal(ours, key, len);
			assert_same_tree(vc_member_value(v, i), value);
			i++;
		}
		break;
	}
	default: fail();
	}
}

static void agrees_with_jansson_on_fixtures(void **state)
{
	(void)state;
	const char *base = "testsuite/check/golden";
	DIR *dir = opendir(base);
	assert_non_null(dir);
	int compared = 0;
	struct dirent *e;
	while ((e = readdir(dir))) {
		if (e->d_name[0] == '.')
			continue;
		for (int side = 0; side < 2; side++) {
			char path[512];
			snprintf(path, sizeof(path), "%s/%s/%s", base, e->d_name, side ? "dest.json" : "src.json");
			json_error_t err;
			json_t *j = json_load_file(path, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
			if (!j)
				continue;  /* Python-only forms (NaN, big ints, lone surrogates) */
			FILE *f = fopen(path, "rb");
			assert_non_null(f);
			static char text[1 << 20];
			size_t n = fread(text, 1, sizeof(text), f);
			fclose(f);
			const struct vc_value *v = parse_n(text, n);
			assert_non_null(v);
			assert_same_tree(v, j);
			json_decref(j);
			compared++;
		}
	}
	closedir(dir);
	assert_true(compared >= 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(duplicate_key_keeps_first_position_last_value),
		cmocka_unit_test(python_number_forms),
		cmocka_unit_test(integer_digit_limit),
		cmocka_unit_test(string_escapes_as_python),
		cmocka_unit_test(errors_name_line_and_column),
		cmocka_unit_test(nesting_limit),
		cmocka_unit_test(parents_give_paths),
		cmocka_unit_test(agrees_with_jansson_on_fixtures),
	};
	int failed = cmocka_run_group_tests_name("vmstate-check JSON reader", tests, NULL, NULL);
	for (unsigned i = 0; i < 64; i++)
		vc_doc_release(&docs[i]);
	vc_strings_release(&strings);
	vc_views_reset();
	return failed;
}
