/* SPDX-License-Identifier: GPL-2.0-or-later */
/* The in-process API (checker/check/vmcheck.h): on every golden case its report and
 * status are the reference's recorded ones, and its findings as data agree with that
 * report; waivers over both directions; errors. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../checker/check/vmcheck.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GOLDEN "testsuite/check/golden"

static char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	char *text = NULL;
	size_t cap = 0;
	FILE *m = open_memstream(&text, &cap);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		fwrite(chunk, 1, n, m);
	fclose(f);
	fclose(m);
	if (len)
		*len = cap;
	return text;
}

/* Text the reference leaves before a message, or at the end: only dangling prefixes
 * "Section "S" ", never a line of its own. */
static void assert_only_prefixes(const char *p, const char *end)
{
	if (p == end)
		return;
	assert_memory_equal(p, "Section \"", 9);
	assert_null(memchr(p, '\n', (size_t)(end - p)));
	assert_int_equal(end[-1], ' ');
}

/* The report rebuilt from the findings: each not-waived finding's line, in order. */
static void assert_findings_make_report(const struct vmc_result *r)
{
	size_t at = 0;
	int counted = 0;
	for (size_t i = 0; i < r->n_findings; i++) {
		const struct vmc_finding *f = &r->findings[i];
		assert_int_equal(f->waiver, -1);
		counted += finding_kinds[f->kind].counted;
		const char *line = memmem(r->report + at, r->report_len - at, f->text, f->text_len);
		assert_non_null(line);
		assert_only_prefixes(r->report + at, line);
		at = (size_t)(line - r->report) + f->text_len;
		assert_int_equal(r->report[at], '\n');
		at++;
	}
	assert_only_prefixes(r->report + at, r->report + r->report_len);
	assert_int_equal(counted < 255 ? counted : 255, r->problems);
}

static void test_golden_cases(void **state)
{
	(void)state;
	DIR *d = opendir(GOLDEN);
	assert_non_null(d);
	struct dirent *e;
	int cases = 0;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char path[512], src[512], dest[512];
		snprintf(src, sizeof(src), GOLDEN "/%s/src.json", e->d_name);
		snprintf(dest, sizeof(dest), GOLDEN "/%s/dest.json", e->d_name);
		snprintf(path, sizeof(path), GOLDEN "/%s/args", e->d_name);
		char *args = slurp(path, NULL);
		/* Expected outputs come from QEMU 10.0's script unless CASE/reference says they
		 * come from it with the newest tables. */
		snprintf(path, sizeof(path), GOLDEN "/%s/reference", e->d_name);
		char *reference = slurp(path, NULL);
		struct vmc_options o = { .reverse = args && strstr(args, "--reverse"), .findings = true,
					 .renames_10_0 = !reference || !strstr(reference, "newest-tables") };
		free(reference);
		free(args);
		struct vmc_result r;
		int status = vmc_check_files(src, dest, &o, &r);
		snprintf(path, sizeof(path), GOLDEN "/%s/expected.status", e->d_name);
		char *want_status = slurp(path, NULL);
		assert_int_equal(status, atoi(want_status));
		free(want_status);
		size_t want_len;
		snprintf(path, sizeof(path), GOLDEN "/%s/expected.out", e->d_name);
		char *want = slurp(path, &want_len);
		assert_int_equal(r.report_len, want_len);
		assert_memory_equal(r.report, want, want_len);
		free(want);
		assert_findings_make_report(&r);
		vmc_result_release(&r);
		cases++;
	}
	closedir(d);
	assert_true(cases >= 17);
}

