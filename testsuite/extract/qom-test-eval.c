/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The QOM evaluator on hand-written IR: the cases a compiler seldom produces but a
 * fragment may hold (endless loops, recursion, malformed IR, out-of-bounds pointers),
 * and the rules for undecidable branches.  The patterns real code produces are tested
 * end to end, with the plugin, by qom-e2e.sh. */
#include "test-util.h"
#include "qom.h"

#define ID "00000000000000a1"

/* The IR below is written with ' for " to stay readable. */
static char *unquote(const char *s)
{
	char *d = xstrdup(s);
	for (char *p = d; *p; p++)
		if (*p == '\'')
			*p = '"';
	return d;
}

#define DEVICE_INFO \
	"{'symbol': 'info_device', 'linkage': 'static', 'loc': 't.c:1:1', 'type': 'TypeInfo'," \
	" 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', 'device']," \
	" ['abstract', 1]]}}"

#define INFO(sym, name, class_init) \
	"{'symbol': '" sym "', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo'," \
	" 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', '" name "']," \
	" ['parent', 'device'], ['class_init', {'op': 'addr', 'sym': '" class_init "'}]]}}"

#define REGISTER(sym) \
	"{'do': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'type_register_static'}," \
	" 'args': [{'op': 'addr', 'sym': '" sym "'}], 'loc': 't.c:9:2'}, 'loc': 't.c:9:2'}"

#define REG_FUNCTION(body) \
	"{'symbol': 'reg', 'linkage': 'static', 'loc': 't.c:8:1', 'params': []," \
	" 'writes_vmsd': false, 'calls': ['type_register_static'], 'body': [" body "]}"

#define SET_VMSD(value) \
	"{'do': {'op': 'assign', 'to': {'op': 'field', 'of': {'op': 'deref', 'ptr':" \
	" {'op': 'local', 'id': 1, 'name': 'klass'}}, 'struct': 'DeviceClass', 'name': 'vmsd'," \
	" 'agg': false}, 'value': " value "}, 'loc': 't.c:20:5'}"

#define CLASS_INIT(sym, body) \
	"{'symbol': '" sym "', 'linkage': 'static', 'loc': 't.c:19:1', 'params': [1, 2]," \
	" 'writes_vmsd': true, 'calls': [], 'body': [" body "]}"

#define VMSD_X "{'op': 'addr', 'sym': 'vmstate_x'}"

struct result {
	struct vx_program *prog;
	struct qom_types types;
	unsigned problems;
	char *err;
};

/* Links one unit with the given "qom" functions and data, and evaluates it. */
static void evaluate(struct result *r, const char *functions, const char *data)
{
	char *vmsd = make_vmsd("vmstate_x", "static", "t.c:3:1", "\"x\"", 1, 1, "null", "null");
	char *qom = xasprintf("{'registrations': [{'function': 'reg', 'loc': 't.c:30:1'}],"
			      " 'functions': [%s], 'data': [%s], 'unknowns': []}",
			      functions, data);
	char *qom_json = unquote(qom);
	char *text = make_fragment("t.c", ID, vmsd, qom_json);

	r->prog = vx_program_new();
	assert_non_null(vx_program_add(r->prog, "t.o", parse_ok("t.o", text)));
	assert_int_equal(vx_program_link(r->prog), 0);
	capture_begin();
	assert_int_equal(qom_evaluate(r->prog, &r->types, &r->problems), 0);
	r->err = capture_end();
	free(text);
	free(qom_json);
	free(qom);
	free(vmsd);
}

static void release(struct result *r)
{
	qom_types_free(&r->types);
	vx_program_free(r->prog);
	free(r->err);
}

static const struct qom_type *find(const struct result *r, const char *name)
{
	for (size_t i = 0; i < r->types.count; i++)
		if (!strcmp(r->types.types[i].name, name))
			return &r->types.types[i];
	fail_msg("type %s not registered; stderr: %s", name, r->err);
	return NULL;
}

