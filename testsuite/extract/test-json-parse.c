/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Our JSON reader: the same values as jansson's own parser on valid text, and a
 * rejection with the right place on invalid text. */
#include "test-util.h"
#include "json_parse.h"

/* Parses TEXT with both parsers; they must agree on the value. */
static void same_as_jansson(const char *text)
{
	struct json_parse_error err;
	json_error_t jerr;
	json_t *ours = json_parse(text, strlen(text), &err);
	json_t *theirs = json_loads(text, JSON_DECODE_ANY | JSON_REJECT_DUPLICATES, &jerr);

	if (!ours)
		fail_msg("rejected %s: %s", text, err.text);
	if (!theirs)
		fail_msg("jansson rejects %s: %s", text, jerr.text);
	if (!json_equal(ours, theirs))
		fail_msg("different values for %s", text);
	json_decref(ours);
	json_decref(theirs);
}

/* TEXT (LEN bytes) must be rejected at byte POSITION, with MESSAGE in the text. */
static void rejected_at(const char *text, size_t len, size_t position, const char *message)
{
	struct json_parse_error err;
	json_t *v = json_parse(text, len, &err);

	if (v)
		fail_msg("accepted %.*s", (int)len, text);
	assert_contains(err.text, message);
	if (err.position != position)
		fail_msg("%.*s: error at %zu, expected %zu (%s)", (int)len, text, err.position,
			 position, err.text);
}

#define REJECTED(text, position, message) \
	rejected_at(text, sizeof(text) - 1, position, message)

static void values_like_jansson(void **state)
{
	static const char *const texts[] = {
		"{}", "[]", "0", "-0", "12345678901234", "-9223372036854775808",
		"9223372036854775807", "1.5", "-2.5e-3", "1E+2", "0.0", "true", "false", "null",
		"\"\"", "\"plain\"", "\"tab\\tnew\\nline\\r\\b\\f\\/\\\\\\\"\"",
		"\"\\u00e9\\u4e2d\\ud83d\\ude00\"", "\"caf\xc3\xa9 \xe4\xb8\xad \xf0\x9f\x98\x80\"",
		" \t\r\n{ \"a\" : [ 1 , 2 , { \"b\" : null } ] , \"c\" : \"d\" } \n",
		"{\"vmstate-fragment\":1,\"unit\":{\"source\":\"a.c\",\"id\":\"0123456789abcdef\"}}",
		"[[[[[[[[[[1]]]]]]]]]]",
		"{\"a\\u0062c\": 1, \"abd\": 2}",
	};
	size_t i;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		same_as_jansson(texts[i]);
}

static void bad_syntax(void **state)
{
	REJECTED("", 0, "premature end of input");
	REJECTED("   ", 3, "premature end of input");
	REJECTED("{", 1, "premature end of input (expected a string key)");
	REJECTED("{\"a\" 1}", 5, "unexpected '1' (expected ':')");
	REJECTED("{\"a\": 1,}", 8, "unexpected '}' (expected a string key)");
	REJECTED("[1 2]", 3, "unexpected '2' (expected ',' or ']')");
	REJECTED("[1,]", 3, "unexpected ']' (expected a value)");
	REJECTED("tru", 0, "expected a value");
	REJECTED("nul", 0, "expected a value");
	REJECTED("{} {}", 3, "expected the end of the input");
	REJECTED("'a'", 0, "unexpected ''' (expected a value)");
	REJECTED("01", 1, "expected the end of the input");
	REJECTED("-", 1, "premature end of input (expected a digit)");
	REJECTED("1.", 2, "expected a digit after '.'");
	REJECTED("1e", 2, "expected a digit in the exponent");
	REJECTED("+1", 0, "expected a value");
	REJECTED("99999999999999999999", 0, "too big integer");
}

static void bad_strings(void **state)
{
	REJECTED("\"abc", 4, "premature end of input in a string");
	REJECTED("\"a\\q\"", 2, "invalid escape '\\q'");
	REJECTED("\"a\\u12zz\"", 6, "invalid \\u escape");
	REJECTED("\"a\\u12\"", 4, "premature end of input in \\u escape");
	REJECTED("\"\\ude00\"", 1, "a lone low surrogate");
	REJECTED("\"\\ud83dx\"", 1, "a high surrogate without its low one");
	REJECTED("\"\\u0000\"", 1, "\\u0000 is not allowed");
	REJECTED("\"a\tb\"", 2, "control character 0x09");
	rejected_at("\"a\0b\"", 5, 2, "control character 0x00");
}

