// SPDX-License-Identifier: GPL-2.0-or-later
/* cmocka tests of the waiver library (checker/waiver): the file format and its errors,
 * matching, stale waivers, and reading the checker's report lines back. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../checker/waiver/waiver.h"

static struct vw_set *parse_ok(const char *text)
{
	char *error = NULL;
	struct vw_set *set = vw_parse(text, "w.txt", &error);
	if (!set)
		fail_msg("unexpected error: %s", error);
	return set;
}

static void expect_error(const char *text, const char *message)
{
	char *error = NULL;
	struct vw_set *set = vw_parse(text, "w.txt", &error);
	assert_null(set);
	assert_non_null(error);
	assert_string_equal(error, message);
	free(error);
}

static void test_parse_full(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"# accepted differences\n"
		"vmstate-waivers 1\n"
		"\n"
		"waive kind=size section=\"usb-kbd\" description=\"usb-kbd\" field=\"kbd.keycodes\" "
		"reason=\"keycodes narrowed in 2.2 (\\\"bug\\\" 12)\"  # trailing comment\n"
		"waive kind=section-missing section=\"SUNW,fdtwo\" reason=\"removed\"\n");
	assert_int_equal(vw_count(set), 2);
	assert_string_equal(vw_reason(set, 0), "keycodes narrowed in 2.2 (\"bug\" 12)");
	assert_string_equal(vw_where(set, 0), "w.txt:4");
	assert_string_equal(vw_where(set, 1), "w.txt:5");
	vw_free(set);
}

static void test_parse_errors(void **state)
{
	(void)state;
	expect_error("", "w.txt:1:1: error: empty waiver file (expected the header \"vmstate-waivers 1\")");
	expect_error("waive kind=size\n", "w.txt:1:1: error: expected the header \"vmstate-waivers 1\"");
	expect_error("vmstate-waivers 2\n",
		     "w.txt:1:17: error: format version 2 is not supported (this reader knows 1)");
	expect_error("vmstate-waivers 1\nwaive kind=sizes section=\"a\" reason=\"r\"\n",
		     "w.txt:2:12: error: unknown kind \"sizes\" (see docs/waivers.md)");
	expect_error("vmstate-waivers 1\nwaive kind=size section=\"a\" colour=\"r\"\n",
		     "w.txt:2:29: error: unknown key \"colour\" (expected kind, section, description, "
		     "field or reason)");
	expect_error("vmstate-waivers 1\nwaive kind=size section=\"a\n",
		     "w.txt:2:25: error: unterminated string");
	expect_error("vmstate-waivers 1\nwaive kind=size reason=\"r\"\n",
		     "w.txt:2:7: error: a waiver needs section=\"...\"");
	expect_error("vmstate-waivers 1\nwaive section=\"a\" reason=\"r\"\n",
		     "w.txt:2:7: error: a waiver needs kind=");
	expect_error("vmstate-waivers 1\nwaive kind=size section=\"a\" reason=\"\"\n",
		     "w.txt:2:7: error: a waiver needs a reason=\"...\" that says why the difference "
		     "is accepted");
	expect_error("vmstate-waivers 1\nwaive kind=size kind=size\n",
		     "w.txt:2:17: error: \"kind\" given twice");
	expect_error("vmstate-waivers 1\nwaive kind=size section=\"\" reason=\"r\"\n",
		     "w.txt:2:25: error: empty section (leave the key out to match any)");
	expect_error("vmstate-waivers 1\nwaive kind=size section=\"a\\n\" reason=\"r\"\n",
		     "w.txt:2:27: error: unknown escape (only \\\" and \\\\)");
	expect_error("vmstate-waivers 1\nskip kind=size\n",
		     "w.txt:2:1: error: expected \"waive\", got \"skip\"");
}

static void test_load_missing_file(void **state)
{
	(void)state;
	char *error = NULL;
	assert_null(vw_load("/nonexistent/waivers", &error));
	assert_string_equal(error, "/nonexistent/waivers: error: cannot read the waiver file: "
				   "No such file or directory");
	free(error);
}

/* One waiver silences exactly the message it names, nothing next to it. */
static void test_match_exactly_one(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 1\n"
		"waive kind=size section=\"usb-kbd\" description=\"usb-kbd\" field=\"idle\" reason=\"r\"\n");
	struct vw_message m = { VW_SIZE, "usb-kbd", "usb-kbd", "idle" };
	assert_int_equal(vw_match(set, &m), 0);
	struct vw_message other_field = { VW_SIZE, "usb-kbd", "usb-kbd", "head" };
	struct vw_message other_kind = { VW_VERSION, "usb-kbd", "usb-kbd", "idle" };
	struct vw_message other_section = { VW_SIZE, "usb-tablet", "usb-kbd", "idle" };
	struct vw_message no_field = { VW_SIZE, "usb-kbd", "usb-kbd", NULL };
	assert_int_equal(vw_match(set, &other_field), -1);
	assert_int_equal(vw_match(set, &other_kind), -1);
	assert_int_equal(vw_match(set, &other_section), -1);
	assert_int_equal(vw_match(set, &no_field), -1);
	vw_free(set);
}

/* Omitted keys match anything: a section-wide waiver. */
static void test_match_any(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok("vmstate-waivers 1\n"
				      "waive kind=version section=\"PIIX3\" reason=\"bumped\"\n");
	struct vw_message sec = { VW_VERSION, "PIIX3", NULL, NULL };
	struct vw_message desc = { VW_VERSION, "PIIX3", "PIIX3", NULL };
	assert_int_equal(vw_match(set, &sec), 0);
	assert_int_equal(vw_match(set, &desc), 0);
	vw_free(set);
}

