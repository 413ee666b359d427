/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The dump writer: byte-exact against sections of a real QEMU 7.2 -dump-vmstate, and
 * each layout rule and each problem it reports. */
#include "test-util.h"
#include "dump.h"
#include "input.h"
#include "../common/strbuf.h"

static bool add_to_program(void *ctx, const struct fragment_origin *origin,
			   const char *text, size_t len)
{
	json_t *fragment = fragment_parse(origin, text, len);

	if (!fragment)
		return false;
	vx_program_add(ctx, origin->input, fragment);
	return true;
}

static char *read_data_file(const char *name)
{
	char *path = xasprintf("%s/%s", EXTRACT_TEST_DATA, name);
	struct input_file file;
	char *text;

	assert_true(input_file_load(path, true, &file));
	text = xasprintf("%.*s", (int)file.size, file.data);
	input_file_unload(&file);
	free(path);
	return text;
}

static struct qom_type device(const char *name, const struct vx_def *vmsd)
{
	struct qom_type t = { .name = name, .parent = "device", .loc = "t.c:1:1",
			      .is_device = true, .vmsd = vmsd };

	return t;
}

/* Runs the writer; returns the dump, with stderr through *ERR and the problem count
 * through *PROBLEMS. */
static char *dump(const struct vx_program *prog, struct qom_type *types, size_t n,
		  enum dump_layout layout, const char *machine, char **err,
		  unsigned *problems)
{
	struct qom_types list = { types, n };
	struct dump_options opt = { machine, layout };
	struct strbuf out = STRBUF_INIT;

	capture_begin();
	*problems = dump_write(&out, prog, &list, &opt);
	*err = capture_end();
	return out.data;
}

static void matches_real_qemu_7_2(void **state)
{
	static const char *const files[] = {
		"hpet.vmfrag.json", "kvmclock.vmfrag.json", "vhost-user-vsock.vmfrag.json",
		"vmstate-types.vmfrag.json", "savevm.vmfrag.json",
	};
	struct vx_program *prog = vx_program_new();
	char *expected = read_data_file("qemu-7.2-excerpt.json");
	const struct vx_unit *hpet, *kvm, *vsock;
	struct qom_type types[6];
	char *out, *err;
	unsigned problems;
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		char *path = xasprintf("%s/%s", EXTRACT_TEST_DATA, files[i]);

		struct input_walk walk = { .sink = add_to_program, .ctx = prog };

		assert_true(input_read(&walk, path));
		input_walk_end(&walk);
		free(path);
	}
	assert_int_equal(vx_program_link(prog), 0);
	hpet = vx_unit_at(prog, 0);
	kvm = vx_unit_at(prog, 1);
	vsock = vx_unit_at(prog, 2);
	/* Registration order is not name order; types without a section are left out. */
	types[0] = device("vhost-user-vsock-device",
			  vx_lookup(prog, vsock, "vmstate_vhost_user_vsock"));
	types[1] = device("kvmclock", vx_lookup(prog, kvm, "kvmclock_vmsd"));
	types[2] = device("hpet-without-vmsd", NULL);
	types[3] = device("hpet", vx_lookup(prog, hpet, "vmstate_hpet"));
	types[4] = device("not-a-device", vx_lookup(prog, hpet, "vmstate_hpet"));
	types[4].is_device = false;
	types[5] = device("hpet", vx_lookup(prog, hpet, "vmstate_hpet_offset"));
	out = dump(prog, types, 6, DUMP_LAYOUT_PRE_8_1, "none", &err, &problems);
	assert_string_equal(err, "");
	assert_int_equal(problems, 0);
	assert_string_equal(out, expected);
	free(out);
	free(err);
	/* No array field is dumped here, so the 8.1 layout is the same text. */
	out = dump(prog, types, 6, DUMP_LAYOUT_8_1, "none", &err, &problems);
	assert_string_equal(out, expected);
	free(out);
	free(err);
	free(expected);
	vx_program_free(prog);
}

/* A program of one unit with the given VMSDs (a JSON list text). */
static struct vx_program *program_of(const char *vmsds)
{
	struct vx_program *prog = vx_program_new();
	char *text = make_fragment("a.c", "00000000000000aa", vmsds, NULL);

	vx_program_add(prog, "prog", parse_ok("prog", text));
	assert_int_equal(vx_program_link(prog), 0);
	free(text);
	return prog;
}

