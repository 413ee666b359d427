/* SPDX-License-Identifier: GPL-2.0-or-later */
/* checker/common/json_lex.  What a decoder accepts and yields is Python's json.loads
 * (the reference checker's reader; the values in the comments were checked with
 * Python 3.11, the surrogates encoded with "surrogatepass") and RFC 8259 for the strict
 * flags. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/common/json_lex.h"

/* Scans BODY (a C string holding the text after the opening quote). */
static enum jl_status scan(const char *body, struct jl_scan *sc)
{
	return jl_scan_string(body, body + strlen(body), sc);
}

static void test_scan(void **state)
{
	(void)state;
	struct jl_scan sc;
	const char *b = "abc\" tail";
	assert_int_equal(scan(b, &sc), JL_OK);
	assert_ptr_equal(sc.close, b + 3);
	assert_false(sc.escaped);
	b = "a\\\"b\"";
	assert_int_equal(scan(b, &sc), JL_OK);
	assert_ptr_equal(sc.close, b + 4);
	assert_true(sc.escaped);
	assert_int_equal(scan("abc", &sc), JL_UNTERMINATED);
	assert_int_equal(scan("abc\\", &sc), JL_UNTERMINATED);
	b = "a\x01\"";                        /* json.loads: Invalid control character */
	assert_int_equal(scan(b, &sc), JL_CONTROL);
	assert_ptr_equal(sc.error_at, b + 1);
	/* The same far from the start, past the 16- and 8-byte fast paths. */
	b = "0123456789abcdef0123456789abcdef012\t\"";
	assert_int_equal(scan(b, &sc), JL_CONTROL);
	assert_ptr_equal(sc.error_at, b + 35);
	assert_int_equal(scan("\xe2\x98\x83\"", &sc), JL_OK);          /* U+2603 */
	assert_int_equal(scan("\xf0\x9f\x98\x80\"", &sc), JL_OK);      /* U+1F600 */
	assert_int_equal(scan("\xc0\x80\"", &sc), JL_BAD_UTF8);        /* overlong NUL */
	assert_int_equal(scan("\xe0\x80\xaf\"", &sc), JL_BAD_UTF8);    /* overlong '/' */
	assert_int_equal(scan("\xed\xa0\x80\"", &sc), JL_BAD_UTF8);    /* encoded surrogate */
	assert_int_equal(scan("\xf4\x90\x80\x80\"", &sc), JL_BAD_UTF8);/* above U+10FFFF */
	assert_int_equal(scan("\xe2\x98\"", &sc), JL_BAD_UTF8);        /* cut short */
	b = "ok \xff\"";
	assert_int_equal(scan(b, &sc), JL_BAD_UTF8);
	assert_ptr_equal(sc.error_at, b + 3);
}

/* Unescapes BODY (up to its closing quote) with FLAGS; the result in OUT. */
static enum jl_status unescape(const char *body, unsigned flags, char *out, size_t *len,
			       const char **error_at)
{
	struct jl_scan sc;
	enum jl_status st = scan(body, &sc);
	if (st != JL_OK)
		return st;
	return jl_unescape(body, sc.close, flags, out, len, error_at);
}

static void test_unescape_python(void **state)
{
	(void)state;
	char out[64];
	size_t n;
	const char *at;
	assert_int_equal(unescape("a\\n\\t\\/\\\\\\\"\\b\\f\\r\"", 0, out, &n, &at), JL_OK);
	assert_int_equal(n, 9);
	assert_memory_equal(out, "a\n\t/\\\"\b\f\r", 9);
	/* '\ud83d\ude00' == '\U0001f600' */
	assert_int_equal(unescape("\\ud83d\\ude00\"", 0, out, &n, &at), JL_OK);
	assert_int_equal(n, 4);
	assert_memory_equal(out, "\xf0\x9f\x98\x80", 4);
	/* A lone surrogate stays one code point; a low before a high is two. */
	assert_int_equal(unescape("\\ud800x\"", 0, out, &n, &at), JL_OK);
	assert_int_equal(n, 4);
	assert_memory_equal(out, "\xed\xa0\x80x", 4);
	assert_int_equal(unescape("\\udc00\\ud800\"", 0, out, &n, &at), JL_OK);
	assert_int_equal(n, 6);
	assert_memory_equal(out, "\xed\xb0\x80\xed\xa0\x80", 6);
	/* '\u0000' is a NUL character in Python. */
	assert_int_equal(unescape("a\\u0000b\"", 0, out, &n, &at), JL_OK);
	assert_int_equal(n, 3);
	assert_memory_equal(out, "a\0b", 3);
	assert_int_equal(unescape("\\u00e9\\u2603\"", 0, out, &n, &at), JL_OK);
	assert_memory_equal(out, "\xc3\xa9\xe2\x98\x83", 5);
	const char *b = "ab\\q\"";                    /* Invalid \escape at the backslash */
	assert_int_equal(unescape(b, 0, out, &n, &at), JL_BAD_ESCAPE);
	assert_ptr_equal(at, b + 2);
	b = "\\u12\"";                                /* Invalid \uXXXX escape */
	assert_int_equal(unescape(b, 0, out, &n, &at), JL_BAD_U_ESCAPE);
	assert_ptr_equal(at, b);
	assert_int_equal(unescape("\\u12g4\"", 0, out, &n, &at), JL_BAD_U_ESCAPE);
}

static void test_unescape_strict(void **state)
{
	(void)state;
	char out[64];
	size_t n;
	const char *at;
	unsigned strict = JL_STRICT_SURROGATES | JL_NO_NUL;
	assert_int_equal(unescape("\\ud800x\"", strict, out, &n, &at), JL_LONE_HIGH_SURROGATE);
	assert_int_equal(unescape("\\udc00\"", strict, out, &n, &at), JL_LONE_LOW_SURROGATE);
	assert_int_equal(unescape("\\u0000\"", strict, out, &n, &at), JL_NUL);
	assert_int_equal(unescape("\\ud83d\\ude00\"", strict, out, &n, &at), JL_OK);
	assert_int_equal(n, 4);
}

static void test_pieces(void **state)
{
	(void)state;
	assert_int_equal(jl_hex4("00fF", "00fF" + 4), 0xff);
	assert_int_equal(jl_hex4("00f", "00f" + 3), -1);
	const unsigned char a[] = "a";
	assert_int_equal(jl_utf8_length(a, a + 1), 1);
	char out[4];
	assert_int_equal(jl_put_utf8(out, 0x10ffff), 4);
	assert_memory_equal(out, "\xf4\x8f\xbf\xbf", 4);
	assert_int_equal(jl_utf8_length((const unsigned char *)out, (const unsigned char *)out + 4), 4);
	assert_string_equal(jl_status_text(JL_CONTROL), "invalid control character in string");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_scan),
		cmocka_unit_test(test_unescape_python),
		cmocka_unit_test(test_unescape_strict),
		cmocka_unit_test(test_pieces),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
