/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * cmocka tests of the vmstate-dumpcmp command: its report lines, summary and exit
 * status on small dumps in -dump-vmstate layout (testsuite/dumpcmp/data).
 * Environment: DUMPCMP (the built program), DUMPCMP_DATA (the data folder).
 */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <cmocka.h>

struct run {
	int status;      /* exit status, or -1 when the program did not exit normally */
	char out[8192];  /* stdout followed by stderr */
};

static char program[PATH_MAX];

static int find_program(void **state)
{
	const char *p = getenv("DUMPCMP");
	(void)state;

	if (!p || !realpath(p, program) || !getenv("DUMPCMP_DATA")) {
		fprintf(stderr, "test-dumpcmp-cli: set DUMPCMP to the program and DUMPCMP_DATA to the data folder\n");
		return -1;
	}
	return 0;
}

/* Run the program in the data folder with args (shell words). */
static void run(struct run *r, const char *args)
{
	char cmd[PATH_MAX * 2 + 512];
	size_t n;
	FILE *p;
	int st;

	snprintf(cmd, sizeof(cmd), "cd '%s' && '%s' %s 2>&1", getenv("DUMPCMP_DATA"), program, args);
	p = popen(cmd, "r");
	assert_non_null(p);
	n = fread(r->out, 1, sizeof(r->out) - 1, p);
	r->out[n] = '\0';
	st = pclose(p);
	r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static void test_identical_in_another_section_order(void **state)
{
	struct run r;
	(void)state;
	run(&r, "truth.json static-same.json");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "summary truth=3 static=3 identical=3 differing=0 missing=0 "
				   "extra=0 machine=same\n");
}

static void test_list_identical(void **state)
{
	struct run r;
	(void)state;
	run(&r, "--list-identical truth.json static-same.json");
	assert_int_equal(r.status, 0);
	assert_string_equal(r.out, "identical toy-bus\nidentical toy-timer\nidentical toy-uart\n"
				   "summary truth=3 static=3 identical=3 differing=0 missing=0 "
				   "extra=0 machine=same\n");
}

static void test_every_kind_of_difference(void **state)
{
	struct run r;
	(void)state;
	run(&r, "truth.json static-diff.json");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out,
		"missing toy-bus\n"
		"extra toy-extra\n"
		"differs toy-timer .Description.Fields: truth [{\"field\":\"count\",\"version_id\":0,"
		"\"field_exists\":true,\"size\":4}], static (absent)\n"
		"differs toy-uart .Description.Subsections[0].Fields[0].size: truth 8, static 4\n"
		"machine vmschkmachine .Name: truth \"pc-i440fx-7.2\", static \"none\"\n"
		"summary truth=3 static=3 identical=0 differing=2 missing=1 extra=1 machine=different\n");
}

static void test_quiet_prints_only_the_summary(void **state)
{
	struct run r;
	(void)state;
	run(&r, "--quiet truth.json static-diff.json");
	assert_int_equal(r.status, 1);
	assert_string_equal(r.out, "summary truth=3 static=3 identical=0 differing=2 missing=1 "
				   "extra=1 machine=different\n");
}

static void test_key_order_only_when_asked(void **state)
{
	struct run r;
	(void)state;
	run(&r, "truth.json static-key-order.json");
	assert_int_equal(r.status, 0);
	run(&r, "--key-order truth.json static-key-order.json");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "differs toy-uart .Description: same members in another key order\n"));
	assert_non_null(strstr(r.out, " identical=2 differing=1 "));
}

static void test_swapped_roles(void **state)
{
	struct run r;
	(void)state;
	run(&r, "static-diff.json truth.json");
	assert_int_equal(r.status, 1);
	assert_non_null(strstr(r.out, "missing toy-extra\n"));
	assert_non_null(strstr(r.out, "extra toy-bus\n"));
}

static void test_bad_inputs(void **state)
{
	struct run r;
	(void)state;
	run(&r, "no-such-file.json truth.json");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "no-such-file.json: error: cannot open: No such file or directory\n");

	run(&r, "truth.json truncated.json");
	assert_int_equal(r.status, 2);
	assert_true(strncmp(r.out, "truncated.json:", 15) == 0);
	assert_non_null(strstr(r.out, ": error: "));
	assert_null(strstr(r.out, "summary"));
	/* One line only. */
	assert_ptr_equal(strchr(r.out, '\n'), r.out + strlen(r.out) - 1);

	run(&r, "not-object.json truth.json");
	assert_int_equal(r.status, 2);
	assert_string_equal(r.out, "not-object.json:1:1: error: top level is not a JSON object "
				   "(not a -dump-vmstate file)\n");
}

static void test_bad_usage(void **state)
{
	struct run r;
	(void)state;
	run(&r, "truth.json");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.out, "error: expected two files"));
	run(&r, "--frobnicate truth.json truth.json");
	assert_int_equal(r.status, 2);
	assert_non_null(strstr(r.out, "error: unknown option '--frobnicate'"));
	run(&r, "--help");
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.out, "usage: vmstate-dumpcmp"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_identical_in_another_section_order),
		cmocka_unit_test(test_list_identical),
		cmocka_unit_test(test_every_kind_of_difference),
		cmocka_unit_test(test_quiet_prints_only_the_summary),
		cmocka_unit_test(test_key_order_only_when_asked),
		cmocka_unit_test(test_swapped_roles),
		cmocka_unit_test(test_bad_inputs),
		cmocka_unit_test(test_bad_usage),
	};
	return cmocka_run_group_tests_name("vmstate-dumpcmp", tests, find_program, NULL);
}
