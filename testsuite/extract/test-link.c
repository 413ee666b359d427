/* SPDX-License-Identifier: GPL-2.0-or-later */
/* Linking: statics belong to their unit, globals are unique, a fragment read twice is
 * dropped, and each conflict gives its message with both locations. */
#include "test-util.h"

#define ID_A "00000000000000a1"
#define ID_B "00000000000000b2"
#define ID_C "00000000000000c3"

static char *vmsd_text(const char *symbol, const char *linkage, const char *loc)
{
	return make_vmsd(symbol, linkage, loc, "\"n\"", 1, 1, "null", "null");
}

/* Adds a unit of SOURCE/ID with up to two VMSDs and an optional "qom" member. */
static const struct vx_unit *add_unit(struct vx_program *prog, const char *input,
				      const char *source, const char *id,
				      const char *vmsd1, const char *vmsd2, const char *qom)
{
	char *list = xasprintf("%s%s%s", vmsd1 ? vmsd1 : "", vmsd1 && vmsd2 ? ", " : "",
			       vmsd2 ? vmsd2 : "");
	char *text = make_fragment(source, id, list, qom);
	const struct vx_unit *unit = vx_program_add(prog, input, parse_ok(input, text));

	free(text);
	free(list);
	return unit;
}

static unsigned link_quietly(struct vx_program *prog, char **err)
{
	unsigned problems;

	capture_begin();
	problems = vx_program_link(prog);
	*err = capture_end();
	return problems;
}

static void statics_are_per_unit(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *a = vmsd_text("vmstate_foo", "static", "a.c:1:1");
	char *b = vmsd_text("vmstate_foo", "static", "b.c:2:2");
	const struct vx_unit *ua = add_unit(prog, "prog", "a.c", ID_A, a, NULL, NULL);
	const struct vx_unit *ub = add_unit(prog, "prog", "b.c", ID_B, b, NULL, NULL);
	const struct vx_unit *uc = add_unit(prog, "prog", "c.c", ID_C, NULL, NULL, NULL);
	char *err;

	assert_int_equal(link_quietly(prog, &err), 0);
	assert_string_equal(err, "");
	assert_ptr_equal(vx_lookup(prog, ua, "vmstate_foo")->unit, ua);
	assert_ptr_equal(vx_lookup(prog, ub, "vmstate_foo")->unit, ub);
	assert_string_equal(fragment_string(vx_lookup(prog, ub, "vmstate_foo")->json, "loc"),
			    "b.c:2:2");
	/* Another unit cannot see either static. */
	assert_null(vx_lookup(prog, uc, "vmstate_foo"));
	assert_null(vx_lookup(prog, NULL, "vmstate_foo"));
	free(err);
	free(a);
	free(b);
	vx_program_free(prog);
}

static void global_seen_from_every_unit(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *g = vmsd_text("vmstate_pci_device", "global", "pci.c:10:5");
	const struct vx_unit *ua = add_unit(prog, "prog", "a.c", ID_A, NULL, NULL, NULL);
	const struct vx_unit *ub = add_unit(prog, "prog", "pci.c", ID_B, g, NULL, NULL);
	const struct vx_def *def;
	char *err;

	assert_int_equal(link_quietly(prog, &err), 0);
	def = vx_lookup(prog, ua, "vmstate_pci_device");
	assert_non_null(def);
	assert_ptr_equal(def->unit, ub);
	assert_true(def->global);
	assert_int_equal(def->kind, VX_DEF_VMSTATE);
	assert_string_equal(def->symbol, "vmstate_pci_device");
	assert_ptr_equal(vx_lookup(prog, NULL, "vmstate_pci_device"), def);
	assert_null(vx_lookup(prog, ua, "vmstate_missing"));
	free(err);
	free(g);
	vx_program_free(prog);
}

static void own_static_shadows_global(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *s = vmsd_text("vmstate_x", "static", "a.c:1:1");
	char *g = vmsd_text("vmstate_x", "global", "b.c:1:1");
	const struct vx_unit *ua = add_unit(prog, "prog", "a.c", ID_A, s, NULL, NULL);
	const struct vx_unit *ub = add_unit(prog, "prog", "b.c", ID_B, g, NULL, NULL);
	const struct vx_unit *uc = add_unit(prog, "prog", "c.c", ID_C, NULL, NULL, NULL);
	char *err;

	assert_int_equal(link_quietly(prog, &err), 0);
	assert_ptr_equal(vx_lookup(prog, ua, "vmstate_x")->unit, ua);
	assert_false(vx_lookup(prog, ua, "vmstate_x")->global);
	assert_ptr_equal(vx_lookup(prog, uc, "vmstate_x")->unit, ub);
	free(err);
	free(s);
	free(g);
	vx_program_free(prog);
}

