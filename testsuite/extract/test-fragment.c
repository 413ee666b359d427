/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Fragment validation: what is accepted, and the one message each malformed fragment
 * gives (naming the input, the fragment and the place). */
#include "test-util.h"

static const char *const field_ok =
	"{\"name\": \"a\", \"loc\": \"a.c:7:2\", \"version_id\": 0, \"field_exists\": false,"
	" \"size\": 4, \"num\": 0, \"flags\": [\"VMS_SINGLE\", 4096],"
	" \"info\": \"vmstate_info_uint32\", \"vmsd\": null}";

/* Parses TEXT as fragment 2 of "prog" (or as fragment file "f.vmfrag.json" when
 * AS_FILE); returns stderr, asserting that it was rejected. */
static char *rejected(const char *text, bool as_file)
{
	struct fragment_origin origin = {
		.input = as_file ? "f.vmfrag.json" : "prog", .index = as_file ? -1 : 2,
		.offset = 100,
	};
	json_t *fragment;
	char *err;

	capture_begin();
	fragment = fragment_parse(&origin, text, strlen(text));
	err = capture_end();
	if (fragment)
		fail_msg("accepted: %s", text);
	assert_int_equal(strchr(err, '\n') - err + 1, (long)strlen(err)); /* one line */
	return err;
}

static void accepts_plugin_shape(void **state)
{
	char *fields = xasprintf("[%s, {\"unknown\": \"not constant\", \"loc\": \"a.c:9:1\"}]",
				 field_ok);
	char *vmsd = make_vmsd("vmstate_a", "static", "a.c:5:33", "\"a\"", 1, 1, fields,
			       "[\"vmstate_b\", {\"unknown\": \"x\", \"loc\": \"a.c:1:1\"}]");
	char *text = make_fragment("a.c", "0123456789abcdef", vmsd,
				   "{\"functions\": [{\"symbol\": \"f\", \"linkage\": \"static\","
				   " \"loc\": \"a.c:1:1\"}], \"data\": []}");
	json_t *fragment = parse_ok("prog", text);

	assert_int_equal(json_array_size(json_object_get(fragment, "vmstates")), 1);
	json_decref(fragment);
	free(text);
	free(vmsd);
	free(fields);
}

static void unknown_values_allowed_in_place(void **state)
{
	char *vmsd = make_vmsd("v", "global", "a.c:1:1",
			       "{\"unknown\": \"name\", \"loc\": \"a.c:2:2\"}", 1, 1,
			       "{\"unknown\": \"fields\", \"loc\": \"a.c:3:3\"}", "null");
	char *text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);

	json_decref(parse_ok("prog", text));
	free(text);
	free(vmsd);
}

static void truncated_embedded_fragment(void **state)
{
	char *text = make_fragment("../hw/x.c", "0123456789abcdef", "", NULL);
	char *err;

	text[strlen(text) - 20] = '\0';
	err = rejected(text, false);
	assert_contains(err, "prog: error: fragment 2 (unit ../hw/x.c): invalid JSON at byte");
	free(err);
	free(text);
}

static void truncated_before_source_names_offset(void **state)
{
	char *err = rejected("{\"vmstate-fragment\": 1, \"pro", false);

	assert_contains(err, "prog: error: fragment 2 (at byte 100 of section "
			".vmstate_fragment): invalid JSON at byte");
	free(err);
}

static void bad_json_in_file_has_line_and_column(void **state)
{
	char *err = rejected("{\n  \"vmstate-fragment\": 1,\n  \"unit\": [1 2]\n}", true);

	assert_contains(err, "f.vmfrag.json:3:14: error: invalid JSON: ");
	free(err);
}

static void not_a_fragment(void **state)
{
	char *err = rejected("{\"Name\": \"none\"}", true);

	assert_string_equal(err, "f.vmfrag.json: error: fragment: not a vmstate fragment "
			    "(no \"vmstate-fragment\" key)\n");
	free(err);
	err = rejected("[1]", false);
	assert_contains(err, "not a vmstate fragment (expected a JSON object, got an array)");
	free(err);
}

static void unknown_version(void **state)
{
	char *text0 = make_fragment("../hw/y.c", "0123456789abcdef", "", NULL);
	char *text = replace_once(text0, "\"vmstate-fragment\": 1", "\"vmstate-fragment\": 2");
	char *err;

	free(text0);
	err = rejected(text, false);
	assert_string_equal(err, "prog: error: fragment 2 (unit ../hw/y.c): unknown fragment "
			    "format version 2 (this vmstate-extract reads version 1)\n");
	free(err);
	free(text);
}

static void version_not_an_integer(void **state)
{
	char *err = rejected("{\"vmstate-fragment\": \"1\"}", false);

	assert_contains(err, "\"vmstate-fragment\" must be an integer version, got a string");
	free(err);
}

static void bad_unit_id(void **state)
{
	char *text = make_fragment("a.c", "0123456789ABCDEF", "", NULL);
	char *err = rejected(text, false);

	assert_contains(err, "fragment 2 (unit a.c): at unit.id: expected 16 lower-case hex "
			"digits, got \"0123456789ABCDEF\"");
	free(err);
	free(text);
}

static void missing_unit(void **state)
{
	char *err = rejected("{\"vmstate-fragment\": 1, \"vmstates\": []}", false);

	assert_contains(err, "at unit: missing (expected an object)");
	free(err);
}