/* TEXT (a JSON string) reads as EXPECTED, with COUNT bytes replaced, the first at
 * FIRST. */
static void replaced(const char *text, const char *expected, size_t count, size_t first)
{
	struct json_parse_error err;
	json_t *v = json_parse(text, strlen(text), &err);

	if (!v)
		fail_msg("rejected %s: %s", text, err.text);
	assert_string_equal(json_string_value(v), expected);
	assert_int_equal(err.replaced, count);
	assert_int_equal(err.first_replaced, first);
	json_decref(v);
}

/* Bytes that are not UTF-8 (old or foreign fragments) lose nothing else: byte B becomes
 * U+EF00 + B, as the plugin writes it, counted for the warning. */
static void invalid_utf8_replaced(void **state)
{
	struct json_parse_error err;
	json_t *v;

	replaced("\"\xc3\"", "\xee\xbf\x83", 1, 1);
	replaced("\"\xc0\xaf\"", "\xee\xbf\x80\xee\xbe\xaf", 2, 1);           /* overlong */
	replaced("\"\xed\xa0\x80\"", "\xee\xbf\xad\xee\xbe\xa0\xee\xbe\x80", 3, 1);  /* a surrogate */
	replaced("\"\xf4\x90\x80\x80\"",
		 "\xee\xbf\xb4\xee\xbe\x90\xee\xbe\x80\xee\xbe\x80", 4, 1); /* past U+10FFFF */
	replaced("\"ok\\n\xff\"", "ok\n\xee\xbf\xbf", 1, 5);
	replaced("\"vmstate_\xff\xc3\xa9\"", "vmstate_\xee\xbf\xbf\xc3\xa9", 1, 9);
	/* In a key too, and the rest of the object is kept. */
	v = json_parse("{\"\xe9\": 1, \"b\": \"\xe9t\xe9\"}",
		       strlen("{\"\xe9\": 1, \"b\": \"\xe9t\xe9\"}"), &err);
	assert_non_null(v);
	assert_int_equal(err.replaced, 3);
	assert_int_equal(json_integer_value(json_object_get(v, "\xee\xbf\xa9")), 1);
	assert_string_equal(json_string_value(json_object_get(v, "b")),
			    "\xee\xbf\xa9t\xee\xbf\xa9");
	json_decref(v);
	/* Valid text replaces nothing. */
	v = json_parse("\"caf\xc3\xa9\"", 7, &err);
	assert_int_equal(err.replaced, 0);
	json_decref(v);
}

static void duplicate_keys(void **state)
{
	REJECTED("{\"a\": 1, \"b\": 2, \"a\": 3}", 17, "duplicate object key \"a\"");
	/* The same key spelled with an escape is the same key. */
	REJECTED("{\"ab\": 1, \"a\\u0062\": 2}", 10, "duplicate object key \"ab\"");
}

static void line_and_column(void **state)
{
	struct json_parse_error err;
	static const char text[] = "{\n  \"a\": 1,\n\t\"b\": ?\n}";

	assert_null(json_parse(text, sizeof(text) - 1, &err));
	assert_int_equal(err.line, 3);
	assert_int_equal(err.column, 7);
	assert_int_equal(err.position, 18);
}

static void nesting_limit(void **state)
{
	struct json_parse_error err;
	size_t depth = 3000, i;
	char *text = xmalloc(2 * depth + 1);
	json_t *v;

	for (i = 0; i < depth; i++) {
		text[i] = '[';
		text[2 * depth - 1 - i] = ']';
	}
	text[2 * depth] = '\0';
	assert_null(json_parse(text, 2 * depth, &err));
	assert_contains(err.text, "nesting deeper than 2048");
	/* 2048 levels are fine. */
	v = json_parse(text + depth - 2048, 2 * 2048, &err);
	assert_non_null(v);
	json_decref(v);
	free(text);
}

static void not_nul_terminated(void **state)
{
	struct json_parse_error err;
	/* Only LEN bytes are read: what follows them is not part of the input. */
	json_t *v = json_parse("[1, 2]garbage", 6, &err);

	assert_non_null(v);
	assert_int_equal(json_array_size(v), 2);
	json_decref(v);
	rejected_at("\"abc\"", 4, 4, "premature end of input in a string");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(values_like_jansson),
		cmocka_unit_test(bad_syntax),
		cmocka_unit_test(bad_strings),
		cmocka_unit_test(invalid_utf8_replaced),
		cmocka_unit_test(duplicate_keys),
		cmocka_unit_test(line_and_column),
		cmocka_unit_test(nesting_limit),
		cmocka_unit_test(not_nul_terminated),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
