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

/* The reference messages below leave out the wire findings' sections list. */
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#include "../../checker/common/strbuf.h"

static struct vw_set *parse_ok(const char *text)
{
	char *error = NULL;
	struct vw_set *set = vw_parse(text, "w.txt", &error);
	if (!set)
		fail_msg("unexpected error: %s", error);
	return set;
}

/* TEXT (suggested records) with every empty reason filled in, into OUT. */
static void fill_reasons(const char *text, struct strbuf *out)
{
	for (const char *p = text; *p; p++) {
		if (strncmp(p, "reason=\"\"", 9) == 0) {
			sb_puts(out, "reason=\"ok\"");
			p += 8;
		} else {
			sb_putc(out, *p);
		}
	}
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
	expect_error("", "w.txt:1:1: error: empty waiver file (expected the header \"vmstate-waivers 3\")");
	expect_error("waive kind=size\n", "w.txt:1:1: error: expected the header \"vmstate-waivers 3\"");
	expect_error("vmstate-waivers 4\n",
		     "w.txt:1:17: error: format version 4 is not supported (this reader knows 1 to 3)");
	/* Format 2's additions are errors in a format-1 file. */
	expect_error("vmstate-waivers 1\nwaive kind=size,version section=\"a\" reason=\"r\"\n",
		     "w.txt:2:16: error: a list of kinds needs format version 2");
	expect_error("vmstate-waivers 1\nwaive kind=size other=\"a\"\n",
		     "w.txt:2:17: error: \"other\" needs format version 2 (vmstate-waivers 2)");
	expect_error("vmstate-waivers 2\nwaive kind=size section=\"a\" change=\"x -> y\" reason=\"r\"\n",
		     "w.txt:2:7: error: change= fits only kinds of a rename (field-mismatch, "
		     "description-renamed), not size");
	expect_error("vmstate-waivers 2\nwaive kind=field-mismatch section=\"a\" change=\"x y\" reason=\"r\"\n",
		     "w.txt:2:46: error: change= takes \"OLD -> NEW\"");
	expect_error("vmstate-waivers 2\nwaive kind=field-mismatch section=\"a\" field=\"x\" "
		     "change=\"x -> y\" reason=\"r\"\n",
		     "w.txt:2:7: error: change= already names the field and other= of field-mismatch");
	expect_error("vmstate-waivers 2\nwaive kind=machine-type section=\"a\" reason=\"r\"\n",
		     "w.txt:2:12: error: unknown kind \"machine-type\" (see docs/waivers.md)");
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
	struct vw_message m = { FINDING_SIZE, "usb-kbd", "usb-kbd", "idle", NULL };
	assert_int_equal(vw_match(set, &m), 0);
	struct vw_message other_field = { FINDING_SIZE, "usb-kbd", "usb-kbd", "head", NULL };
	struct vw_message other_kind = { FINDING_VERSION, "usb-kbd", "usb-kbd", "idle", NULL };
	struct vw_message other_section = { FINDING_SIZE, "usb-tablet", "usb-kbd", "idle", NULL };
	struct vw_message no_field = { FINDING_SIZE, "usb-kbd", "usb-kbd", NULL, NULL };
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
	struct vw_message sec = { FINDING_VERSION, "PIIX3", NULL, NULL, NULL };
	struct vw_message desc = { FINDING_VERSION, "PIIX3", "PIIX3", NULL, NULL };
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
	struct vw_message m = { FINDING_SIZE, "a", "a", "x", NULL };
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

static void expect_line(const char *line, enum finding_kind kind, const char *sec, const char *desc,
			const char *field)
{
	struct vw_message m;
	char buf[256];
	if (!vw_parse_report_line(line, &m, buf, sizeof buf))
		fail_msg("not read: %s", line);
	assert_string_equal(finding_kind_name(m.kind), finding_kind_name(kind));
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
	expect_line("Section \"cfi.pflash01\" does not exist in dest", FINDING_SECTION_MISSING,
		    "cfi.pflash01", NULL, NULL);
	expect_line("Section \"x\": Entry \"Description\" missing", FINDING_SECTION_ENTRY_MISSING, "x",
		    NULL, "Description");
	expect_line("Section \"x\": Description \"a\" missing, got \"b\" instead; skipping",
		    FINDING_DESCRIPTION_RENAMED, "x", "a", NULL);
	expect_line("Section \"PIIX3\" version error: 4 > 3", FINDING_VERSION, "PIIX3", NULL, NULL);
	expect_line("Section \"PIIX3\" Description \"PIIX3\": version error: 4 > 3", FINDING_VERSION,
		    "PIIX3", "PIIX3", NULL);
	expect_line("Section \"fdc\" Description \"fdc\": minimum version error: 1 < 2",
		    FINDING_MINIMUM_VERSION, "fdc", "fdc", NULL);
	expect_line("Section \"PIIX3\" Section \"PIIX3\" Description \"PIIX3\": minimum version error: 3 < 4",
		    FINDING_MINIMUM_VERSION, "PIIX3", "PIIX3", NULL);
	expect_line("Section \"PIIX3\" Description \"PIIX3\": Entry \"Subsections\" missing",
		    FINDING_ENTRY_MISSING, "PIIX3", "PIIX3", "Subsections");
	expect_line("Section \"usb-kbd\" Description \"usb-kbd\" Field \"kbd.keycodes\" size mismatch: 4 , 2",
		    FINDING_SIZE, "usb-kbd", "usb-kbd", "kbd.keycodes");
	expect_line("Section \"a\" size mismatch: 4 , 2", FINDING_SIZE, "a", NULL, NULL);
	expect_line("Section \"a\" Field \"f\" size mismatch: 4 , 2", FINDING_SIZE, "a", NULL, "f");
	expect_line("Section \"a\" Description \"d\" size mismatch: 4 , 2", FINDING_SIZE, "a", "d", NULL);
	expect_line("Section \"intel-hda-generic\", Description \"intel-hda\", Field \"pci\": missing description",
		    FINDING_MISSING_DESCRIPTION, "intel-hda-generic", "intel-hda", "pci");
	expect_line("Section \"fw_cfg\", Description \"fw_cfg\": unused size mismatch near \" unused\"",
		    FINDING_UNUSED_SIZE, "fw_cfg", "fw_cfg", "unused");
	expect_line("Section \"PIIX3\", Description \"PCIDevice\": expected field \"irq_state\", while dest has no further fields",
		    FINDING_FIELDS_ENDED, "PIIX3", "PCIDevice", "irq_state");
	expect_line("Section \"e\", Description \"ehci-core\": expected field \"usbsts\", got \"usbsts_pending\"; skipping rest",
		    FINDING_FIELD_MISMATCH, "e", "ehci-core", "usbsts");
	expect_line("Section \"SUNW,fdtwo\", Description \"fdrive\": Subsection \"fdrive/media_rate\" not found",
		    FINDING_SUBSECTION_MISSING, "SUNW,fdtwo", "fdrive", "fdrive/media_rate");
	/* A name with a quote and a space still reads back whole. */
	expect_line("Section \"a \"b\" does not exist in dest", FINDING_SECTION_MISSING, "a \"b", NULL, NULL);

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
	/* Every kind of the one table is found by its family and name ("version" is in
	 * both families); a wire kind is no reference kind, so no waiver names it. */
	for (int k = 0; k < FINDING_KIND_COUNT; k++)
		assert_int_equal(finding_kind_from_name(finding_kinds[k].family,
							finding_kind_name(k)), k);
	assert_int_equal(finding_kind_from_name(FINDING_REFERENCE, "section-removed"), -1);
	assert_int_equal(finding_kind_from_name(FINDING_REFERENCE, "nonsense"), -1);
}

/* Format 2: one record for a description shared by every section (PCIDevice). */
static void test_patterns(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 2\n"
		"waive kind=fields-ended,field-mismatch section=\"*\" description=\"PCIDevice\" "
		"reason=\"irq_state added to every PCI device\"\n"
		"waive kind=counted section=\"usb-*\" field=\"kbd.[kx]*\" reason=\"r\"\n"
		"waive kind=size section=\"lit\\\\*\" reason=\"a literal star\"\n");
	struct vw_message a = { FINDING_FIELDS_ENDED, "megasas", "PCIDevice", "irq_state", NULL };
	struct vw_message b = { FINDING_FIELD_MISMATCH, "e1000", "PCIDevice", "x", "y" };
	struct vw_message c = { FINDING_SIZE, "e1000", "PCIDevice", "x", NULL };
	struct vw_message d = { FINDING_ENTRY_MISSING, "usb-kbd", "usb-kbd", "kbd.keycodes", NULL };
	struct vw_message e = { FINDING_SIZE, "usb-kbd", "usb-kbd", "idle", NULL };
	struct vw_message f = { FINDING_SIZE, "lit*", NULL, NULL, NULL };
	struct vw_message g = { FINDING_SIZE, "lit-x", NULL, NULL, NULL };
	assert_int_equal(vw_match(set, &a), 0);
	assert_int_equal(vw_match(set, &b), 0);
	assert_int_equal(vw_match(set, &c), -1);  /* size is not among its kinds */
	assert_int_equal(vw_match(set, &d), 1);
	assert_int_equal(vw_match(set, &e), -1);
	assert_int_equal(vw_match(set, &f), 2);
	assert_int_equal(vw_match(set, &g), -1);
	vw_free(set);
	/* Format 1 compares names exactly: a star is a star. */
	set = parse_ok("vmstate-waivers 1\nwaive kind=size section=\"*\" reason=\"r\"\n");
	assert_int_equal(vw_match(set, &c), -1);
	vw_free(set);
}

