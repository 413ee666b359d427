/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The extended dump writer (docs/extended-dump.md) on hand-written fragments: sections
 * from device classes, CPU classes and vmstate_register() calls, descriptions once each
 * under their IDs, the wire facts of fields, and every unknown explicit with its place.
 * The same through the real plugin is qom-e2e.sh's. */
#include "test-util.h"
#include "extended.h"

#define ID "00000000000000aa"

/* The fragments below are written with ' for " to stay readable. */
static char *unquote(const char *s)
{
	char *d = xstrdup(s);

	for (char *p = d; *p; p++)
		if (*p == '\'')
			*p = '"';
	return d;
}

static const char fragment_text[] =
	"{'vmstate-fragment': 1, 'producer': {'name': 't', 'version': '0', 'gcc': '12'},"
	" 'unit': {'source': 'hw/a.c', 'directory': '/t', 'id': '" ID "'},"
	" 'vmstates': ["
	/* A global description shared by two devices, with a nested static one, an
	 * unknown entry and a subsection. */
	"  {'symbol': 'vmstate_a', 'linkage': 'global', 'loc': 'hw/a.c:10:1', 'name': 'dev',"
	"   'version_id': 3, 'minimum_version_id': 2, 'needed': null,"
	"   'fields': ["
	"    {'name': 'count', 'loc': 'hw/a.c:11:5', 'version_id': 0, 'field_exists': true,"
	"     'exists': {'symbol': 'count_exists', 'loc': 'hw/a.c:5:13'},"
	"     'size': 4, 'num': 0, 'num_offset': 0, 'num_field': null,"
	"     'flags': ['VMS_SINGLE'], 'info': 'vmstate_info_uint32', 'vmsd': null},"
	"    {'name': 'regs', 'loc': 'hw/a.c:12:5', 'version_id': 2, 'field_exists': false,"
	"     'exists': null, 'size': 8, 'num': 0, 'num_offset': 16, 'num_field': 'nregs',"
	"     'flags': ['VMS_VARRAY_INT32', 'VMS_STRUCT'], 'info': null, 'vmsd': 'vmstate_reg'},"
	"    {'unknown': 'entry is not constant', 'loc': 'hw/a.c:13:5'}],"
	"   'subsections': ['vmstate_a_sub']},"
	"  {'symbol': 'vmstate_reg', 'linkage': 'static', 'loc': 'hw/a.c:20:1', 'name': 'reg',"
	"   'version_id': 1, 'minimum_version_id': 1, 'needed': null, 'fields': null,"
	"   'subsections': null},"
	"  {'symbol': 'vmstate_a_sub', 'linkage': 'static', 'loc': 'hw/a.c:30:1',"
	"   'name': 'dev/sub', 'version_id': 1,"
	"   'minimum_version_id': {'unknown': 'not constant', 'loc': 'hw/a.c:31:27'},"
	"   'needed': {'symbol': 'sub_needed', 'loc': 'hw/a.c:25:13'}, 'fields': [],"
	"   'subsections': ['vmstate_a_sub', 'vmstate_gone']},"
	/* The CPU's and a registered one. */
	"  {'symbol': 'vmstate_cpu', 'linkage': 'global', 'loc': 'hw/a.c:40:1', 'name': 'cpu',"
	"   'version_id': 1, 'minimum_version_id': 1, 'needed': null, 'fields': null,"
	"   'subsections': null},"
	"  {'symbol': 'vmstate_timers', 'linkage': 'static', 'loc': 'hw/a.c:50:1',"
	"   'name': 'timer', 'version_id': 2, 'minimum_version_id': 1, 'needed': null,"
	"   'fields': null, 'subsections': null}],"
	" 'infos': [{'symbol': 'vmstate_info_uint32', 'linkage': 'global',"
	"            'loc': 'm/t.c:1:1', 'name': 'uint32'}],"
	" 'unknowns': [],"
	" 'registers': ["
	"  {'function': 'vmstate_register', 'caller': 'timers_init', 'loc': 'hw/a.c:60:5',"
	"   'vmsd': 'vmstate_timers', 'instance_id': 0},"
	"  {'function': 'vmstate_register_any', 'caller': 'timers_init', 'loc': 'hw/a.c:61:5',"
	"   'vmsd': 'vmstate_timers', 'instance_id': 'any'},"
	"  {'function': 'vmstate_register', 'caller': 'cpu_register', 'loc': 'hw/a.c:70:9',"
	"   'vmsd': {'unknown': 'not the address of a static description', 'loc': 'hw/a.c:70:30'},"
	"   'instance_id': {'unknown': 'not constant', 'loc': 'hw/a.c:70:26'}}],"
	" 'qom': {}}";

