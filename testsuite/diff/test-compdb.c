// SPDX-License-Identifier: GPL-2.0-or-later
/* cmocka tests of vmstate-diff's compilation-database handling (checker/diff/compdb.c):
 * shell word splitting, path normalization, the -fsyntax-only command. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../checker/diff/compdb.h"

static void expect_words(const char *cmd, const char *const *words, size_t n)
{
	struct vd_strv v = { 0 };
	assert_true(vd_shell_split(cmd, &v));
	assert_int_equal(v.n, n);
	for (size_t i = 0; i < n; i++)
		assert_string_equal(v.v[i], words[i]);
	vd_strv_free(&v);
}

static void test_shell_split(void **state)
{
	(void)state;
	/* Meson's quoting of a string define, and the other forms. */
	const char *const a[] = { "cc", "-DCONFIG=\"x y\"", "-I../a b", "plain", "q\"uote", "" };
	expect_words("cc '-DCONFIG=\"x y\"' -I../a\\ b  plain \"q\\\"uote\" ''", a, 6);
	const char *const b[] = { "gcc", "-c", "f.c" };
	expect_words("  gcc\t-c\nf.c  ", b, 3);
	struct vd_strv v = { 0 };
	assert_false(vd_shell_split("cc 'unterminated", &v));
	vd_strv_free(&v);
	assert_false(vd_shell_split("cc \"unterminated", &v));
	vd_strv_free(&v);
}

static void test_normalize(void **state)
{
	(void)state;
	char *p = vd_normalize_path("/b/x/build", "../../src/./hw//usb/../usb/dev.c");
	assert_string_equal(p, "/b/src/hw/usb/dev.c");
	free(p);
	p = vd_normalize_path("/b/build", "/abs/./x/../y.h");
	assert_string_equal(p, "/abs/y.h");
	free(p);
	p = vd_normalize_path("/", "../..");
	assert_string_equal(p, "/");
	free(p);
}

static void test_syntax_only_args(void **state)
{
	(void)state;
	struct vd_tu tu = { .directory = "/b", .file = "/s/f.c" };
	const char *in[] = { "ccache", "cc", "-Iinc", "-MD", "-MQ", "obj.o", "-MF", "obj.d", "-o",
			     "obj.o", "-c", "../s/f.c", "-fplugin=/x/vmstate.so",
			     "-fplugin-arg-vmstate-verbose", "-fplugin=/x/other.so", "-save-temps" };
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
		vd_strv_push(&tu.args, strdup(in[i]));
	struct vd_strv out = { 0 };
	vd_syntax_only_args(&tu, "/p/vmstate.so", "/t", "/t/deps.d", &out);
	const char *want[] = { "cc", "-Iinc", "../s/f.c", "-fplugin=/x/other.so", "-fsyntax-only",
			       "-w", "-fplugin=/p/vmstate.so", "-fplugin-arg-vmstate-dump-dir=/t",
			       "-MD", "-MF", "/t/deps.d", "-MT", "unit" };
	assert_int_equal(out.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < out.n; i++)
		assert_string_equal(out.v[i], want[i]);
	vd_strv_free(&out);
	vd_strv_free(&tu.args);
}

static void test_compdb_read(void **state)
{
	(void)state;
	char path[] = "/tmp/test-compdb-XXXXXX";
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	const char *json =
		"[{\"directory\": \"/b/build\", \"file\": \"../src/a.c\", \"output\": \"a.o\",\n"
		"  \"command\": \"cc -I'x y' -c ../src/a.c -o a.o\"},\n"
		" {\"directory\": \"/b/build\", \"file\": \"/b/src/b.S\", \"arguments\": [\"cc\", \"-c\", \"b.S\", \"-o\", \"sub/b.o\"]}]\n";
	assert_int_equal(write(fd, json, strlen(json)), (ssize_t)strlen(json));
	close(fd);
	struct vd_compdb db;
	vd_compdb_read(path, &db);
	unlink(path);
	assert_int_equal(db.n, 2);
	assert_string_equal(db.tus[0].file, "/b/src/a.c");
	assert_string_equal(db.tus[0].output, "/b/build/a.o");
	assert_string_equal(db.tus[0].args.v[1], "-Ix y");
	assert_true(vd_tu_is_c_like(&db.tus[0]));
	/* No "output": the argument of -o. */
	assert_string_equal(db.tus[1].output, "/b/build/sub/b.o");
	assert_false(vd_tu_is_c_like(&db.tus[1]));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shell_split),
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_syntax_only_args),
		cmocka_unit_test(test_compdb_read),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
