/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Unit tests of vmstate-check's rules: one small dump pair per rule, checked for the
 * exact report text and problem count (the same texts the golden tests pin against the
 * reference script). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "../../checker/check/rules.h"
#include "../../checker/check/shape.h"
#include "../../checker/check/vc_fail.h"
#include "../../checker/check/vc_json.h"

static struct vc_strings strings;
static struct vc_doc src, dest;
static struct strbuf out;
static char failure[2048];

/* Runs the checker on two JSON texts; returns the count, or -1 with FAILURE set. */
static int check(const char *src_text, const char *dest_text)
{
	vc_doc_release(&src);
	vc_doc_release(&dest);
	vc_strings_release(&strings);
	sb_release(&out);
	sb_puts(&out, "");
	failure[0] = '\0';
	jmp_buf on_error;
	vc_fail_target = &on_error;
	if (setjmp(on_error)) {
		snprintf(failure, sizeof(failure), "%s", vc_fail_message());
		vc_fail_target = NULL;
		return -1;
	}
	vc_json_parse(&src, &strings, "src.json", src_text, strlen(src_text));
	vc_json_parse(&dest, &strings, "dest.json", dest_text, strlen(dest_text));
	vmc_require_dump_shape(&src);
	vmc_require_dump_shape(&dest);
	struct vmc_run run = { .out = &out };
	int n = vmc_compare_dumps(&run, &src, &dest);
	vc_fail_target = NULL;
	return n;
}

#define EXPECT(src, dest, count, text)                  \
	do {                                            \
		int n_ = check(src, dest);              \
		assert_string_equal(failure, "");       \
		assert_int_equal(n_, count);            \
		assert_string_equal(out.data, text);    \
	} while (0)

/* A section with one description holding FIELDS (JSON text). */
#define SEC(name, ver, min, desc) \
	"\"" name "\": {\"Name\": \"" name "\", \"version_id\": " #ver ", \"minimum_version_id\": " #min \
	", \"Description\": " desc "}"
#define DESC(name, ver, min, fields) \
	"{\"name\": \"" name "\", \"version_id\": " #ver ", \"minimum_version_id\": " #min \
	", \"Fields\": [" fields "]}"
#define FLD(name, size) "{\"field\": \"" name "\", \"version_id\": 0, \"field_exists\": false, \"size\": " #size "}"

static void section_missing_in_dest(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("a", 1, 1, FLD("x", 1))) "}", "{}", 1,
	       "Section \"a\" does not exist in dest\n");
}

static void section_renamed_both_ways(void **state)
{
	(void)state;
	EXPECT("{" SEC("ICH9 LPC", 1, 1, DESC("d", 1, 1, "")) ", " SEC("e1000", 1, 1, DESC("d", 1, 1, "")) "}",
	       "{" SEC("ICH9-LPC", 1, 1, DESC("d", 1, 1, "")) ", " SEC("e1000-82540em", 1, 1, DESC("d", 1, 1, "")) "}",
	       0, "");
}

static void machine_type_warning_not_counted(void **state)
{
	(void)state;
	EXPECT("{\"vmschkmachine\": {\"Name\": \"pc-1\"}}", "{\"vmschkmachine\": {\"Name\": \"pc-2\"}}", 0,
	       "Warning: checking incompatible machine types: \"pc-1\", \"pc-2\"\n");
}

static void section_version_error(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 2, 1, DESC("a", 1, 1, "")) "}", "{" SEC("a", 1, 1, DESC("a", 1, 1, "")) "}", 1,
	       "Section \"a\" version error: 2 > 1\n");
}

static void section_minimum_version_prefix_dangles(void **state)
{
	(void)state;
	/* Quirk: the prefix is printed without newline or count; the next message follows. */
	EXPECT("{" SEC("a", 1, 1, DESC("a", 1, 1, "")) ", " SEC("b", 1, 1, DESC("b", 2, 1, "")) "}",
	       "{" SEC("a", 3, 2, DESC("a", 1, 1, "")) ", " SEC("b", 1, 1, DESC("b", 1, 1, "")) "}", 1,
	       "Section \"a\" Section \"b\" Description \"b\": version error: 2 > 1\n");
}

static void description_minimum_version_error(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, "")) "}", "{" SEC("a", 1, 1, DESC("d", 3, 2, "")) "}", 1,
	       "Section \"a\" Description \"d\": minimum version error: 1 < 2\n");
}