static void direct_assignment(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_a")) ","
		     CLASS_INIT("a_class_init", SET_VMSD(VMSD_X)),
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init"));
	const struct qom_type *a = find(&r, "dev-a");
	assert_true(a->is_device);
	assert_non_null(a->vmsd);
	assert_string_equal(a->vmsd->symbol, "vmstate_x");
	assert_string_equal(a->parent, "device");
	assert_true(find(&r, "device")->abstract);
	assert_null(find(&r, "device")->vmsd);
	assert_int_equal(r.problems, 0);
	release(&r);
}

#define ABSTRACT_INFO(sym, name, parent) \
	"{'symbol': '" sym "', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo'," \
	" 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', '" name "']," \
	" ['parent', '" parent "'], ['abstract', 1]]}}"

#define CPU_INFO(sym, name, class_init) \
	"{'symbol': '" sym "', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo'," \
	" 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', '" name "']," \
	" ['parent', 'cpu'], ['class_init', {'op': 'addr', 'sym': '" class_init "'}]]}}"

#define SET_SYSEMU_OPS(value) \
	"{'do': {'op': 'assign', 'to': {'op': 'field', 'of': {'op': 'deref', 'ptr':" \
	" {'op': 'local', 'id': 1, 'name': 'klass'}}, 'struct': 'CPUClass'," \
	" 'name': 'sysemu_ops', 'agg': false}, 'value': " value "}, 'loc': 't.c:40:5'}"

#define SYSEMU_OPS(sym, fields) \
	"{'symbol': '" sym "', 'linkage': 'static', 'loc': 't.c:4:1', 'type': 'SysemuCPUOps'," \
	" 'init': {'op': 'struct', 'type': 'SysemuCPUOps', 'fields': [" fields "]}}"

/* CPU classes: cc->sysemu_ops->legacy_vmsd, read through the recorded SysemuCPUOps;
 * none when the ops have no legacy_vmsd; unknown when the ops are not recorded. */
static void cpu_legacy_vmsd(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_cpu") ","
				  REGISTER("info_c1") "," REGISTER("info_c2") ","
				  REGISTER("info_c3")) ","
		     CLASS_INIT("c1_init", SET_SYSEMU_OPS("{'op': 'addr', 'sym': 'ops_1'}")) ","
		     CLASS_INIT("c2_init", SET_SYSEMU_OPS("{'op': 'addr', 'sym': 'ops_2'}")) ","
		     CLASS_INIT("c3_init", SET_SYSEMU_OPS("{'op': 'addr', 'sym': 'ops_gone'}")),
		 DEVICE_INFO "," ABSTRACT_INFO("info_cpu", "cpu", "device") ","
		 CPU_INFO("info_c1", "cpu-1", "c1_init") "," CPU_INFO("info_c2", "cpu-2", "c2_init")
		 "," CPU_INFO("info_c3", "cpu-3", "c3_init") ","
		 SYSEMU_OPS("ops_1", "['legacy_vmsd', " VMSD_X "]") ","
		 SYSEMU_OPS("ops_2", "['asidx_from_attrs', 0]"));
	const struct qom_type *c1 = find(&r, "cpu-1"), *c2 = find(&r, "cpu-2"),
		*c3 = find(&r, "cpu-3");
	assert_true(c1->is_cpu && c1->is_device);
	assert_non_null(c1->cpu_vmsd);
	assert_string_equal(c1->cpu_vmsd->symbol, "vmstate_x");
	assert_string_equal(c1->cpu_via, "legacy_vmsd");
	assert_null(c1->vmsd);
	assert_null(c2->cpu_vmsd);
	assert_null(c2->cpu_unknown);
	assert_null(c3->cpu_vmsd);
	assert_non_null(c3->cpu_unknown);
	assert_contains(c3->cpu_unknown, "ops_gone");
	assert_false(find(&r, "device")->is_cpu);
	release(&r);
}

/* A registration in an endless loop: stopped by the step limit, and the second
 * registration of the type reported once, not once per turn (fuzzing found 222,224
 * warnings and a timeout). */