struct result {
	struct vx_program *prog;
	json_t *dump;
	unsigned unknowns;
};

static struct qom_type type(const char *name, const struct vx_def *vmsd)
{
	struct qom_type t = { .name = name, .parent = "device", .loc = "hw/t.c:1:1",
			      .is_device = true, .vmsd = vmsd,
			      .user_creatable = QOM_CREATABLE_YES };

	return t;
}

/* Writes the extended dump of TEXT with the given types; parses it back. */
static void extended(struct result *r, const char *text, struct qom_type *types, size_t n)
{
	char *json = unquote(text);
	struct extended_options opt = { .program = "prog", .producer_version = "9" };
	struct strbuf out = STRBUF_INIT;
	json_error_t err;

	r->prog = vx_program_new();
	assert_non_null(vx_program_add(r->prog, "a.o", parse_ok("a.o", json)));
	assert_int_equal(vx_program_link(r->prog), 0);
	/* Types refer to descriptions by symbol; resolved here. */
	for (size_t i = 0; i < n; i++) {
		if (types[i].vmsd)
			types[i].vmsd = vx_lookup(r->prog, vx_unit_at(r->prog, 0),
						  types[i].vmsd->symbol);
		if (types[i].cpu_vmsd)
			types[i].cpu_vmsd = vx_lookup(r->prog, vx_unit_at(r->prog, 0),
						      types[i].cpu_vmsd->symbol);
	}
	r->unknowns = extended_write(&out, r->prog, &(struct qom_types){ types, n }, &opt);
	r->dump = json_loads(out.data, 0, &err);
	if (!r->dump)
		fail_msg("not JSON (%s): %s", err.text, out.data);
	sb_release(&out);
	free(json);
}

static void release(struct result *r)
{
	json_decref(r->dump);
	vx_program_free(r->prog);
}

/* Fails unless V, dumped compactly with sorted keys, is EXPECTED (with ' for "). */
static void assert_json(const json_t *v, const char *expected)
{
	char *text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS | JSON_ENCODE_ANY);
	char *want = unquote(expected);

	if (!text || strcmp(text, want))
		fail_msg("expected\n  %s\ngot\n  %s", want, text ? text : "(null)");
	free(want);
	free(text);
}

static const json_t *description(const struct result *r, const char *id)
{
	const json_t *d = json_object_get(json_object_get(r->dump, "descriptions"), id);

	if (!d)
		fail_msg("no description %s", id);
	return d;
}

/* A stand-in definition naming a symbol, resolved by extended() above. */
#define SYM(s) (&(struct vx_def){ .symbol = s })

static void sections_from_devices_cpus_and_registers(void **state)
{
	struct qom_type types[5] = {
		type("dev-b", SYM("vmstate_a")), type("dev-a", SYM("vmstate_a")),
		type("cpu-x", NULL), type("cpu-abstract", NULL), type("dev-u", NULL),
	};
	struct result r;
	const json_t *sections;

	types[2].is_cpu = true;
	types[2].cpu_vmsd = SYM("vmstate_cpu");
	types[2].cpu_via = "legacy_vmsd";
	types[3] = types[2];
	types[3].name = "cpu-abstract";
	types[3].abstract = true;
	types[4].unknown = "class_init stopped";
	types[4].unknown_loc = "hw/u.c:3:3";
	types[0].user_creatable = QOM_CREATABLE_NO;
	extended(&r, fragment_text, types, 5);
	assert_json(json_object_get(r.dump, "vmstate-extended-dump"), "1");
	assert_json(json_object_get(r.dump, "program"), "'prog'");
	sections = json_object_get(r.dump, "sections");
	/* By name; one section for a description registered twice; abstract CPUs left
	 * out; a registration whose description is unknown makes no section; a device's
	 * user_creatable as evaluated. */
	assert_json(sections,
		    "[{'description':'vmstate_cpu','name':'cpu','registrations':"
		    "[{'kind':'cpu','loc':'hw/t.c:1:1','type':'cpu-x','via':'legacy_vmsd'}]},"
		    "{'description':'vmstate_a','name':'dev','registrations':"
		    "[{'kind':'device','loc':'hw/t.c:1:1','type':'dev-a','user_creatable':true},"
		    "{'kind':'device','loc':'hw/t.c:1:1','type':'dev-b','user_creatable':false}]},"
		    "{'description':'vmstate_timers@" ID "','name':'timer','registrations':"
		    "[{'caller':{'loc':'hw/a.c:60:5','symbol':'timers_init'},'function':"
		    "'vmstate_register','instance_id':0,'kind':'register','loc':'hw/a.c:60:5'},"
		    "{'caller':{'loc':'hw/a.c:61:5','symbol':'timers_init'},'function':"
		    "'vmstate_register_any','instance_id':'any','kind':'register',"
		    "'loc':'hw/a.c:61:5'}]}]");
	release(&r);
}