/* A rename seen from both directions is one record. */
static void test_change_both_directions(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 2\n"
		"waive kind=field-mismatch section=\"e\" description=\"ehci-core\" "
		"change=\"usbsts -> usbsts_pending\" reason=\"renamed\"\n"
		"waive kind=description-renamed section=\"tpci200\" change=\"tpci200 -> tpci2002\" "
		"reason=\"renamed\"\n");
	struct vw_message fwd = { FINDING_FIELD_MISMATCH, "e", "ehci-core", "usbsts", "usbsts_pending" };
	struct vw_message back = { FINDING_FIELD_MISMATCH, "e", "ehci-core", "usbsts_pending", "usbsts" };
	struct vw_message other = { FINDING_FIELD_MISMATCH, "e", "ehci-core", "usbsts", "frindex" };
	struct vw_message dfwd = { FINDING_DESCRIPTION_RENAMED, "tpci200", "tpci200", NULL, "tpci2002" };
	struct vw_message dback = { FINDING_DESCRIPTION_RENAMED, "tpci200", "tpci2002", NULL, "tpci200" };
	assert_int_equal(vw_match(set, &fwd), 0);
	assert_int_equal(vw_match(set, &back), 0);
	assert_int_equal(vw_match(set, &other), -1);
	assert_int_equal(vw_match(set, &dfwd), 1);
	assert_int_equal(vw_match(set, &dback), 1);
	vw_free(set);
}