static void registration_loop_reported_once(void **state)
{
	struct result r;
	const char *p, *twice = "is registered twice";
	int count = 0;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") ", {'label': 1}," REGISTER("info_a")
				  ", {'goto': 1}") ","
		     CLASS_INIT("a_class_init", SET_VMSD(VMSD_X)),
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init"));
	for (p = strstr(r.err, twice); p; p = strstr(p + 1, twice))
		count++;
	assert_int_equal(count, 1);
	assert_contains(r.err, "too many steps");
	assert_non_null(find(&r, "dev-a")->vmsd);
	release(&r);
}

/* for (;;) {} before the store: stopped by the step limit, reported, no hang. */
static void endless_loop_is_unknown(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_a")) ","
		     CLASS_INIT("a_class_init", "{'label': 1}, {'goto': 1}," SET_VMSD(VMSD_X)),
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init"));
	const struct qom_type *a = find(&r, "dev-a");
	assert_null(a->vmsd);
	assert_non_null(a->unknown);
	assert_contains(a->unknown, "too many steps");
	assert_contains(r.err, "warning: vmsd of type \"dev-a\" is unknown");
	assert_int_equal(r.problems, 1);
	release(&r);
}

/* A class_init that calls itself: the depth limit ends it; the store after the call
 * still happens (the call's result is unknown, nothing else). */
static void recursion_is_bounded(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_a")) ","
		     "{'symbol': 'a_class_init', 'linkage': 'static', 'loc': 't.c:19:1',"
		     " 'params': [1, 2], 'writes_vmsd': true, 'calls': ['a_class_init'],"
		     " 'body': [{'do': {'op': 'assign', 'to': {'op': 'local', 'id': 3, 'name': 'r'},"
		     " 'value': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'a_class_init'},"
		     " 'args': [{'op': 'local', 'id': 1, 'name': 'klass'}, 0], 'loc': 't.c:21:3'}},"
		     " 'loc': 't.c:21:3'}," SET_VMSD(VMSD_X) "]}",
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init"));
	const struct qom_type *a = find(&r, "dev-a");
	assert_non_null(a->vmsd);
	release(&r);
}

/* An undecidable branch that cannot store a vmsd is stepped over; one that can makes
 * the vmsd unknown, with the branch's location; a later definite store wins again. */
static void undecidable_branches(void **state)
{
	struct result r;
	(void)state;
#define HOST_CALL "{'op': 'call', 'fn': {'op': 'addr', 'sym': 'host_probe'}, 'args': [], 'loc': 't.c:40:9'}"
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_a") ","
				  REGISTER("info_b") "," REGISTER("info_c")) ","
		     CLASS_INIT("a_class_init",
				"{'br': " HOST_CALL ", 'then': 1, 'else': 2, 'join': 2, 'loc': 't.c:40:5'},"
				"{'label': 1}, {'do': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'g_free'},"
				" 'args': [0], 'loc': 't.c:41:1'}}, {'label': 2}," SET_VMSD(VMSD_X)) ","
		     CLASS_INIT("b_class_init",
				"{'br': " HOST_CALL ", 'then': 1, 'else': 2, 'join': 2, 'loc': 't.c:50:5'},"
				"{'label': 1}," SET_VMSD(VMSD_X) ", {'label': 2}") ","
		     CLASS_INIT("c_class_init",
				"{'br': " HOST_CALL ", 'then': 1, 'else': 2, 'join': 2, 'loc': 't.c:60:5'},"
				"{'label': 1}," SET_VMSD("0") ", {'label': 2}," SET_VMSD(VMSD_X)),
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init") ","
		 INFO("info_b", "dev-b", "b_class_init") "," INFO("info_c", "dev-c", "c_class_init"));
	assert_non_null(find(&r, "dev-a")->vmsd);
	assert_null(find(&r, "dev-a")->unknown);
	assert_null(find(&r, "dev-b")->vmsd);
	assert_string_equal(find(&r, "dev-b")->unknown_loc, "t.c:50:5");
	assert_contains(r.err, "t.c:50:5: warning: vmsd of type \"dev-b\" is unknown");
	assert_non_null(find(&r, "dev-c")->vmsd);
	assert_int_equal(r.problems, 1);
	release(&r);
}

