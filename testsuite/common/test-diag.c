/* SPDX-License-Identifier: GPL-2.0-or-later */
/* checker/common/diag: GCC's form, counts, exit statuses and colour.  The coloured
 * bytes are the ones GCC 12 writes with -fdiagnostics-color=always (checked with
 * `gcc -fdiagnostics-color=always -c bad.c 2>&1 | cat -v`). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/common/diag.h"
#include "child.h"

#include <fcntl.h>

static char *text;
static size_t text_len;
static FILE *capture;

static void start(enum diag_color mode)
{
	free(text);
	text = NULL;
	capture = open_memstream(&text, &text_len);
	diag_set_stream(capture);
	diag_set_color(mode);
}

static const char *stop(void)
{
	fclose(capture);
	diag_set_stream(NULL);
	return text;
}

static void test_plain_form_and_counts(void **state)
{
	(void)state;
	diag_init("tool", NULL);
	unsigned e = diag_error_count(), w = diag_warning_count();
	start(DIAG_COLOR_NEVER);
	diag_error("f.json:1:2", "bad %s", "thing");
	diag_warning(NULL, "careful");
	diag_note_at("f.json", 3, 0, "here");
	diag_error_at("f.json", 0, 0, "whole file");
	diag_warning_at("g", 4, 5, "x");
	assert_string_equal(stop(), "f.json:1:2: error: bad thing\n"
				    "tool: warning: careful\n"
				    "f.json:3: note: here\n"
				    "f.json: error: whole file\n"
				    "g:4:5: warning: x\n");
	assert_int_equal(diag_error_count(), e + 2);
	assert_int_equal(diag_warning_count(), w + 2);
}

static void test_color_as_gcc(void **state)
{
	(void)state;
	diag_init("cc1", NULL);
	start(DIAG_COLOR_ALWAYS);
	diag_error("bad.c:1:22", "x");
	diag_warning("w.c:1:2", "y");
	diag_note(NULL, "z");
	assert_string_equal(stop(),
		"\033[01m\033[Kbad.c:1:22:\033[m\033[K \033[01;31m\033[Kerror: \033[m\033[Kx\n"
		"\033[01m\033[Kw.c:1:2:\033[m\033[K \033[01;35m\033[Kwarning: \033[m\033[Ky\n"
		"\033[01m\033[Kcc1:\033[m\033[K \033[01;36m\033[Knote: \033[m\033[Kz\n");
}

static void test_color_auto(void **state)
{
	(void)state;
	/* A memory stream is no terminal: auto means no colour. */
	start(DIAG_COLOR_AUTO);
	diag_error("f", "x");
	assert_string_equal(stop(), "f: error: x\n");
	/* GCC_COLORS overrides the defaults. */
	setenv("GCC_COLORS", "error=01;32:locus=04:bogus=1", 1);
	start(DIAG_COLOR_ALWAYS);
	diag_error("f", "x");
	assert_string_equal(stop(), "\033[04m\033[Kf:\033[m\033[K \033[01;32m\033[Kerror: \033[m\033[Kx\n");
	unsetenv("GCC_COLORS");
}

static void auto_on_a_terminal(void *arg)
{
	(void)arg;
	/* stderr is the test's pipe; a pseudo-terminal is what auto looks for. */
	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) || unlockpt(master))
		_exit(99);
	FILE *tty = fopen(ptsname(master), "w");
	if (!tty)
		_exit(99);
	diag_set_stream(tty);
	diag_set_color(DIAG_COLOR_AUTO);
	diag_error("f", "x");
	fclose(tty);
	char buf[256];
	ssize_t n = read(master, buf, sizeof(buf) - 1);
	buf[n > 0 ? n : 0] = '\0';
	fputs(buf, stderr);
}

static void test_color_auto_terminal_and_no_color(void **state)
{
	(void)state;
	struct child_result r;
	setenv("TERM", "xterm", 1);
	unsetenv("NO_COLOR");
	run_child(auto_on_a_terminal, NULL, &r);
	assert_int_equal(r.status, 0);
	assert_non_null(strstr(r.err, "\033[01;31m\033[Kerror: "));
	setenv("NO_COLOR", "1", 1);
	run_child(auto_on_a_terminal, NULL, &r);
	assert_null(strstr(r.err, "\033["));
	assert_non_null(strstr(r.err, "f: error: x"));
	unsetenv("NO_COLOR");
	setenv("TERM", "dumb", 1);
	run_child(auto_on_a_terminal, NULL, &r);
	assert_null(strstr(r.err, "\033["));
}

static void test_parse_color(void **state)
{
	(void)state;
	enum diag_color mode;
	assert_true(diag_parse_color("never", &mode));
	assert_int_equal(mode, DIAG_COLOR_NEVER);
	assert_true(diag_parse_color("always", &mode));
	assert_int_equal(mode, DIAG_COLOR_ALWAYS);
	assert_true(diag_parse_color("auto", &mode));
	assert_int_equal(mode, DIAG_COLOR_AUTO);
	assert_false(diag_parse_color("yes", &mode));
	assert_false(diag_color_option("--colors"));
	assert_true(diag_color_option("--color=never"));
}

static void bad_color_option(void *arg)
{
	static const struct diag_exits exits = { 64, 3, 4 };
	(void)arg;
	diag_init("tool", &exits);
	diag_color_option("--color=sometimes");
}

static void fatal_input(void *arg)
{
	static const struct diag_exits exits = { 2, 255, 4 };
	(void)arg;
	diag_init("tool", &exits);
	diag_fatal_input("in.json:2:3", "broken");
}

static void test_fatal_statuses(void **state)
{
	(void)state;
	struct child_result r;
	run_child(bad_color_option, NULL, &r);
	assert_int_equal(r.status, 64);
	assert_string_equal(r.err, "tool: error: --color takes never, always or auto, not 'sometimes'\n");
	run_child(fatal_input, NULL, &r);
	assert_int_equal(r.status, 255);
	assert_string_equal(r.err, "in.json:2:3: error: broken\n");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_plain_form_and_counts),
		cmocka_unit_test(test_color_as_gcc),
		cmocka_unit_test(test_color_auto),
		cmocka_unit_test(test_color_auto_terminal_and_no_color),
		cmocka_unit_test(test_parse_color),
		cmocka_unit_test(test_fatal_statuses),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