static void wrong_field_type_names_path(void **state)
{
	char *field0 = make_field("\"a\"", "a.c:1:1", 0, 4, 0, "[]", "null");
	char *field = replace_once(field0, "\"size\": 4", "\"size\": \"4\"");
	char *fields, *vmsd, *text, *err;

	fields = xasprintf("[%s, %s]", field_ok, field);
	vmsd = make_vmsd("v", "static", "a.c:1:1", "\"v\"", 1, 1, fields, "null");
	text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);
	err = rejected(text, false);
	assert_string_equal(err, "prog: error: fragment 2 (unit a.c): at vmstates[0].fields[1]"
			    ".size: expected an integer or an unknown, got a string\n");
	free(err);
	free(text);
	free(vmsd);
	free(fields);
	free(field);
	free(field0);
}

static void bad_linkage(void **state)
{
	char *vmsd = make_vmsd("v", "weak", "a.c:1:1", "\"v\"", 1, 1, "null", "null");
	char *text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);
	char *err = rejected(text, false);

	assert_contains(err, "at vmstates[0].linkage: expected \"global\" or \"static\", "
			"got \"weak\"");
	free(err);
	free(text);
	free(vmsd);
}

static void real_number_rejected(void **state)
{
	char *vmsd0 = make_vmsd("v", "global", "a.c:1:1", "\"v\"", 1, 1, "null", "null");
	char *vmsd = replace_once(vmsd0, "\"minimum_version_id\": 1", "\"minimum_version_id\": 1.5");
	char *text, *err;

	free(vmsd0);
	text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);
	err = rejected(text, false);
	assert_contains(err, "at vmstates[0].minimum_version_id: expected an integer or an "
			"unknown, got a real number");
	free(err);
	free(text);
	free(vmsd);
}

/* An integer the member's C type cannot hold would wrap in the dump. */
static void integer_out_of_c_range(void **state)
{
	char *vmsd1 = make_vmsd("v", "global", "a.c:1:1", "\"v\"", 1, 1, "null", "null");
	char *vmsd0 = replace_once(vmsd1, "\"version_id\": 1", "\"version_id\": 2147483648");
	char *field0 = make_field("\"a\"", "a.c:1:1", 0, 4, 0, "[]", "null");
	char *field = replace_once(field0, "\"size\": 4", "\"size\": -1");
	char *fields = xasprintf("[%s]", field), *vmsd, *text, *err;

	text = make_fragment("a.c", "0123456789abcdef", vmsd0, NULL);
	err = rejected(text, false);
	assert_string_equal(err, "prog: error: fragment 2 (unit a.c): at vmstates[0].version_id: "
			    "2147483648 does not fit the member's C type int (-2147483648 to "
			    "2147483647)\n");
	free(err);
	free(text);
	vmsd = make_vmsd("v", "global", "a.c:1:1", "\"v\"", 1, 1, fields, "null");
	text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);
	err = rejected(text, false);
	assert_contains(err, "at vmstates[0].fields[0].size: -1 does not fit the member's C "
			"type size_t");
	free(err);
	free(text);
	free(vmsd);
	free(fields);
	free(field);
	free(field0);
	free(vmsd0);
	free(vmsd1);
}

static void malformed_unknown(void **state)
{
	char *vmsd = make_vmsd("v", "global", "a.c:1:1", "{\"unknown\": \"x\"}", 1, 1,
			       "null", "null");
	char *text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);
	char *err = rejected(text, false);

	assert_contains(err, "at vmstates[0].name.loc: expected a string (FILE:LINE:COL)");
	free(err);
	free(text);
	free(vmsd);
}

static void duplicate_key_rejected(void **state)
{
	char *err = rejected("{\"vmstate-fragment\": 1, \"vmstate-fragment\": 1}", false);

	assert_contains(err, "invalid JSON at byte");
	assert_contains(err, "duplicate object key");
	free(err);
}

static void subsection_must_be_reference(void **state)
{
	char *vmsd = make_vmsd("v", "global", "a.c:1:1", "\"v\"", 1, 1, "null", "[null]");
	char *text = make_fragment("a.c", "0123456789abcdef", vmsd, NULL);
	char *err = rejected(text, false);

	assert_contains(err, "at vmstates[0].subsections[0]: expected a string or an unknown, "
			"got null");
	free(err);
	free(text);
	free(vmsd);
}

static void qom_definitions_need_linkage(void **state)
{
	char *text = make_fragment("a.c", "0123456789abcdef", "",
				   "{\"data\": [{\"symbol\": \"t\", \"loc\": \"a.c:1:1\"}]}");
	char *err = rejected(text, false);

	assert_contains(err, "at qom.data[0].linkage: missing (expected a string)");
	free(err);
	free(text);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(accepts_plugin_shape),
		cmocka_unit_test(unknown_values_allowed_in_place),
		cmocka_unit_test(truncated_embedded_fragment),
		cmocka_unit_test(truncated_before_source_names_offset),
		cmocka_unit_test(bad_json_in_file_has_line_and_column),
		cmocka_unit_test(not_a_fragment),
		cmocka_unit_test(unknown_version),
		cmocka_unit_test(version_not_an_integer),
		cmocka_unit_test(bad_unit_id),
		cmocka_unit_test(missing_unit),
		cmocka_unit_test(wrong_field_type_names_path),
		cmocka_unit_test(bad_linkage),
		cmocka_unit_test(real_number_rejected),
		cmocka_unit_test(integer_out_of_c_range),
		cmocka_unit_test(malformed_unknown),
		cmocka_unit_test(duplicate_key_rejected),
		cmocka_unit_test(subsection_must_be_reference),
		cmocka_unit_test(qom_definitions_need_linkage),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