static char *stale_text(struct vw_set *set, size_t *n)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	*n = vw_report_stale(set, f);
	fclose(f);
	return text;
}

/* Stale only where the record could have matched: its section is in the run. */
static void test_stale_only_when_applicable(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 2\n"
		"waive kind=size section=\"usb-kbd\" reason=\"here, unused\"\n"
		"waive kind=size section=\"arm-*\" reason=\"another target\"\n"
		"waive kind=version,minimum-version section=\"*\" description=\"d\" reason=\"any\"\n"
		"waive kind=section-missing section=\"arm-only-dest\" reason=\"missing the other way\"\n");
	vw_note_section(set, "usb-kbd", VW_IN_SRC | VW_IN_DEST);
	vw_note_section(set, "PIIX3", VW_IN_SRC | VW_IN_DEST);
	vw_note_section(set, "arm-only-dest", VW_IN_DEST);
	size_t n;
	char *text = stale_text(set, &n);
	assert_int_equal(n, 2);
	assert_string_equal(text,
		"w.txt:2: warning: stale waiver: no size message in section \"usb-kbd\" (reason: here, unused)\n"
		"w.txt:4: warning: stale waiver: no version,minimum-version message in section \"*\", "
		"description \"d\" (reason: any)\n");
	free(text);
	vw_free(set);
}

/* Suggestions: one record per change, both directions together; they load once their
 * reasons are filled in, and then accept the messages they came from. */