static void test_findings_as_data(void **state)
{
	(void)state;
	struct vmc_options o = { .findings = true };
	struct vmc_result r;
	vmc_check_files(GOLDEN "/seed-series/src.json", GOLDEN "/seed-series/dest.json", &o, &r);
	const struct vmc_finding *f = NULL;
	for (size_t i = 0; i < r.n_findings; i++)
		if (r.findings[i].kind == FINDING_FIELD_MISMATCH)
			f = &r.findings[i];
	assert_non_null(f);
	assert_string_equal(f->section, "fusbh200-ehci-usb");
	assert_string_equal(f->description, "ehci-core");
	assert_string_equal(f->field, "usbsts");
	assert_string_equal(f->other[0], "usbsts_pending");
	assert_string_equal(f->text, "Section \"fusbh200-ehci-usb\", Description \"ehci-core\": "
				     "expected field \"usbsts\", got \"usbsts_pending\"; skipping rest");
	const struct vmc_finding *machine = &r.findings[r.n_findings - 2];
	assert_int_equal(machine->kind, FINDING_MACHINE_TYPE);
	assert_null(machine->section);
	assert_string_equal(machine->other[0], "pc-i440fx-2.1");
	assert_string_equal(machine->other[1], "pc-i440fx-2.2");
	vmc_result_release(&r);
}

/* One set over both directions: a record used only backward is not stale. */
static void test_waivers_over_both_directions(void **state)
{
	(void)state;
	char *error = NULL;
	struct vw_set *set = vw_parse(
		"vmstate-waivers 1\n"
		"waive kind=version section=\"PIIX3-xen\" reason=\"backward only\"\n"
		"waive kind=size section=\"usb-kbd\" field=\"nothing\" reason=\"stale\"\n"
		"waive kind=section-missing section=\"nowhere\" reason=\"no such section\"\n"
		"waive kind=section-missing section=\"fw_cfg\" reason=\"forward only\"\n", "w", &error);
	assert_non_null(set);
	struct vmc_options o = { .findings = true, .waivers = set };
	struct vmc_result fwd, back;
	const char *s = GOLDEN "/seed-series/src.json", *d = GOLDEN "/seed-series/dest.json";
	int forward = vmc_check_files(s, d, &o, &fwd);
	o.reverse = true;
	int backward = vmc_check_files(s, d, &o, &back);
	assert_int_equal(fwd.waived, 1);
	assert_int_equal(back.waived, 1);
	assert_int_equal(forward, 12);  /* golden seed-series, less fw_cfg */
	assert_int_equal(backward, 3);  /* the reference's 4 (vmstate-check --reverse), less one */
	size_t waived = 0;
	for (size_t i = 0; i < back.n_findings; i++)
		if (back.findings[i].waiver == 0) {
			waived++;
			assert_null(memmem(back.report, back.report_len, back.findings[i].text,
					   back.findings[i].text_len));
		}
	assert_int_equal(waived, 1);
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	assert_int_equal(vw_report_stale(set, m), 1);
	fclose(m);
	/* Not the record for a section neither dump has, nor the one used forward only. */
	assert_string_equal(text, "w:3: warning: stale waiver: no size message in section "
				  "\"usb-kbd\", field \"nothing\" (reason: stale)\n");
	free(text);
	vmc_result_release(&fwd);
	vmc_result_release(&back);
	vw_free(set);
}

static void test_errors(void **state)
{
	(void)state;
	struct vmc_result r;
	assert_int_equal(vmc_check_texts("a.json", "{\"x\": [}", 8, "b.json", "{}", 2, NULL, &r), 255);
	assert_string_equal(r.error_where, "a.json:1:8");
	assert_string_equal(r.error_text, "expecting value");
	assert_int_equal(r.report_len, 0);
	vmc_result_release(&r);
	assert_int_equal(vmc_check_files("no-such.json", GOLDEN "/seed-series/dest.json", NULL, &r),
			 255);
	assert_string_equal(r.error_where, "no-such.json");
	assert_string_equal(r.error_text, "cannot open: No such file or directory");
	vmc_result_release(&r);
	/* A failed run leaves nothing behind that changes the next one. */
	assert_int_equal(vmc_check_texts("a", "{}", 2, "b", "{}", 2, NULL, &r), 0);
	vmc_result_release(&r);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_golden_cases),
		cmocka_unit_test(test_findings_as_data),
		cmocka_unit_test(test_waivers_over_both_directions),
		cmocka_unit_test(test_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