static const struct vx_def *lookup(const struct vx_program *prog, const char *symbol)
{
	const struct vx_def *def = vx_lookup(prog, vx_unit_at(prog, 0), symbol);

	assert_non_null(def);
	return def;
}

static void num_only_for_arrays_from_8_1(void **state)
{
	char *f1 = make_field("\"regs\"", "a.c:2:1", 3, 4, 16, "[\"VMS_ARRAY\"]", "null");
	char *f2 = make_field("\"ctrl\"", "a.c:3:1", 0, 2, 7, "[\"VMS_SINGLE\"]", "null");
	char *fields = xasprintf("[%s, %s]", f1, f2);
	char *v = make_vmsd("vmstate_a", "static", "a.c:1:1", "\"a\"", 5, 4, fields, "null");
	struct vx_program *prog = program_of(v);
	struct qom_type t = device("a-dev", lookup(prog, "vmstate_a"));
	static const char head[] =
		"{\n"
		"  \"vmschkmachine\": {\n"
		"    \"Name\": \"pc-q35-7.2\"\n"
		"  },\n"
		"  \"a-dev\": {\n"
		"    \"Name\": \"a-dev\",\n"
		"    \"version_id\": 5,\n"
		"    \"minimum_version_id\": 4,\n"
		"    \"Description\": {\n"
		"      \"name\": \"a\",\n"
		"      \"version_id\": 5,\n"
		"      \"minimum_version_id\": 4,\n"
		"      \"Fields\": [\n"
		"        {\n"
		"          \"field\": \"regs\",\n"
		"          \"version_id\": 3,\n"
		"          \"field_exists\": false,\n";
	static const char tail[] =
		"          \"size\": 4\n"
		"        },\n"
		"        {\n"
		"          \"field\": \"ctrl\",\n"
		"          \"version_id\": 0,\n"
		"          \"field_exists\": false,\n"
		"          \"size\": 2\n"
		"        }\n"
		"      ]\n"
		"    }\n"
		"  }\n"
		"}\n";
	char *expected, *out, *err;
	unsigned problems;

	out = dump(prog, &t, 1, DUMP_LAYOUT_8_1, "pc-q35-7.2", &err, &problems);
	expected = xasprintf("%s          \"num\": 16,\n%s", head, tail);
	assert_string_equal(out, expected);
	assert_int_equal(problems, 0);
	free(expected);
	free(out);
	free(err);
	out = dump(prog, &t, 1, DUMP_LAYOUT_PRE_8_1, "pc-q35-7.2", &err, &problems);
	expected = xasprintf("%s%s", head, tail);
	assert_string_equal(out, expected);
	free(expected);
	free(out);
	free(err);
	vx_program_free(prog);
	free(v);
	free(fields);
	free(f1);
	free(f2);
}

/* The Description of the only section, for layout checks of one description. */
static char *description_of(const char *vmsds, const char *symbol, char **err,
			    unsigned *problems)
{
	struct vx_program *prog = program_of(vmsds);
	struct qom_type t = device("d", lookup(prog, symbol));
	char *out = dump(prog, &t, 1, DUMP_LAYOUT_8_1, "none", err, problems);
	char *start = strstr(out, "    \"Description\"");
	char *text;

	assert_non_null(start);
	text = xasprintf("%.*s", (int)(strlen(start) - strlen("\n  }\n}\n")), start);
	free(out);
	vx_program_free(prog);
	return text;
}

static void empty_and_absent_lists(void **state)
{
	/* QEMU prints an empty list as "[", an empty line, then "]"; NULL as no key. */
	char *v = make_vmsd("v", "static", "a.c:1:1", "\"hotplug\"", 1, 1, "[]", "null");
	char *out, *err;
	unsigned problems;

	out = description_of(v, "v", &err, &problems);
	assert_string_equal(out,
		"    \"Description\": {\n"
		"      \"name\": \"hotplug\",\n"
		"      \"version_id\": 1,\n"
		"      \"minimum_version_id\": 1,\n"
		"      \"Fields\": [\n"
		"\n"
		"      ]\n"
		"    }");
	free(out);
	free(err);
	free(v);
	v = make_vmsd("v", "static", "a.c:1:1", "\"none\"", 1, 1, "null", "[]");
	out = description_of(v, "v", &err, &problems);
	assert_string_equal(out,
		"    \"Description\": {\n"
		"      \"name\": \"none\",\n"
		"      \"version_id\": 1,\n"
		"      \"minimum_version_id\": 1,\n"
		"      \"Subsections\": [\n"
		"\n"
		"      ]\n"
		"    }");
	free(out);
	free(err);
	free(v);
}