static void test_suggestions(void **state)
{
	(void)state;
	struct vw_message msgs[] = {
		{ FINDING_FIELD_MISMATCH, "e", "ehci-core", "usbsts", "usbsts_pending" },
		{ FINDING_FIELD_MISMATCH, "e", "ehci-core", "usbsts_pending", "usbsts" },
		{ FINDING_VERSION, "PIIX3", "PIIX3", NULL, NULL },
		{ FINDING_MINIMUM_VERSION, "PIIX3", "PIIX3", NULL, NULL },
		{ FINDING_SIZE, "odd*[name]\"\\", NULL, "f", NULL },
		{ FINDING_MACHINE_TYPE, NULL, NULL, NULL, "a" },
		{ FINDING_SECTION_MISSING, "has\nNUL", NULL, NULL, NULL },
	};
	size_t n = sizeof(msgs) / sizeof(msgs[0]);
	struct strbuf out = STRBUF_INIT;
	vw_write_suggestions(msgs, n, "vmstate-check -s a -d b", &out);
	assert_string_equal(out.data,
		"# vmstate-check -s a -d b\n"
		"# Fill in each reason: the file does not load until every record says why its\n"
		"# difference is accepted (docs/waivers.md).\n"
		"vmstate-waivers 2\n"
		"waive kind=field-mismatch section=\"e\" description=\"ehci-core\" "
		"change=\"usbsts -> usbsts_pending\" reason=\"\"\n"
		"waive kind=field-mismatch section=\"e\" description=\"ehci-core\" "
		"change=\"usbsts_pending -> usbsts\" reason=\"\"\n"
		"waive kind=version,minimum-version section=\"PIIX3\" description=\"PIIX3\" reason=\"\"\n"
		"waive kind=size section=\"odd\\\\*\\\\[name]\\\"\\\\\\\\\" field=\"f\" reason=\"\"\n"
		"# not suggested: a section-missing message whose names no waiver can spell\n");
	char *error = NULL;
	assert_null(vw_parse(out.data, "s", &error));
	assert_non_null(strstr(error, "a waiver needs a reason"));
	free(error);
	/* Filled in: every message is accepted. */
	struct strbuf filled = STRBUF_INIT;
	fill_reasons(out.data, &filled);
	struct vw_set *set = parse_ok(filled.data);
	for (size_t i = 0; i < 5; i++)
		assert_true(vw_match(set, &msgs[i]) >= 0);
	vw_free(set);
	sb_release(&filled);
	sb_release(&out);
}

/* Format 3: waive-wire records, and what a format-2 reader would not know. */
static void test_wire_parse_errors(void **state)
{
	(void)state;
	expect_error("vmstate-waivers 2\nwaive-wire kind=field-added section=\"a\" reason=\"r\"\n",
		     "w.txt:2:1: error: \"waive-wire\" needs format version 3 (vmstate-waivers 3)");
	expect_error("vmstate-waivers 3\nskip kind=size\n",
		     "w.txt:2:1: error: expected \"waive\" or \"waive-wire\", got \"skip\"");
	/* "version" is in both families: the record says which. */
	expect_error("vmstate-waivers 3\nwaive-wire kind=size,fields-ended section=\"a\" reason=\"r\"\n",
		     "w.txt:2:22: error: unknown wire kind \"fields-ended\" (a reference kind: a waive "
		     "record, see docs/waivers.md)");
	expect_error("vmstate-waivers 3\nwaive kind=version,field-added section=\"a\" reason=\"r\"\n",
		     "w.txt:2:20: error: unknown kind \"field-added\" (a wire kind: a waive-wire "
		     "record, format 3, see docs/waivers.md)");
	expect_error("vmstate-waivers 3\nwaive-wire kind=counted section=\"a\" reason=\"r\"\n",
		     "w.txt:2:17: error: unknown wire kind \"counted\" (see docs/waivers.md)");
	expect_error("vmstate-waivers 3\nwaive kind=all section=\"a\" reason=\"r\"\n",
		     "w.txt:2:12: error: unknown kind \"all\" (see docs/waivers.md)");
	expect_error("vmstate-waivers 3\nwaive-wire kind=field-renamed section=\"a\" "
		     "change=\"x -> y\" reason=\"r\"\n",
		     "w.txt:2:43: error: unknown key \"change\" in a waive-wire record (expected "
		     "kind, section, description, field or reason)");
	expect_error("vmstate-waivers 3\nwaive-wire kind=size section=\"a\" other=\"b\" reason=\"r\"\n",
		     "w.txt:2:34: error: unknown key \"other\" in a waive-wire record (expected "
		     "kind, section, description, field or reason)");
	expect_error("vmstate-waivers 3\nwaive-wire kind=size section=\"a\" reason=\"\"\n",
		     "w.txt:2:12: error: a waiver needs a reason=\"...\" that says why the difference "
		     "is accepted");
	expect_error("vmstate-waivers 3\nwaive-wire kind=size reason=\"r\"\n",
		     "w.txt:2:12: error: a waiver needs section=\"...\"");
}