static void section_entry_missing(void **state)
{
	(void)state;
	EXPECT("{\"a\": {\"version_id\": 1, \"Description\": {}}}", "{\"a\": {\"version_id\": 1}}", 1,
	       "Section \"a\": Entry \"Description\" missing\n");
}

static void description_renamed(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, "")) "}", "{" SEC("a", 1, 1, DESC("e", 1, 1, "")) "}", 1,
	       "Section \"a\": Description \"d\" missing, got \"e\" instead; skipping\n");
}

static void description_entry_missing(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, "")) "}",
	       "{" SEC("a", 1, 1, "{\"name\": \"d\", \"version_id\": 1, \"minimum_version_id\": 1}") "}", 1,
	       "Section \"a\" Description \"d\": Entry \"Fields\" missing\n");
}

static void dest_has_no_further_fields(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 1) ", " FLD("y", 1))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 1))) "}", 1,
	       "Section \"a\", Description \"d\": expected field \"y\", while dest has no further fields\n");
}

static void field_renamed_is_an_error_outside_the_table(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 1) ", " FLD("y", 1))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("z", 1) ", " FLD("y", 2))) "}", 1,
	       "Section \"a\", Description \"d\": expected field \"x\", got \"z\"; skipping rest\n");
}

static void field_renamed_in_the_table(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("PIIX3", 1, 1, FLD("pci_irq_levels", 4))) "}",
	       "{" SEC("a", 1, 1, DESC("PIIX3", 1, 1, FLD("pci_irq_levels_vmstate", 2))) "}", 1,
	       "Section \"a\" Description \"PIIX3\" Field \"pci_irq_levels\" size mismatch: 4 , 2\n");
}

static void field_version_error(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, "{\"field\": \"x\", \"version_id\": 5, \"size\": 1}")) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, "{\"field\": \"x\", \"version_id\": 4, \"size\": 1}")) "}", 1,
	       "Section \"a\" Description \"d\": version error: 5 > 4\n");
}

static void size_mismatch_names_field(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 4))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 8))) "}", 1,
	       "Section \"a\" Description \"d\" Field \"x\" size mismatch: 4 , 8\n");
}

static void size_mismatch_drops_empty_names(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("", 1, 1, FLD("", 4))) "}",
	       "{" SEC("a", 1, 1, DESC("", 1, 1, FLD("", 8))) "}", 1,
	       "Section \"a\" size mismatch: 4 , 8\n");
}

static void substruct_added_in_dest(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("s.a", 4) ", " FLD("s.b", 4) ", " FLD("t", 1))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1,
			"{\"field\": \"s\", \"version_id\": 0, \"size\": 8, \"Description\": "
			DESC("S", 1, 1, FLD("s.a", 4) ", " FLD("s.b", 2)) "}, " FLD("t", 1))) "}", 1,
	       "Section \"a\" Description \"d\" Field \"s.b\" size mismatch: 4 , 2\n");
}

static void substruct_removed_in_dest(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1,
			"{\"field\": \"s\", \"version_id\": 0, \"size\": 8, \"Description\": "
			DESC("S", 1, 1, FLD("s.a", 4) ", " FLD("s.b", 4)) "}, " FLD("t", 1))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("s.a", 4) ", " FLD("s.b", 4) ", " FLD("t", 2))) "}", 1,
	       "Section \"a\" Description \"d\" Field \"t\" size mismatch: 1 , 2\n");
}

static void unused_in_dest_covers_fields(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 4) ", " FLD("y", 4) ", " FLD("t", 1))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("unused", 8) ", " FLD("t", 1))) "}", 0, "");
}

static void unused_in_src_counts_size_times_num(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1,
			"{\"field\": \"unused\", \"version_id\": 0, \"num\": 4, \"size\": 2}, " FLD("t", 1))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 4) ", " FLD("y", 4) ", " FLD("t", 1))) "}", 0, "");
}

static void unused_size_mismatch(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 4) ", " FLD("y", 8))) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("unused", 8))) "}", 1,
	       "Section \"a\", Description \"d\": unused size mismatch near \" y\"\n");
}

static void field_missing_description(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, DESC("d", 1, 1,
			"{\"field\": \"s\", \"version_id\": 0, \"size\": 8, \"Description\": " DESC("S", 1, 1, "") "}")) "}",
	       "{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("s", 8))) "}", 1,
	       "Section \"a\", Description \"d\", Field \"s\": missing description\n");
}