static void null_names_as_qemu_prints_them(void **state)
{
	/* A NULL .name prints as printf does; an entry without a name ends the list. */
	char *f1 = make_field("\"x\"", "a.c:2:1", 0, 1, 0, "[\"VMS_SINGLE\"]", "null");
	char *f2 = make_field("null", "a.c:3:1", 0, 1, 0, "[\"VMS_SINGLE\"]", "null");
	char *f3 = make_field("\"after\"", "a.c:4:1", 0, 1, 0, "[\"VMS_SINGLE\"]", "null");
	char *fields = xasprintf("[%s, %s, %s]", f1, f2, f3);
	char *v = make_vmsd("v", "static", "a.c:1:1", "null", 1, 1, fields, "null");
	char *out, *err;
	unsigned problems;

	out = description_of(v, "v", &err, &problems);
	assert_string_equal(out,
		"    \"Description\": {\n"
		"      \"name\": \"(null)\",\n"
		"      \"version_id\": 1,\n"
		"      \"minimum_version_id\": 1,\n"
		"      \"Fields\": [\n"
		"        {\n"
		"          \"field\": \"x\",\n"
		"          \"version_id\": 0,\n"
		"          \"field_exists\": false,\n"
		"          \"size\": 1\n"
		"        }\n"
		"      ]\n"
		"    }");
	free(out);
	free(err);
	free(v);
	free(fields);
	free(f1);
	free(f2);
	free(f3);
}

static void strings_are_printed_raw(void **state)
{
	char *v = make_vmsd("v", "static", "a.c:1:1", "\"a\\\"b\\\\c\"", 1, 1, "null", "null");
	char *out, *err;
	unsigned problems;

	out = description_of(v, "v", &err, &problems);
	assert_contains(out, "      \"name\": \"a\"b\\c\",\n");
	free(out);
	free(err);
	free(v);
}

static void no_section_is_still_json(void **state)
{
	struct vx_program *prog = program_of("");
	char *out, *err;
	unsigned problems;

	out = dump(prog, NULL, 0, DUMP_LAYOUT_8_1, "none", &err, &problems);
	assert_string_equal(out, "{\n  \"vmschkmachine\": {\n    \"Name\": \"none\"\n  }\n}\n");
	free(out);
	free(err);
	vx_program_free(prog);
}

static void nested_description_from_another_unit(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *f = make_field("\"parent_obj\"", "dev.c:9:9", 0, 2608, 0, "[\"VMS_STRUCT\"]",
			     "\"vmstate_pci_device\"");
	char *fields = xasprintf("[%s]", f);
	char *dev = make_vmsd("vmstate_dev", "static", "dev.c:5:1", "\"dev\"", 1, 1, fields,
			      "null");
	char *pci = make_vmsd("vmstate_pci_device", "global", "pci.c:1:1", "\"PCIDevice\"",
			      2, 1, "null", "null");
	char *t1 = make_fragment("dev.c", "000000000000000d", dev, NULL);
	char *t2 = make_fragment("pci.c", "000000000000000e", pci, NULL);
	struct qom_type t;
	char *out, *err;
	unsigned problems;

	vx_program_add(prog, "prog", parse_ok("prog", t1));
	vx_program_add(prog, "prog", parse_ok("prog", t2));
	assert_int_equal(vx_program_link(prog), 0);
	t = device("dev", vx_lookup(prog, vx_unit_at(prog, 0), "vmstate_dev"));
	out = dump(prog, &t, 1, DUMP_LAYOUT_8_1, "none", &err, &problems);
	assert_contains(out,
		"          \"size\": 2608,\n"
		"          \"Description\": {\n"
		"            \"name\": \"PCIDevice\",\n"
		"            \"version_id\": 2,\n"
		"            \"minimum_version_id\": 1\n"
		"          }\n"
		"        }\n");
	assert_string_equal(err, "");
	free(out);
	free(err);
	vx_program_free(prog);
	free(t1);
	free(t2);
	free(pci);
	free(dev);
	free(fields);
	free(f);
}