/* Each description once, by ID (static ones qualified by their unit), with its wire
 * facts; unknowns in place with their context, and listed again at the top level. */
static void descriptions_once_with_wire_facts(void **state)
{
	struct qom_type types[2] = {
		type("dev-a", SYM("vmstate_a")), type("dev-b", SYM("vmstate_a")),
	};
	struct result r;

	extended(&r, fragment_text, types, 2);
	assert_json(description(&r, "vmstate_a"),
		    "{'fields':[{'field_exists':{'loc':'hw/a.c:5:13','symbol':'count_exists'},"
		    "'flags':['VMS_SINGLE'],'info':'uint32','loc':'hw/a.c:11:5','name':'count',"
		    "'num':0,'num_field':null,'num_offset':0,'size':4,'version_id':0,'vmsd':null},"
		    "{'field_exists':null,'flags':['VMS_VARRAY_INT32','VMS_STRUCT'],'info':null,"
		    "'loc':'hw/a.c:12:5','name':'regs','num':0,'num_field':'nregs',"
		    "'num_offset':16,'size':8,'version_id':2,'vmsd':'vmstate_reg@" ID "'},"
		    "{'context':'vmstate_a','loc':'hw/a.c:13:5','unknown':'entry is not constant'}],"
		    "'loc':'hw/a.c:10:1','minimum_version_id':2,'name':'dev','needed':null,"
		    "'subsections':['vmstate_a_sub@" ID "'],'symbol':'vmstate_a','version_id':3}");
	/* A subsection of itself is a reference, written once; one that resolves to
	 * nothing is an unknown at its description. */
	assert_json(description(&r, "vmstate_a_sub@" ID),
		    "{'fields':[],'loc':'hw/a.c:30:1','minimum_version_id':{'context':"
		    "'vmstate_a_sub@" ID "','loc':'hw/a.c:31:27','unknown':'not constant'},"
		    "'name':'dev/sub','needed':{'loc':'hw/a.c:25:13','symbol':'sub_needed'},"
		    "'subsections':['vmstate_a_sub@" ID "',{'context':'vmstate_a_sub@" ID "',"
		    "'loc':'hw/a.c:30:1','unknown':'vmstate_gone is not a "
		    "VMStateDescription of any input'}],'symbol':'vmstate_a_sub','version_id':1}");
	assert_int_equal(json_object_size(json_object_get(r.dump, "descriptions")), 4);
	assert_non_null(description(&r, "vmstate_reg@" ID));
	assert_non_null(description(&r, "vmstate_timers@" ID));
	assert_json(json_object_get(r.dump, "unknowns"),
		    "[{'context':'cpu_register','loc':'hw/a.c:70:30','unknown':"
		    "'not the address of a static description'},"
		    "{'context':'vmstate_a','loc':'hw/a.c:13:5','unknown':'entry is not constant'},"
		    "{'context':'vmstate_a_sub@" ID "','loc':'hw/a.c:31:27','unknown':"
		    "'not constant'},{'context':'vmstate_a_sub@" ID "','loc':'hw/a.c:30:1',"
		    "'unknown':'vmstate_gone is not a VMStateDescription of any input'}]");
	assert_int_equal(r.unknowns, 4);
	release(&r);
}