static void two_global_definitions(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *g1 = vmsd_text("vmstate_dup", "global", "../hw/one.c:12:34");
	char *g2 = vmsd_text("vmstate_dup", "global", "../hw/two.c:56:7");
	const struct vx_unit *ua = add_unit(prog, "one.o", "../hw/one.c", ID_A, g1, NULL, NULL);
	const struct vx_unit *uc;
	char *err;

	add_unit(prog, "two.o", "../hw/two.c", ID_B, g2, NULL, NULL);
	uc = add_unit(prog, "three.o", "c.c", ID_C, NULL, NULL, NULL);
	assert_int_equal(link_quietly(prog, &err), 1);
	assert_string_equal(err,
		"../hw/two.c:56:7: warning: global symbol 'vmstate_dup' is defined twice "
		"(in two.o)\n"
		"../hw/one.c:12:34: note: the definition that is used (in one.o)\n");
	/* The first definition wins, as reported. */
	assert_ptr_equal(vx_lookup(prog, uc, "vmstate_dup")->unit, ua);
	free(err);
	free(g1);
	free(g2);
	vx_program_free(prog);
}

/* One source compiled into two libraries: the same definition twice is no conflict,
 * but the same symbol from that source with another content still is. */
static void same_source_in_two_libraries(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *g = vmsd_text("vmstate_info_bool", "global", "../migration/vmstate-types.c:40:19");
	char *h = vmsd_text("vmstate_other", "global", "../migration/vmstate-types.c:50:1");
	char *h2 = vmsd_text("vmstate_other", "global", "../migration/vmstate-types.c:51:1");
	char *err;

	(void)state;
	add_unit(prog, "liba.a(vmstate-types.o)", "../migration/vmstate-types.c", ID_A, g, NULL, NULL);
	add_unit(prog, "libb.a(vmstate-types.o)", "../migration/vmstate-types.c", ID_B, g, NULL, NULL);
	assert_int_equal(link_quietly(prog, &err), 0);
	assert_string_equal(err, "");
	free(err);
	vx_program_free(prog);

	prog = vx_program_new();
	add_unit(prog, "liba.a(vmstate-types.o)", "../migration/vmstate-types.c", ID_A, h, NULL, NULL);
	add_unit(prog, "libb.a(vmstate-types.o)", "../migration/vmstate-types.c", ID_B, h2, NULL, NULL);
	assert_int_equal(link_quietly(prog, &err), 1);
	assert_non_null(strstr(err, "global symbol 'vmstate_other' is defined twice"));
	free(err);
	free(g);
	free(h);
	free(h2);
	vx_program_free(prog);
}

static void same_fragment_twice_is_dropped(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *g = vmsd_text("vmstate_g", "global", "a.c:1:1");
	char *err;

	assert_non_null(add_unit(prog, "a.o", "a.c", ID_A, g, NULL, NULL));
	/* The executable carries the same fragment as its object. */
	assert_null(add_unit(prog, "prog", "a.c", ID_A, g, NULL, NULL));
	assert_int_equal(vx_unit_count(prog), 1);
	assert_int_equal(link_quietly(prog, &err), 0);
	assert_string_equal(err, "");
	free(err);
	free(g);
	vx_program_free(prog);
}

static void same_unit_id_different_fragment(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *g1 = vmsd_text("vmstate_g", "global", "a.c:1:1");
	char *g2 = vmsd_text("vmstate_h", "global", "a.c:2:1");
	char *err;

	add_unit(prog, "a.o", "a.c", ID_A, g1, NULL, NULL);
	capture_begin();
	assert_non_null(add_unit(prog, "b.o", "a.c", ID_A, g2, NULL, NULL));
	err = capture_end();
	assert_string_equal(err, "b.o: warning: unit " ID_A " (a.c) was also read from a.o "
			    "with a different fragment; both are kept\n");
	free(err);
	assert_int_equal(link_quietly(prog, &err), 1);
	assert_int_equal(vx_unit_count(prog), 2);
	free(err);
	free(g1);
	free(g2);
	vx_program_free(prog);
}

static void units_in_input_order(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *err;

	add_unit(prog, "x", "b.c", ID_B, NULL, NULL, NULL);
	add_unit(prog, "y", "a.c", ID_A, NULL, NULL, NULL);
	link_quietly(prog, &err);
	assert_int_equal(vx_unit_count(prog), 2);
	assert_string_equal(vx_unit_at(prog, 0)->source, "b.c");
	assert_string_equal(vx_unit_at(prog, 0)->input, "x");
	assert_string_equal(vx_unit_at(prog, 0)->id, ID_B);
	assert_string_equal(vx_unit_at(prog, 1)->source, "a.c");
	assert_non_null(json_object_get(vx_unit_at(prog, 1)->fragment, "vmstates"));
	assert_null(vx_unit_at(prog, 2));
	free(err);
	vx_program_free(prog);
}

static const char qom_defs[] =
	"{\"functions\": [{\"symbol\": \"dev_class_init\", \"linkage\": \"static\","
	"  \"loc\": \"a.c:30:1\"}],"
	" \"data\": [{\"symbol\": \"vmstate_dev\", \"linkage\": \"global\","
	"  \"loc\": \"a.c:5:1\"}, {\"symbol\": \"dev_info\", \"linkage\": \"static\","
	"  \"loc\": \"a.c:40:1\"}]}";