static void unknown_reported_once_written_as_zero(void **state)
{
	char *v = make_vmsd("vmstate_u", "static", "a.c:1:1", "\"u\"", 1, 1, "null", "null");
	char *v2 = replace_once(v, "\"version_id\": 1", "\"version_id\": {\"unknown\": "
				"\"initializer of .version_id is not a constant\", \"loc\": "
				"\"a.c:3:17\"}");
	struct vx_program *prog = program_of(v2);
	struct qom_type t[2] = {
		device("u1", lookup(prog, "vmstate_u")), device("u2", lookup(prog, "vmstate_u")),
	};
	char *out, *err;
	unsigned problems;

	out = dump(prog, t, 2, DUMP_LAYOUT_8_1, "none", &err, &problems);
	assert_int_equal(problems, 1);
	assert_string_equal(err, "a.c:3:17: warning: section 'u1': vmstate_u.version_id could "
			    "not be evaluated (initializer of .version_id is not a constant), "
			    "written as 0\n");
	assert_contains(out, "  \"u2\": {\n    \"Name\": \"u2\",\n    \"version_id\": 0,\n");
	free(out);
	free(err);
	vx_program_free(prog);
	free(v);
	free(v2);
}

static void unknown_field_entry_left_out(void **state)
{
	char *f = make_field("\"x\"", "a.c:2:1", 0, 1, 0, "[\"VMS_SINGLE\"]", "null");
	char *fields = xasprintf("[{\"unknown\": \"cannot evaluate the field\", \"loc\": "
				 "\"a.c:2:5\"}, %s]", f);
	char *v = make_vmsd("vmstate_u", "static", "a.c:1:1", "\"u\"", 1, 1, fields, "null");
	char *out, *err;
	unsigned problems;

	out = description_of(v, "vmstate_u", &err, &problems);
	assert_int_equal(problems, 1);
	assert_string_equal(err, "a.c:2:5: warning: section 'd': vmstate_u.fields[] could not "
			    "be evaluated (cannot evaluate the field), the entry left out\n");
	assert_contains(out, "      \"Fields\": [\n        {\n          \"field\": \"x\",\n");
	free(out);
	free(err);
	free(v);
	free(fields);
	free(f);
}

static void unresolved_references(void **state)
{
	char *f = make_field("\"s\"", "a.c:7:9", 0, 8, 0, "[\"VMS_STRUCT\"]",
			     "\"vmstate_gone\"");
	char *fields = xasprintf("[%s]", f);
	char *v = make_vmsd("vmstate_r", "static", "a.c:1:1", "\"r\"", 1, 1, fields,
			    "[\"vmstate_sub_gone\"]");
	char *out, *err;
	unsigned problems;

	out = description_of(v, "vmstate_r", &err, &problems);
	assert_int_equal(problems, 2);
	assert_string_equal(err,
		"a.c:7:9: warning: section 'd': 'vmstate_gone' is not defined in any input, "
		"its Description left out\n"
		"a.c:1:1: warning: section 'd': 'vmstate_sub_gone' is not defined in any "
		"input, the subsection left out\n");
	assert_contains(out, "          \"size\": 8\n        }\n      ],\n"
			"      \"Subsections\": [\n\n      ]\n");
	free(out);
	free(err);
	free(v);
	free(fields);
	free(f);
}

static void unresolved_outside_sections_make_one_note(void **state)
{
	char *f1 = make_field("\"x\"", "a.c:2:1", 0, 1, 0, "[\"VMS_SINGLE\"]", "null");
	char *f2 = replace_once(f1, "\"info\": null", "\"info\": \"vmstate_info_gone\"");
	char *fields = xasprintf("[%s]", f2);
	char *used = make_vmsd("vmstate_used", "static", "a.c:1:1", "\"used\"", 1, 1, "null",
			       "null");
	char *unused = make_vmsd("vmstate_unused", "static", "a.c:5:1", "\"unused\"", 1, 1,
				 fields, "[\"vmstate_sub_gone\"]");
	char *both = xasprintf("%s, %s", used, unused);
	char *out, *err;
	unsigned problems;

	/* Only vmstate_used is a section; vmstate_unused's references go nowhere. */
	out = description_of(both, "vmstate_used", &err, &problems);
	assert_int_equal(problems, 0);
	assert_string_equal(err, "vmstate-extract: note: 2 other references resolve to "
			    "nothing, outside every section (the first: 'vmstate_info_gone' at "
			    "a.c:2:1): in units built without the plugin, or not recorded by it?\n");
	free(out);
	free(err);
	free(both);
	free(unused);
	free(used);
	free(fields);
	free(f2);
	free(f1);
}