/* Names built by g_strdup_printf and g_strconcat. */
static void glib_strings(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") ","
		     "{'decl': 1, 'name': 'info', 'init': {'op': 'struct', 'type': 'TypeInfo',"
		     " 'fields': [['parent', 'device']]}},"
		     "{'do': {'op': 'assign', 'to': {'op': 'field', 'of': {'op': 'local', 'id': 1,"
		     " 'name': 'info'}, 'struct': 'TypeInfo', 'name': 'name', 'agg': false},"
		     " 'value': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'g_strdup_printf'},"
		     " 'args': ['%s-%d-%x%%', 'a', 5, 255], 'loc': 't.c:9:1'}}},"
		     "{'do': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'type_register'},"
		     " 'args': [{'op': 'addr_of', 'of': {'op': 'local', 'id': 1, 'name': 'info'}}],"
		     " 'loc': 't.c:10:1'}},"
		     "{'do': {'op': 'assign', 'to': {'op': 'field', 'of': {'op': 'local', 'id': 1,"
		     " 'name': 'info'}, 'struct': 'TypeInfo', 'name': 'name', 'agg': false},"
		     " 'value': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'g_strconcat'},"
		     " 'args': ['b', '-', 'c', 0], 'loc': 't.c:11:1'}}},"
		     "{'do': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'type_register'},"
		     " 'args': [{'op': 'addr_of', 'of': {'op': 'local', 'id': 1, 'name': 'info'}}],"
		     " 'loc': 't.c:12:1'}}"),
		 DEVICE_INFO);
	find(&r, "a-5-ff%");
	find(&r, "b-c");
	assert_int_equal(r.problems, 0);
	release(&r);
}

/* Reading past a table: the registration is reported, never a crash. */
static void out_of_bounds_is_reported(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(
		     "{'do': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'type_register_static'},"
		     " 'args': [{'op': 'ptradd', 'ptr': {'op': 'decay', 'ptr': {'op': 'addr',"
		     " 'sym': 'infos'}}, 'bytes': 960, 'elem': 96}], 'loc': 't.c:9:2'}}"),
		 "{'symbol': 'infos', 'linkage': 'static', 'loc': 't.c:1:1', 'type': 'TypeInfo[1]',"
		 " 'init': {'op': 'array', 'elems': [{'op': 'struct', 'type': 'TypeInfo',"
		 " 'fields': [['name', 'x']]}], 'length': 1}}");
	assert_int_equal(r.types.count, 0);
	assert_contains(r.err, "t.c:9:2: warning: a type is registered with a TypeInfo that "
			"cannot be evaluated");
	assert_int_equal(r.problems, 1);
	release(&r);
}

/* IR that no plugin writes: every statement and expression shape is refused quietly
 * or reported, and evaluation goes on. */
static void malformed_ir_never_crashes(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(
		     REGISTER("info_device") ", {'do': 5}, {'do': {'op': 7}}, {'do': {'op': 'bin', 'code': '/', 'a': 1, 'b': 0}},"
		     "{'do': {'op': 'deref', 'ptr': 0}}, {'do': {'op': 'index', 'of': 3, 'index': 'x'}},"
		     "{'do': {'op': 'assign', 'to': 4, 'value': 5}}, {'decl': -3, 'init': 1},"
		     "{'do': {'op': 'field', 'of': {'op': 'addr', 'sym': 'nowhere'}}},"
		     "{'do': {'op': 'call', 'fn': 12, 'args': 'no'}},"
		     "{'goto': 12345}, {'switch': 'str', 'cases': [[1, 2, 99]], 'default': null,"
		     " 'join': 98}"),
		 DEVICE_INFO);
	find(&r, "device");
	assert_contains(r.err, "could not be evaluated to its end");
	release(&r);
}

/* class_base_init of an ancestor runs for each descendant, before its class_init;
 * object_class_dynamic_cast answers by the registered ancestry. */