static void subsection_not_found(void **state)
{
	(void)state;
	EXPECT("{" SEC("a", 1, 1, "{\"name\": \"d\", \"version_id\": 1, \"Subsections\": [" DESC("d/s", 1, 1, "") "]}") "}",
	       "{" SEC("a", 1, 1, "{\"name\": \"d\", \"version_id\": 1, \"Subsections\": []}") "}", 1,
	       "Section \"a\", Description \"d\": Subsection \"d/s\" not found\n");
}

static void count_capped_at_255(void **state)
{
	(void)state;
	static char text[300 * 40];
	size_t n = 0;
	n += (size_t)snprintf(text + n, sizeof(text) - n, "{");
	for (int i = 0; i < 300; i++)
		n += (size_t)snprintf(text + n, sizeof(text) - n, "%s\"s%d\": {}", i ? ", " : "", i);
	snprintf(text + n, sizeof(text) - n, "}");
	assert_int_equal(check(text, "{}"), 255);
	assert_non_null(strstr(out.data, "Section \"s299\" does not exist in dest\n"));
}

static void wrong_type_fails_with_place(void **state)
{
	(void)state;
	assert_int_equal(check("{\"a\": {\"version_id\": \"1\"}}", "{\"a\": {\"version_id\": 1}}"), -1);
	assert_string_equal(failure, "dest.json: error: \"a\".\"version_id\": cannot order 'int' and 'str' "
			    "(src.json: \"a\".\"version_id\")");
}

static void missing_key_fails_with_path(void **state)
{
	(void)state;
	assert_int_equal(check("{" SEC("a", 1, 1, DESC("d", 1, 1, FLD("x", 1))) "}",
			       "{" SEC("a", 1, 1, DESC("d", 1, 1, "{\"field\": \"x\", \"version_id\": 0}")) "}"), -1);
	assert_string_equal(failure, "dest.json: error: \"a\".\"Description\".\"Fields\"[0]: missing \"size\"");
}

static void shape_is_checked_where_reference_runs_through(void **state)
{
	(void)state;
	assert_int_equal(check("{\"a\": {\"Description\": {\"Fields\": {}}}}", "{}"), -1);
	assert_string_equal(failure, "src.json: error: \"a\".\"Description\".\"Fields\": a field list must be an "
			    "array, not an object");
	assert_int_equal(check("[]", "{}"), -1);
	assert_string_equal(failure, "src.json: error: top level: a dump must be an object of sections, not an array");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(section_missing_in_dest),
		cmocka_unit_test(section_renamed_both_ways),
		cmocka_unit_test(machine_type_warning_not_counted),
		cmocka_unit_test(section_version_error),
		cmocka_unit_test(section_minimum_version_prefix_dangles),
		cmocka_unit_test(description_minimum_version_error),
		cmocka_unit_test(section_entry_missing),
		cmocka_unit_test(description_renamed),
		cmocka_unit_test(description_entry_missing),
		cmocka_unit_test(dest_has_no_further_fields),
		cmocka_unit_test(field_renamed_is_an_error_outside_the_table),
		cmocka_unit_test(field_renamed_in_the_table),
		cmocka_unit_test(field_version_error),
		cmocka_unit_test(size_mismatch_names_field),
		cmocka_unit_test(size_mismatch_drops_empty_names),
		cmocka_unit_test(substruct_added_in_dest),
		cmocka_unit_test(substruct_removed_in_dest),
		cmocka_unit_test(unused_in_dest_covers_fields),
		cmocka_unit_test(unused_in_src_counts_size_times_num),
		cmocka_unit_test(unused_size_mismatch),
		cmocka_unit_test(field_missing_description),
		cmocka_unit_test(subsection_not_found),
		cmocka_unit_test(count_capped_at_255),
		cmocka_unit_test(wrong_type_fails_with_place),
		cmocka_unit_test(missing_key_fails_with_path),
		cmocka_unit_test(shape_is_checked_where_reference_runs_through),
	};
	int failed = cmocka_run_group_tests_name("vmstate-check rules", tests, NULL, NULL);
	vc_doc_release(&src);
	vc_doc_release(&dest);
	vc_strings_release(&strings);
	sb_release(&out);
	return failed;
}