static void description_that_contains_itself(void **state)
{
	char *v = make_vmsd("vmstate_loop", "static", "a.c:1:1", "\"loop\"", 1, 1, "null",
			    "[\"vmstate_loop\"]");
	char *out, *err;
	unsigned problems;

	out = description_of(v, "vmstate_loop", &err, &problems);
	assert_int_equal(problems, 1);
	assert_string_equal(err, "a.c:1:1: warning: section 'd': VMStateDescription "
			    "'vmstate_loop' contains itself; written without its fields and "
			    "subsections there\n");
	assert_contains(out, "      \"Subsections\": [\n        {\n          \"name\": "
			"\"loop\",\n          \"version_id\": 1,\n          "
			"\"minimum_version_id\": 1\n        }\n      ]\n");
	free(out);
	free(err);
	free(v);
}

/* A chain of N distinct descriptions, each the only subsection of the one before. */
static char *chain_of(int n)
{
	struct strbuf list = STRBUF_INIT;
	int i;

	for (i = 0; i < n; i++) {
		char *sym = xasprintf("vmstate_c%d", i), *name = xasprintf("\"c%d\"", i);
		char *subs = i + 1 < n ? xasprintf("[\"vmstate_c%d\"]", i + 1) : xstrdup("null");
		char *v = make_vmsd(sym, "static", "a.c:1:1", name, 1, 1, "null", subs);

		sb_printf(&list, "%s%s", i ? "," : "", v);
		free(v);
		free(subs);
		free(name);
		free(sym);
	}
	return list.data;
}

/* The runtime prints a 70-deep chain whole: depth is not a cycle. */
static void deep_chain_is_not_a_cycle(void **state)
{
	char *v = chain_of(70), *out, *err;
	unsigned problems;

	out = description_of(v, "vmstate_c0", &err, &problems);
	assert_string_equal(err, "");
	assert_int_equal(problems, 0);
	assert_contains(out, "\"name\": \"c69\"");
	free(out);
	free(err);
	free(v);
}

/* Deeper than the writer's stack allows: said so, not called a cycle. */
static void chain_deeper_than_the_limit(void **state)
{
	char *v = chain_of(DUMP_MAX_DEPTH + 2), *out, *err, *want;
	unsigned problems;

	out = description_of(v, "vmstate_c0", &err, &problems);
	assert_int_equal(problems, 1);
	want = xasprintf("a.c:1:1: warning: section 'd': VMStateDescription 'vmstate_c%d' "
			 "is nested deeper than %d descriptions; written without its fields "
			 "and subsections there\n", DUMP_MAX_DEPTH, DUMP_MAX_DEPTH);
	assert_string_equal(err, want);
	assert_contains(out, "\"name\": \"c1000\"");
	free(want);
	free(out);
	free(err);
	free(v);
}

static void vmsd_of_another_kind(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *text = make_fragment("a.c", "00000000000000aa", "",
				   "{\"data\": [{\"symbol\": \"not_vmsd\", \"linkage\": "
				   "\"static\", \"loc\": \"a.c:4:4\"}]}");
	struct qom_type t;
	char *out, *err;
	unsigned problems;

	vx_program_add(prog, "prog", parse_ok("prog", text));
	vx_program_link(prog);
	t = device("odd", vx_lookup(prog, vx_unit_at(prog, 0), "not_vmsd"));
	t.loc = "a.c:20:1";
	out = dump(prog, &t, 1, DUMP_LAYOUT_8_1, "none", &err, &problems);
	assert_int_equal(problems, 1);
	assert_string_equal(err, "a.c:20:1: warning: type 'odd': its vmsd 'not_vmsd' is not a "
			    "recorded VMStateDescription; no section written\n");
	assert_null(strstr(out, "odd"));
	free(out);
	free(err);
	free(text);
	vx_program_free(prog);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(matches_real_qemu_7_2),
		cmocka_unit_test(num_only_for_arrays_from_8_1),
		cmocka_unit_test(empty_and_absent_lists),
		cmocka_unit_test(null_names_as_qemu_prints_them),
		cmocka_unit_test(strings_are_printed_raw),
		cmocka_unit_test(no_section_is_still_json),
		cmocka_unit_test(nested_description_from_another_unit),
		cmocka_unit_test(unknown_reported_once_written_as_zero),
		cmocka_unit_test(unknown_field_entry_left_out),
		cmocka_unit_test(unresolved_references),
		cmocka_unit_test(unresolved_outside_sections_make_one_note),
		cmocka_unit_test(description_that_contains_itself),
		cmocka_unit_test(deep_chain_is_not_a_cycle),
		cmocka_unit_test(chain_deeper_than_the_limit),
		cmocka_unit_test(vmsd_of_another_kind),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