static void test_stale(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 1\n"
		"waive kind=size section=\"a\" reason=\"used\"\n"
		"waive kind=entry-missing section=\"b\" description=\"d\" field=\"Subsections\" reason=\"stale\"\n");
	struct vw_message m = { VW_SIZE, "a", "a", "x" };
	assert_int_equal(vw_match(set, &m), 0);
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	assert_int_equal(vw_report_stale(set, f), 1);
	fclose(f);
	assert_string_equal(text, "w.txt:3: warning: stale waiver: no entry-missing message in "
				  "section \"b\", description \"d\", field \"Subsections\" (reason: stale)\n");
	free(text);
	vw_free(set);
}

static void expect_line(const char *line, enum vw_kind kind, const char *sec, const char *desc,
			const char *field)
{
	struct vw_message m;
	char buf[256];
	if (!vw_parse_report_line(line, &m, buf, sizeof buf))
		fail_msg("not read: %s", line);
	assert_string_equal(vw_kind_name(m.kind), vw_kind_name(kind));
	assert_string_equal(m.section, sec);
	if (desc)
		assert_string_equal(m.description, desc);
	else
		assert_null(m.description);
	if (field)
		assert_string_equal(m.field, field);
	else
		assert_null(m.field);
}

/* Every message text of the checker (see checker/check/rules.c), read back. */
static void test_report_lines(void **state)
{
	(void)state;
	expect_line("Section \"cfi.pflash01\" does not exist in dest", VW_SECTION_MISSING,
		    "cfi.pflash01", NULL, NULL);
	expect_line("Section \"x\": Entry \"Description\" missing", VW_SECTION_ENTRY_MISSING, "x",
		    NULL, "Description");
	expect_line("Section \"x\": Description \"a\" missing, got \"b\" instead; skipping",
		    VW_DESCRIPTION_RENAMED, "x", "a", NULL);
	expect_line("Section \"PIIX3\" version error: 4 > 3", VW_VERSION, "PIIX3", NULL, NULL);
	expect_line("Section \"PIIX3\" Description \"PIIX3\": version error: 4 > 3", VW_VERSION,
		    "PIIX3", "PIIX3", NULL);
	expect_line("Section \"fdc\" Description \"fdc\": minimum version error: 1 < 2",
		    VW_MINIMUM_VERSION, "fdc", "fdc", NULL);
	expect_line("Section \"PIIX3\" Section \"PIIX3\" Description \"PIIX3\": minimum version error: 3 < 4",
		    VW_MINIMUM_VERSION, "PIIX3", "PIIX3", NULL);
	expect_line("Section \"PIIX3\" Description \"PIIX3\": Entry \"Subsections\" missing",
		    VW_ENTRY_MISSING, "PIIX3", "PIIX3", "Subsections");
	expect_line("Section \"usb-kbd\" Description \"usb-kbd\" Field \"kbd.keycodes\" size mismatch: 4 , 2",
		    VW_SIZE, "usb-kbd", "usb-kbd", "kbd.keycodes");
	expect_line("Section \"a\" size mismatch: 4 , 2", VW_SIZE, "a", NULL, NULL);
	expect_line("Section \"a\" Field \"f\" size mismatch: 4 , 2", VW_SIZE, "a", NULL, "f");
	expect_line("Section \"a\" Description \"d\" size mismatch: 4 , 2", VW_SIZE, "a", "d", NULL);
	expect_line("Section \"intel-hda-generic\", Description \"intel-hda\", Field \"pci\": missing description",
		    VW_MISSING_DESCRIPTION, "intel-hda-generic", "intel-hda", "pci");
	expect_line("Section \"fw_cfg\", Description \"fw_cfg\": unused size mismatch near \"unused\"",
		    VW_UNUSED_SIZE, "fw_cfg", "fw_cfg", "unused");
	expect_line("Section \"PIIX3\", Description \"PCIDevice\": expected field \"irq_state\", while dest has no further fields",
		    VW_FIELDS_ENDED, "PIIX3", "PCIDevice", "irq_state");
	expect_line("Section \"e\", Description \"ehci-core\": expected field \"usbsts\", got \"usbsts_pending\"; skipping rest",
		    VW_FIELD_MISMATCH, "e", "ehci-core", "usbsts");
	expect_line("Section \"SUNW,fdtwo\", Description \"fdrive\": Subsection \"fdrive/media_rate\" not found",
		    VW_SUBSECTION_MISSING, "SUNW,fdtwo", "fdrive", "fdrive/media_rate");
	/* A name with a quote and a space still reads back whole. */
	expect_line("Section \"a \"b\" does not exist in dest", VW_SECTION_MISSING, "a \"b", NULL, NULL);

	struct vw_message m;
	char buf[16];
	assert_false(vw_parse_report_line("Warning: checking incompatible machine types: \"a\", \"b\"",
					  &m, buf, sizeof buf));
	assert_false(vw_parse_report_line("something else", &m, buf, sizeof buf));
	/* Names that do not fit the caller's buffer: not read, never truncated. */
	assert_false(vw_parse_report_line("Section \"a-very-long-section-name\" does not exist in dest",
					  &m, buf, sizeof buf));
}

static void test_kind_names(void **state)
{
	(void)state;
	for (int k = 0; k < VW_KIND_COUNT; k++)
		assert_int_equal(vw_kind_from_name(vw_kind_name((enum vw_kind)k)), k);
	assert_int_equal(vw_kind_from_name("nonsense"), -1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_full),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_load_missing_file),
		cmocka_unit_test(test_match_exactly_one),
		cmocka_unit_test(test_match_any),
		cmocka_unit_test(test_stale),
		cmocka_unit_test(test_report_lines),
		cmocka_unit_test(test_kind_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