/* A type whose vmsd could not be decided is an unknown in the type's context. */
static void undecided_types_are_unknowns(void **state)
{
	struct qom_type types[2] = { type("dev-u", NULL), type("cpu-u", NULL) };
	struct result r;

	types[0].unknown = "class_init stopped";
	types[0].unknown_loc = "hw/u.c:3:3";
	types[1].is_cpu = true;
	types[1].cpu_unknown = "its sysemu_ops ops_gone is not recorded data";
	types[1].cpu_unknown_loc = "hw/u.c:9:9";
	extended(&r, fragment_text, types, 2);
	assert_json(json_object_get(r.dump, "unknowns"),
		    "[{'context':'type cpu-u','loc':'hw/u.c:9:9','unknown':'its sysemu_ops "
		    "ops_gone is not recorded data'},{'context':'type dev-u','loc':'hw/u.c:3:3',"
		    "'unknown':'class_init stopped'},{'context':'cpu_register','loc':"
		    "'hw/a.c:70:30','unknown':'not the address of a static description'}]");
	release(&r);
}

/* A device whose user_creatable could not be decided: an UNKNOWN in place, with the
 * type's context, and listed again. */
static void undecided_user_creatable_is_unknown(void **state)
{
	struct qom_type t = type("dev-a", SYM("vmstate_a"));
	struct result r;

	t.user_creatable = QOM_CREATABLE_UNKNOWN;
	t.creatable_unknown = "condition at hw/t.c:5:5 cannot be decided: x";
	t.creatable_unknown_loc = "hw/t.c:5:5";
	extended(&r, fragment_text, &t, 1);
	const json_t *s = json_array_get(json_object_get(r.dump, "sections"), 0);
	assert_json(json_object_get(json_array_get(json_object_get(s, "registrations"), 0),
				    "user_creatable"),
		    "{'context':'type dev-a','loc':'hw/t.c:5:5','unknown':'condition at "
		    "hw/t.c:5:5 cannot be decided: x'}");
	assert_json(json_array_get(json_object_get(r.dump, "unknowns"), 0),
		    "{'context':'type dev-a','loc':'hw/t.c:5:5','unknown':'condition at "
		    "hw/t.c:5:5 cannot be decided: x'}");
	release(&r);
}

/* A fragment from a plugin that predates the wire facts: what it cannot tell is
 * unknown, what it can (no field_exists, a fixed count) is written. */
static void older_fragments_give_unknowns(void **state)
{
	char *plain = make_field("'plain'", "b.c:2:2", 0, 4, 0, "['VMS_SINGLE']", "null");
	char *tested0 = make_field("'tested'", "b.c:3:3", 0, 4, 0, "['VMS_SINGLE']", "null");
	char *tested = replace_once(tested0, "\"field_exists\": false",
				     "\"field_exists\": true");
	char *counted = make_field("'counted'", "b.c:4:4", 0, 4, 0, "['VMS_VARRAY_UINT8']",
				   "null");
	char *fields = xasprintf("[%s, %s, %s]", plain, tested, counted);
	char *vmsd = make_vmsd("vmstate_b", "global", "b.c:1:1", "'b'", 1, 1, fields, "null");
	char *text = make_fragment("b.c", ID, vmsd, NULL);
	struct qom_type t = type("dev-b", SYM("vmstate_b"));
	const json_t *b;
	struct result r;

	extended(&r, text, &t, 1);
	b = description(&r, "vmstate_b");
	assert_json(json_object_get(b, "needed"),
		    "{'context':'vmstate_b','loc':'b.c:1:1','unknown':'.needed is not recorded "
		    "(a fragment from an older plugin)'}");
	b = json_object_get(b, "fields");
	assert_json(json_object_get(json_array_get(b, 0), "field_exists"), "null");
	assert_json(json_object_get(json_array_get(b, 0), "num_field"), "null");
	assert_json(json_object_get(json_array_get(b, 1), "field_exists"),
		    "{'context':'vmstate_b','loc':'b.c:3:3','unknown':'.field_exists is not "
		    "recorded (a fragment from an older plugin)'}");
	assert_json(json_object_get(json_array_get(b, 2), "num_field"),
		    "{'context':'vmstate_b','loc':'b.c:4:4','unknown':'the member holding the "
		    "count is not recorded (a fragment from an older plugin)'}");
	assert_int_equal(r.unknowns, 3);
	release(&r);
	free(text);
	free(vmsd);
	free(fields);
	free(counted);
	free(tested);
	free(tested0);
	free(plain);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(sections_from_devices_cpus_and_registers),
		cmocka_unit_test(descriptions_once_with_wire_facts),
		cmocka_unit_test(undecided_types_are_unknowns),
		cmocka_unit_test(undecided_user_creatable_is_unknown),
		cmocka_unit_test(older_fragments_give_unknowns),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