/* Each waivable kind, the reference ones and the wire ones past bit 31 alike, is its
 * own bit of a record's kinds: a record of kind K accepts K and nothing else. */
static void test_every_kind_its_own_bit(void **state)
{
	(void)state;
	for (int k = 0; k < FINDING_KIND_COUNT; k++) {
		const struct finding_kind_info *info = &finding_kinds[k];
		if (info->family == FINDING_REFERENCE && !info->counted)
			continue;
		char text[256];
		snprintf(text, sizeof text, "vmstate-waivers 3\n%s kind=%s section=\"s\" reason=\"r\"\n",
			 info->family == FINDING_WIRE ? "waive-wire" : "waive", info->name);
		struct vw_set *set = parse_ok(text);
		const char *sections[] = { "s" };
		for (int m = 0; m < FINDING_KIND_COUNT; m++) {
			struct vw_message msg = { (enum finding_kind)m, "s", NULL, NULL, NULL, NULL, 0 };
			if (finding_kinds[m].family == FINDING_WIRE) {
				msg.sections = sections;
				msg.nsections = 1;
			}
			if (vw_match(set, &msg) != (m == k ? 0 : -1))
				fail_msg("a record of kind %s (%d): match on kind %s (%d) is wrong",
					 info->name, k, finding_kinds[m].name, m);
		}
		vw_free(set);
	}
}

/* Wire records: patterns, kind=all, and every section of a shared description. */
static void test_wire_match(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 3\n"
		"waive kind=version section=\"PIIX3\" reason=\"reference only\"\n"
		"waive-wire kind=field-added,subsection-added section=\"cpu\" field=\"xcr0\" "
		"reason=\"xcr0 added in v2\"\n"
		"waive-wire kind=field-added section=\"*\" description=\"PCIDevice\" "
		"reason=\"every PCI device\"\n"
		"waive-wire kind=all section=\"e1000\" description=\"e1000\" reason=\"e1000 reworked\"\n"
		"waive-wire kind=version section=\"PIIX3\" reason=\"wire only\"\n");
	const char *cpu[] = { "cpu" };
	const char *pci[] = { "e1000", "rtl8139" };
	const char *e1000[] = { "e1000" };
	const char *piix[] = { "PIIX3" };
	struct vw_message added = { FINDING_WIRE_FIELD_ADDED, NULL, "cpu", "xcr0", NULL, cpu, 1 };
	struct vw_message other_field = { FINDING_WIRE_FIELD_ADDED, NULL, "cpu", "xcr1", NULL, cpu, 1 };
	struct vw_message shared = { FINDING_WIRE_FIELD_ADDED, NULL, "PCIDevice", "irq", NULL, pci, 2 };
	struct vw_message shared_size = { FINDING_WIRE_SIZE, NULL, "PCIDevice", "irq", NULL, pci, 2 };
	struct vw_message own_size = { FINDING_WIRE_SIZE, NULL, "e1000", "mac", NULL, e1000, 1 };
	struct vw_message wire_version = { FINDING_WIRE_VERSION, NULL, "PIIX3", NULL, NULL, piix, 1 };
	struct vw_message ref_version = { FINDING_VERSION, "PIIX3", NULL, NULL, NULL, NULL, 0 };
	assert_int_equal(vw_match(set, &added), 1);
	assert_int_equal(vw_match(set, &other_field), -1);
	assert_int_equal(vw_match(set, &shared), 2);
	/* kind=all section="e1000": the shared description reaches rtl8139 too. */
	assert_int_equal(vw_match(set, &shared_size), -1);
	assert_int_equal(vw_match(set, &own_size), 3);
	/* "version" of each family is waived by its own record only. */
	assert_int_equal(vw_match(set, &wire_version), 4);
	assert_int_equal(vw_match(set, &ref_version), 0);
	vw_free(set);
}

/* Stale wire records: only where the record could have matched (section-removed needs
 * the old dump, section-added the new one, the others both), and only in a run by the
 * wire rules, where reference records are not stale; the text names the family. */
