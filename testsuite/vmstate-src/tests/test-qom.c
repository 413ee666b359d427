// SPDX-License-Identifier: GPL-2.0-or-later
/* The example tree's type system is the runtime truth that the extractor is measured
 * against, so its class semantics must be QEMU's: these tests pin them. */
#include "qemu/osdep.h"
#include <stdarg.h>
#include <setjmp.h>
#include <cmocka.h>
#include "hw/qdev-core.h"

typedef struct TestDeviceClass {
	DeviceClass parent_class;
	int extra;
} TestDeviceClass;

static const VMStateDescription vmsd_parent = { .name = "parent" };
static const VMStateDescription vmsd_child = { .name = "child" };

/* What ran, in order, as "hook:type" entries. */
static char trace[512];

static void note(const char *hook, ObjectClass *klass)
{
	size_t len = strlen(trace);

	snprintf(trace + len, sizeof(trace) - len, "%s%s:%s", len ? " " : "", hook,
		 object_class_get_name(klass));
}

static void parent_class_init(ObjectClass *klass, void *data)
{
	(void)data;
	note("init", klass);
	DEVICE_CLASS(klass)->vmsd = &vmsd_parent;
}

static void parent_class_base_init(ObjectClass *klass, void *data)
{
	(void)data;
	note("base", klass);
}

static void child_class_init(ObjectClass *klass, void *data)
{
	TestDeviceClass *tc = (TestDeviceClass *)klass;

	note("init", klass);
	tc->extra = *(const int *)data;
	if (tc->extra > 1)
		DEVICE_CLASS(klass)->vmsd = &vmsd_child;
}

static const int one = 1, two = 2;

static int register_test_types(void **state)
{
	static const TypeInfo infos[] = {
		{ .name = TYPE_OBJECT, .class_size = sizeof(ObjectClass), .abstract = true },
		{ .name = TYPE_DEVICE, .parent = TYPE_OBJECT, .abstract = true,
		  .class_size = sizeof(DeviceClass) },
		{ .name = "t-parent", .parent = TYPE_DEVICE, .abstract = true,
		  .class_init = parent_class_init, .class_base_init = parent_class_base_init },
		{ .name = "t-inherits", .parent = "t-parent" },
		{ .name = "t-keeps", .parent = "t-parent", .class_size = sizeof(TestDeviceClass),
		  .class_init = child_class_init, .class_data = (void *)&one },
		{ .name = "T-overrides", .parent = "t-parent",
		  .class_size = sizeof(TestDeviceClass), .class_init = child_class_init,
		  .class_data = (void *)&two },
		{ .name = "t-grandchild", .parent = "T-overrides" },
		{ .name = "not-a-device", .parent = TYPE_OBJECT },
	};

	(void)state;
	type_register_static_array(infos, ARRAY_SIZE(infos));
	return 0;
}

/* Must run first: it watches the first initialization of t-parent's classes. */
static void test_parent_class_init_runs_once_before_children(void **state)
{
	(void)state;
	trace[0] = '\0';
	object_class_by_name("t-keeps");
	assert_string_equal(trace, "init:t-parent base:t-keeps init:t-keeps");
}

static void test_subclass_without_vmsd_inherits_it(void **state)
{
	(void)state;
	DeviceClass *dc = DEVICE_CLASS(object_class_by_name("t-inherits"));

	assert_ptr_equal(dc->vmsd, &vmsd_parent);
}

static void test_class_data_reaches_class_init_and_conditions(void **state)
{
	(void)state;
	TestDeviceClass *keeps = (TestDeviceClass *)object_class_by_name("t-keeps");
	TestDeviceClass *overrides = (TestDeviceClass *)object_class_by_name("T-overrides");

	assert_int_equal(keeps->extra, 1);
	assert_ptr_equal(keeps->parent_class.vmsd, &vmsd_parent);
	assert_int_equal(overrides->extra, 2);
	assert_ptr_equal(overrides->parent_class.vmsd, &vmsd_child);
	/* The override leaves the parent's class alone. */
	assert_ptr_equal(DEVICE_CLASS(object_class_by_name("t-parent"))->vmsd, &vmsd_parent);
}

static void test_grandchild_copies_the_whole_larger_class(void **state)
{
	(void)state;
	TestDeviceClass *gc = (TestDeviceClass *)object_class_by_name("t-grandchild");

	assert_int_equal(gc->extra, 2);
	assert_ptr_equal(gc->parent_class.vmsd, &vmsd_child);
}

static void collect(ObjectClass *klass, void *opaque)
{
	char *out = opaque;
	size_t len = strlen(out);

	snprintf(out + len, 256 - len, "%s%s", len ? " " : "", object_class_get_name(klass));
}

static void test_foreach_lists_devices_sorted_abstract_on_request(void **state)
{
	char with_abstract[256] = "", without[256] = "";

	(void)state;
	object_class_foreach_sorted(TYPE_DEVICE, true, collect, with_abstract);
	object_class_foreach_sorted(TYPE_DEVICE, false, collect, without);
	assert_string_equal(with_abstract,
			    "T-overrides device t-grandchild t-inherits t-keeps t-parent");
	assert_string_equal(without, "T-overrides t-grandchild t-inherits t-keeps");
}

static void test_cast_to_an_ancestor_returns_the_class(void **state)
{
	(void)state;
	ObjectClass *oc = object_class_by_name("t-grandchild");

	assert_ptr_equal(OBJECT_CLASS_CHECK(DeviceClass, oc, "t-parent"), oc);
	assert_ptr_equal(object_class_by_name("no-such-type"), NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parent_class_init_runs_once_before_children),
		cmocka_unit_test(test_subclass_without_vmsd_inherits_it),
		cmocka_unit_test(test_class_data_reaches_class_init_and_conditions),
		cmocka_unit_test(test_grandchild_copies_the_whole_larger_class),
		cmocka_unit_test(test_foreach_lists_devices_sorted_abstract_on_request),
		cmocka_unit_test(test_cast_to_an_ancestor_returns_the_class),
	};

	return cmocka_run_group_tests(tests, register_test_types, NULL);
}