static void base_init_and_dynamic_cast(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_base") ","
				  REGISTER("info_a")) ","
		     "{'symbol': 'base_init', 'linkage': 'static', 'loc': 't.c:19:1', 'params': [1, 2],"
		     " 'writes_vmsd': true, 'calls': ['object_class_dynamic_cast'], 'body': ["
		     "{'br': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'object_class_dynamic_cast'},"
		     " 'args': [{'op': 'local', 'id': 1, 'name': 'klass'}, 'dev-a'], 'loc': 't.c:20:1'},"
		     " 'then': 1, 'else': 2, 'join': 2, 'loc': 't.c:20:1'}, {'label': 1},"
		     SET_VMSD(VMSD_X) ", {'label': 2}]}",
		 DEVICE_INFO ","
		 "{'symbol': 'info_base', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo',"
		 " 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', 'base'],"
		 " ['parent', 'device'], ['class_base_init', {'op': 'addr', 'sym': 'base_init'}]]}},"
		 "{'symbol': 'info_a', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo',"
		 " 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', 'dev-a'],"
		 " ['parent', 'base']]}}");
	assert_null(find(&r, "base")->vmsd);
	assert_non_null(find(&r, "dev-a")->vmsd);
	assert_int_equal(r.problems, 0);
	release(&r);
}

/* if (getenv(...)) return; before registrations: they go on, and only a device whose
 * vmsd hangs on it is reported. */
static void early_return_in_registration(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(
		     "{'br': {'op': 'call', 'fn': {'op': 'addr', 'sym': 'getenv'}, 'args': ['X'],"
		     " 'loc': 't.c:8:9'}, 'then': 1, 'else': 2, 'join': 2, 'loc': 't.c:8:5'},"
		     "{'label': 1}, {'ret': null}, {'label': 2},"
		     REGISTER("info_device") "," REGISTER("info_a") "," REGISTER("info_b")) ","
		     CLASS_INIT("a_class_init", SET_VMSD(VMSD_X)) ","
		     CLASS_INIT("b_class_init", ""),
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init") ","
		 INFO("info_b", "dev-b", "b_class_init"));
	assert_non_null(find(&r, "dev-a")->vmsd);
	assert_non_null(find(&r, "dev-a")->unknown);
	assert_null(find(&r, "dev-b")->unknown);
	assert_contains(r.err, "warning: vmsd of type \"dev-a\" is unknown: it is registered "
			"only if an early return is not taken: condition at t.c:8:5");
	assert_int_equal(r.problems, 1);
	release(&r);
}

/* The conflict messages: a type registered twice keeps its first registration, a
 * parent that is never registered leaves the type without ancestry. */
static void conflicts(void **state)
{
	struct result r;
	(void)state;
	evaluate(&r, REG_FUNCTION(REGISTER("info_device") "," REGISTER("info_a") ","
				  REGISTER("info_a2") "," REGISTER("info_orphan")) ","
		     CLASS_INIT("a_class_init", SET_VMSD(VMSD_X)),
		 DEVICE_INFO "," INFO("info_a", "dev-a", "a_class_init") ","
		 "{'symbol': 'info_a2', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo',"
		 " 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', 'dev-a']]}},"
		 "{'symbol': 'info_orphan', 'linkage': 'static', 'loc': 't.c:2:1', 'type': 'TypeInfo',"
		 " 'init': {'op': 'struct', 'type': 'TypeInfo', 'fields': [['name', 'orphan'],"
		 " ['parent', 'nowhere']]}}");
	assert_contains(r.err, "t.c:9:2: warning: type 'dev-a' is registered twice (first at "
			"t.c:9:2); the first registration is kept");
	assert_contains(r.err, "t.c:9:2: warning: type 'orphan' has parent 'nowhere', which is "
			"never registered");
	assert_non_null(find(&r, "dev-a")->vmsd);
	assert_false(find(&r, "orphan")->is_device);
	assert_int_equal(r.problems, 2);
	release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(direct_assignment),
		cmocka_unit_test(cpu_legacy_vmsd),
		cmocka_unit_test(registration_loop_reported_once),
		cmocka_unit_test(endless_loop_is_unknown),
		cmocka_unit_test(recursion_is_bounded),
		cmocka_unit_test(undecidable_branches),
		cmocka_unit_test(glib_strings),
		cmocka_unit_test(out_of_bounds_is_reported),
		cmocka_unit_test(malformed_ir_never_crashes),
		cmocka_unit_test(base_init_and_dynamic_cast),
		cmocka_unit_test(early_return_in_registration),
		cmocka_unit_test(conflicts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