static void test_wire_stale(void **state)
{
	(void)state;
	struct vw_set *set = parse_ok(
		"vmstate-waivers 3\n"
		"waive-wire kind=field-added section=\"cpu\" field=\"xcr0\" reason=\"gone\"\n"
		"waive-wire kind=section-added section=\"old-only\" reason=\"cannot be added\"\n"
		"waive-wire kind=section-removed section=\"old-only\" reason=\"applies\"\n"
		"waive-wire kind=all section=\"arm-*\" reason=\"another target\"\n"
		"waive kind=size section=\"cpu\" reason=\"reference\"\n");
	vw_note_section(set, "cpu", VW_BY_WIRE | VW_IN_SRC | VW_IN_DEST);
	vw_note_section(set, "old-only", VW_BY_WIRE | VW_IN_SRC);
	size_t n;
	char *text = stale_text(set, &n);
	assert_int_equal(n, 2);
	assert_string_equal(text,
		"w.txt:2: warning: stale waiver: no wire field-added finding in section \"cpu\", "
		"field \"xcr0\" (reason: gone)\n"
		"w.txt:4: warning: stale waiver: no wire section-removed finding in section "
		"\"old-only\" (reason: applies)\n");
	free(text);
	vw_free(set);
	/* The same file in a reference run: only its reference record can be stale. */
	set = parse_ok(
		"vmstate-waivers 3\n"
		"waive-wire kind=field-added section=\"cpu\" reason=\"wire\"\n"
		"waive kind=size section=\"cpu\" reason=\"reference\"\n");
	vw_note_section(set, "cpu", VW_IN_SRC | VW_IN_DEST);
	text = stale_text(set, &n);
	assert_int_equal(n, 1);
	assert_string_equal(text, "w.txt:3: warning: stale waiver: no size message in section "
				  "\"cpu\" (reason: reference)\n");
	free(text);
	vw_free(set);
}

/* Wire suggestions: format 3, one waive-wire record per finding (any section for a
 * shared description), loading once filled in and then accepting their findings. */
static void test_wire_suggestions(void **state)
{
	(void)state;
	const char *cpu[] = { "cpu" };
	const char *pci[] = { "e1000", "rtl8139" };
	const char *odd[] = { "odd*" };
	const char *nul[] = { "has\nNUL" };
	struct vw_message msgs[] = {
		{ FINDING_WIRE_FIELD_ADDED, NULL, "cpu", "xcr0", NULL, cpu, 1 },
		{ FINDING_WIRE_SUBSECTION_REMOVED, NULL, "PCIDevice", "PCIDevice/x", NULL, pci, 2 },
		{ FINDING_WIRE_SECTION_REMOVED, NULL, "odd*", NULL, NULL, odd, 1 },
		{ FINDING_WIRE_SIZE, NULL, "d", "f", NULL, nul, 1 },
	};
	size_t n = sizeof(msgs) / sizeof(msgs[0]);
	struct strbuf out = STRBUF_INIT;
	vw_write_suggestions(msgs, n, "vmstate-check --wire -s a -d b", &out);
	assert_string_equal(out.data,
		"# vmstate-check --wire -s a -d b\n"
		"# Fill in each reason: the file does not load until every record says why its\n"
		"# difference is accepted (docs/waivers.md).\n"
		"vmstate-waivers 3\n"
		"waive-wire kind=field-added section=\"cpu\" description=\"cpu\" field=\"xcr0\" "
		"reason=\"\"\n"
		"waive-wire kind=subsection-removed section=\"*\" description=\"PCIDevice\" "
		"field=\"PCIDevice/x\" reason=\"\"\n"
		"waive-wire kind=section-removed section=\"odd\\\\*\" description=\"odd\\\\*\" "
		"reason=\"\"\n"
		"# not suggested: a size message whose names no waiver can spell\n");
	char *error = NULL;
	assert_null(vw_parse(out.data, "s", &error));
	assert_non_null(strstr(error, "a waiver needs a reason"));
	free(error);
	struct strbuf filled = STRBUF_INIT;
	fill_reasons(out.data, &filled);
	struct vw_set *set = parse_ok(filled.data);
	for (size_t i = 0; i < 3; i++)
		assert_int_equal(vw_match(set, &msgs[i]), (long)i);
	vw_free(set);
	sb_release(&filled);
	sb_release(&out);
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
		cmocka_unit_test(test_patterns),
		cmocka_unit_test(test_change_both_directions),
		cmocka_unit_test(test_stale_only_when_applicable),
		cmocka_unit_test(test_suggestions),
		cmocka_unit_test(test_wire_parse_errors),
		cmocka_unit_test(test_every_kind_its_own_bit),
		cmocka_unit_test(test_wire_match),
		cmocka_unit_test(test_wire_stale),
		cmocka_unit_test(test_wire_suggestions),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