static void kinds_and_one_variable_under_two_kinds(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *v = vmsd_text("vmstate_dev", "global", "a.c:5:1");
	const struct vx_unit *ua = add_unit(prog, "prog", "a.c", ID_A, v, NULL, qom_defs);
	const struct vx_unit *ub = add_unit(prog, "prog", "b.c", ID_B, NULL, NULL, NULL);
	char *err;

	assert_int_equal(link_quietly(prog, &err), 0);
	assert_string_equal(err, "");
	assert_int_equal(vx_lookup(prog, ub, "vmstate_dev")->kind, VX_DEF_VMSTATE);
	assert_int_equal(vx_lookup_kind(prog, ub, "vmstate_dev", VX_DEF_DATA)->kind,
			 VX_DEF_DATA);
	assert_null(vx_lookup_kind(prog, ub, "vmstate_dev", VX_DEF_INFO));
	assert_int_equal(vx_lookup(prog, ua, "dev_class_init")->kind, VX_DEF_FUNCTION);
	assert_null(vx_lookup(prog, ub, "dev_class_init"));
	assert_int_equal(vx_lookup(prog, ua, "dev_info")->kind, VX_DEF_DATA);
	assert_string_equal(fragment_string(vx_lookup(prog, ua, "dev_info")->json, "loc"),
			    "a.c:40:1");
	free(err);
	free(v);
	vx_program_free(prog);
}

static void function_defined_twice_globally(void **state)
{
	struct vx_program *prog = vx_program_new();
	static const char f1[] = "{\"functions\": [{\"symbol\": \"helper\", \"linkage\": "
				 "\"global\", \"loc\": \"x.c:3:6\"}]}";
	static const char f2[] = "{\"functions\": [{\"symbol\": \"helper\", \"linkage\": "
				 "\"global\", \"loc\": \"y.c:9:6\"}]}";
	char *err;

	add_unit(prog, "libx.a(x.o)", "x.c", ID_A, NULL, NULL, f1);
	add_unit(prog, "liby.a(y.o)", "y.c", ID_B, NULL, NULL, f2);
	assert_int_equal(link_quietly(prog, &err), 1);
	assert_string_equal(err,
		"y.c:9:6: warning: global symbol 'helper' is defined twice (in liby.a(y.o))\n"
		"x.c:3:6: note: the definition that is used (in libx.a(x.o))\n");
	free(err);
	vx_program_free(prog);
}

static void symbol_listed_twice_in_one_unit(void **state)
{
	struct vx_program *prog = vx_program_new();
	char *v1 = vmsd_text("vmstate_s", "static", "a.c:1:1");
	char *v2 = vmsd_text("vmstate_s", "static", "a.c:9:1");
	char *err;

	add_unit(prog, "prog", "a.c", ID_A, v1, v2, NULL);
	assert_int_equal(link_quietly(prog, &err), 1);
	assert_string_equal(err, "a.c:9:1: warning: VMStateDescription 'vmstate_s' is listed "
			    "twice in unit a.c (in prog)\n");
	free(err);
	free(v1);
	free(v2);
	vx_program_free(prog);
}

static void many_units_resolve(void **state)
{
	struct vx_program *prog = vx_program_new();
	const struct vx_unit *units[3000];
	char *err;
	int i;

	/* Enough units and symbols to grow every table several times. */
	for (i = 0; i < 3000; i++) {
		char id[17], sym[32], loc[32];
		char *s, *g;

		snprintf(id, sizeof(id), "%016x", i);
		snprintf(sym, sizeof(sym), "vmstate_g%d", i);
		snprintf(loc, sizeof(loc), "u%d.c:1:1", i);
		s = vmsd_text("vmstate_local", "static", loc);
		g = vmsd_text(sym, "global", loc);
		units[i] = add_unit(prog, "prog", loc, id, s, g, NULL);
		free(s);
		free(g);
	}
	assert_int_equal(link_quietly(prog, &err), 0);
	for (i = 0; i < 3000; i += 7) {
		char sym[32];

		snprintf(sym, sizeof(sym), "vmstate_g%d", i);
		assert_ptr_equal(vx_lookup(prog, units[(i * 13) % 3000], sym)->unit, units[i]);
		assert_ptr_equal(vx_lookup(prog, units[i], "vmstate_local")->unit, units[i]);
	}
	free(err);
	vx_program_free(prog);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(statics_are_per_unit),
		cmocka_unit_test(global_seen_from_every_unit),
		cmocka_unit_test(own_static_shadows_global),
		cmocka_unit_test(two_global_definitions),
		cmocka_unit_test(same_source_in_two_libraries),
		cmocka_unit_test(same_fragment_twice_is_dropped),
		cmocka_unit_test(same_unit_id_different_fragment),
		cmocka_unit_test(units_in_input_order),
		cmocka_unit_test(kinds_and_one_variable_under_two_kinds),
		cmocka_unit_test(function_defined_twice_globally),
		cmocka_unit_test(symbol_listed_twice_in_one_unit),
		cmocka_unit_test(many_units_resolve),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
